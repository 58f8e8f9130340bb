import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runtimeOf } from '../../cms/plugin'
import { buildArticleDetail } from '../../cms/plugin/queries/article-detail'
import { buildArticleList } from '../../cms/plugin/queries/article-list'
import { buildCategoryList } from '../../cms/plugin/queries/category-list'
import { fastReader } from '../../cms/plugin/queries/read-path'
import { buildRegionTree } from '../../cms/plugin/queries/region-tree'
import { buildArticleDetail as refDetail } from '../../cms/plugin/queries/reference/article-detail'
import { buildArticleList as refList } from '../../cms/plugin/queries/reference/article-list'
import { buildCategoryList as refCategories } from '../../cms/plugin/queries/reference/category-list'
import { buildRegionTree as refTree } from '../../cms/plugin/queries/reference/region-tree'
import { ARTICLE_SORTS, type ListParams } from '../../cms/plugin/public-api/query-params'
import type { ContentLocale } from '../../wire/index'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { countQueries } from '../support/count-queries'
import { lexicalBody, pngFile } from '../support/fixtures'
import { createNewsFixtures, jan, type NewsFixtures } from '../support/news-fixtures'
import { testDatabaseKind } from '../support/test-database'

let booted: BootedPayload
let world: NewsFixtures
let payload: Payload
const options = () => runtimeOf(payload).options
const LOCALES: ContentLocale[] = ['zh', 'en']
const sql = testDatabaseKind() !== 'mongodb'

/** An answer or the error it raised, so both paths can be compared on failures too. */
const outcome = async (fn: () => Promise<unknown>) => {
  try {
    return { ok: await fn() }
  } catch (error) {
    return { error: `${(error as { status?: number }).status ?? ''} ${(error as Error).message}` }
  }
}

beforeAll(async () => {
  booted = await bootPayload()
  payload = booted.payload
  world = await createNewsFixtures(payload)
  const { industry, policy } = world.categories
  const { hangzhou, zhejiang, beijing, nanjing, wenzhou } = world.regions
  const create = (data: Record<string, unknown>, draft = false) =>
    payload.create({ collection: 'articles', draft, data: { author: '编辑部', body: lexicalBody(`${String(data.title)} 正文`), ...data } as never })

  // Covers: one public (a published article shows it), one made non-public behind the article's back.
  const publicImage = await payload.create({ collection: 'media', data: { alt: '公开封面' }, file: await pngFile('cover-public.png') })
  await payload.update({ collection: 'media', id: publicImage.id, locale: 'en', data: { alt: 'Public cover' } as never })
  const hiddenImage = await payload.create({ collection: 'media', data: { alt: '隐藏封面' }, file: await pngFile('cover-hidden.png', '#d53a3a') })
  await payload.update({ collection: 'articles', id: world.articles.hangzhou.id, data: { cover: publicImage.id } as never })
  await payload.update({ collection: 'articles', id: world.articles.ningbo.id, data: { cover: hiddenImage.id } as never })
  await payload.db.updateOne({ collection: 'media', id: hiddenImage.id, data: { usedByPublished: false } })

  // Ties on publish time (broken by id), featured ones, titles translated or not, nationwide ones, an inactive city.
  for (let i = 0; i < 9; i++) {
    const doc = await create({
      title: `批量文章 ${String.fromCharCode(0x5f00 + ((i * 7) % 9))} ${i}`,
      slug: `bulk-${i}`,
      category: i % 3 === 2 ? policy.id : industry.id,
      regions: [[], [hangzhou.id], [zhejiang.id], [beijing.id], [nanjing.id, hangzhou.id], [wenzhou.id]][i % 6],
      publishedAt: jan(i % 4 === 0 ? 5 : 13 + i),
      featured: i % 4 === 1,
      credits: i % 2 ? [{ label: '来源', value: `来源${i}` }] : [],
      _status: 'published',
    })
    if (i % 6 === 0) await payload.update({ collection: 'articles', id: doc.id, locale: 'en', data: { title: `Bulk ${i}`, excerpt: `Bulk excerpt ${i}` } as never })
    if (i === 1) {
      const credits = (doc as unknown as { credits: { id: string; value: string }[] }).credits
      await payload.update({ collection: 'articles', id: doc.id, locale: 'en', data: { title: 'Bulk 1', credits: credits.map((c) => ({ ...c, label: 'Source' })) } as never })
    }
  }
  // Tagged with a city and its province: one article that either's list matches twice (counted and listed once).
  await create({ title: '杭州与浙江', slug: 'city-and-province', category: industry.id, regions: [hangzhou.id, zhejiang.id], publishedAt: jan(15), featured: true, _status: 'published' })
  // Drafts: never published, and a published article with a newer draft over it.
  await create({ title: '草稿', slug: 'draft-only', category: industry.id, regions: [hangzhou.id], publishedAt: jan(20), _status: 'draft' }, true)
  await payload.update({ collection: 'articles', id: world.articles.beijing.id, draft: true, data: { title: '北京（草稿）', _status: 'draft' } as never })
  await payload.update({ collection: 'articles', id: world.articles.zhejiang.id, locale: 'en', data: { title: 'Zhejiang logistics', excerpt: '' } as never })
  // View counts with ties.
  const counts: Record<string, number> = { hangzhou: 5, zhejiang: 5, ningbo: 2, nationwide: 9, twoCities: 2 }
  for (const [key, views] of Object.entries(counts)) {
    await payload.db.updateMany({ collection: 'article-views', where: { article: { equals: world.articles[key]!.id } }, data: { views } })
  }
}, 240_000)
afterAll(async () => booted?.close())

describe('the fast read path answers exactly as the Local API reference', () => {
  it(`is in use on ${testDatabaseKind()}${sql ? '' : ' (reference fallback)'}`, () => {
    expect(Boolean(fastReader(payload, options()))).toBe(sql)
  })

  it('article lists: category × region × sort × locale × page', async () => {
    const categories = [undefined, 'industry', 'policy', 'no-such-category']
    const regions = [undefined, '330100', '330000', '110000', '320100', '999999']
    let compared = 0
    for (const category of categories)
      for (const region of regions)
        for (const sort of ARTICLE_SORTS)
          for (const locale of LOCALES)
            for (const page of [1, 2, 3]) {
              const params: ListParams = { category, region, sort, locale, page, limit: 3 }
              const [fast, ref] = [await outcome(() => buildArticleList(payload, options(), params)), await outcome(() => refList(payload, options(), params))]
              expect(fast, JSON.stringify(params)).toEqual(ref)
              compared++
            }
    expect(compared).toBe(4 * 6 * ARTICLE_SORTS.length * 2 * 3)
  })

  it('the matrix has witnesses: covers (public and not), drafts hidden, pages filled', async () => {
    const all = (await buildArticleList(payload, options(), { sort: '-publishedAt', locale: 'en', page: 1, limit: 50 })).docs
    const bySlug = new Map(all.map((d) => [d.slug, d]))
    expect(bySlug.get('hangzhou-pallets')?.cover?.alt).toBe('Public cover')
    expect(bySlug.get('hangzhou-pallets')?.cover?.sizes.thumb?.url).toMatch(/cover-public-320x200\.webp$/)
    expect(bySlug.get('ningbo-port')?.cover).toBeUndefined()
    expect(bySlug.has('draft-only')).toBe(false)
    expect(bySlug.get('beijing-cold-chain')?.title).toBe('北京冷链')
    expect(bySlug.get('bulk-3')?.title).toMatch(/^批量文章/)
    expect(all.length).toBeGreaterThan(12)
  })

  it('article details: every article, both locales, plus drafts and unknown slugs', async () => {
    const slugs = [...Object.values(world.articles).map((a) => a.slug as string), ...Array.from({ length: 9 }, (_, i) => `bulk-${i}`), 'draft-only', 'no-such-article']
    for (const slug of slugs)
      for (const locale of LOCALES) {
        const [fast, ref] = [await outcome(() => buildArticleDetail(payload, options(), slug, locale)), await outcome(() => refDetail(payload, options(), slug, locale))]
        expect(fast, `${slug} ${locale}`).toEqual(ref)
      }
  })

  it('region tree and categories', async () => {
    for (const locale of LOCALES) {
      expect(await buildRegionTree(payload, options(), locale)).toEqual(await refTree(payload, options(), locale))
      expect(await buildCategoryList(payload, options(), locale)).toEqual(await refCategories(payload, options(), locale))
    }
  })
})

describe.runIf(sql)('statements per answer', () => {
  const count = async (fn: () => Promise<unknown>) => (await countQueries(payload, fn))!.queries

  it('a list page costs three statements whatever its size; detail four; tree and categories one', async () => {
    // The region index is loaded once per cache generation, not per answer.
    await buildArticleList(payload, options(), { region: '330100', sort: '-publishedAt', locale: 'zh', page: 1, limit: 1 })
    for (const sort of ARTICLE_SORTS)
      for (const limit of [1, 50]) {
        const params: ListParams = { category: 'industry', region: '330000', sort, locale: 'en', page: 1, limit }
        expect(await count(() => buildArticleList(payload, options(), params)), `${sort} ${limit}`).toBe(3)
      }
    expect(await count(() => buildArticleDetail(payload, options(), 'hangzhou-pallets', 'en'))).toBe(4)
    expect(await count(() => buildRegionTree(payload, options(), 'en'))).toBe(1)
    expect(await count(() => buildCategoryList(payload, options(), 'en'))).toBe(1)
    // The reference, for scale.
    expect(await count(() => refList(payload, options(), { category: 'industry', region: '330000', sort: '-publishedAt', locale: 'en', page: 1, limit: 50 }))).toBeGreaterThan(5)
  })
})
