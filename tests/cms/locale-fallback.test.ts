/**
 * Hosts with their own fallback rules: locales en (default), zh, fr with fr falling back to zh (and ja to fr then
 * zh), and one with `fallback: false`. The public API answers what Payload's own Local API reads for the locale, and
 * the SQL path what the Local API reference does.
 */
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type Config, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFromUrl, guardConnectionPool } from '../../cms/database'
import { regionalNews, runtimeOf } from '../../cms/plugin'
import { buildArticleDetail } from '../../cms/plugin/queries/article-detail'
import { buildArticleList } from '../../cms/plugin/queries/article-list'
import { buildCategoryList } from '../../cms/plugin/queries/category-list'
import { fastReader } from '../../cms/plugin/queries/read-path'
import { buildRegionTree } from '../../cms/plugin/queries/region-tree'
import { buildArticleDetail as refDetail } from '../../cms/plugin/queries/reference/article-detail'
import { buildArticleList as refList } from '../../cms/plugin/queries/reference/article-list'
import { buildCategoryList as refCategories } from '../../cms/plugin/queries/reference/category-list'
import { buildRegionTree as refTree } from '../../cms/plugin/queries/reference/region-tree'
import { ARTICLE_SORTS } from '../../cms/plugin/public-api/query-params'
import type { ArticleCard, ContentLocale } from '../../wire/index'
import type { BootedPayload } from '../support/boot-payload'
import { lexicalBody, pngFile } from '../support/fixtures'
import { jan } from '../support/news-fixtures'
import { viaPayload } from '../support/public-client'
import { createTestDatabase, testDatabaseKind } from '../support/test-database'

type Doc = Record<string, any>
type Localization = Exclude<Config['localization'], false | undefined>

const HOSTS: Record<string, Localization> = {
  'fr falls back to zh, ja to fr then zh': {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'zh', label: '中文' },
      { code: 'fr', label: 'Français', fallbackLocale: 'zh' },
      { code: 'ja', label: '日本語', fallbackLocale: ['fr', 'zh'] },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  // fr's own fallbackLocale is ignored when fallback is off, as Payload ignores it.
  'fallback: false': {
    locales: [{ code: 'en', label: 'English' }, { code: 'zh', label: '中文' }, { code: 'fr', label: 'Français', fallbackLocale: 'zh' }],
    defaultLocale: 'en',
    fallback: false,
  },
}

const boot = async (localization: Localization): Promise<BootedPayload> => {
  const database = await createTestDatabase()
  const config = await buildConfig({
    secret: 'locale-fallback-secret-0123456789abcdef',
    db: await databaseFromUrl(database.url, database.dir),
    editor: lexicalEditor(),
    collections: [{ slug: 'staff', auth: true, fields: [] }],
    admin: { user: 'staff' },
    localization,
    plugins: [regionalNews({ overrides: { media: { upload: { staticDir: `${database.dir}/uploads` } as never } } })],
  })
  const payload = await getPayload({ config, key: database.url })
  guardConnectionPool(payload)
  return { payload, database, close: async () => { await payload.destroy(); await database.drop() } }
}

/**
 * Written in English (the default) and Chinese; French only in part: an empty excerpt, a missing body, credits
 * without labels, a category without a description, a city without a short name, an article with no French at all.
 */
const createWorld = async (payload: Payload) => {
  const write = async (collection: string, locale: string, data: Doc, id?: string | number) =>
    (id === undefined
      ? await payload.create({ collection: collection as never, locale: locale as never, data: data as never })
      : await payload.update({ collection: collection as never, id, locale: locale as never, data: data as never })) as unknown as Doc

  const industry = await write('categories', 'en', { name: 'Industry', slug: 'industry', description: 'What the industry does', order: 1 })
  await write('categories', 'zh', { name: '行业', description: '行业动态' }, industry.id)
  await write('categories', 'fr', { name: 'Industrie' }, industry.id)
  const policy = await write('categories', 'en', { name: 'Policy', slug: 'policy', order: 2 })
  await write('categories', 'zh', { name: '政策' }, policy.id)

  const zhejiang = await write('regions', 'en', { code: '330000', name: 'Zhejiang', shortName: 'Zhejiang', level: 'province', pinyin: 'zhejiang' })
  await write('regions', 'zh', { name: '浙江省', shortName: '浙江' }, zhejiang.id)
  const hangzhou = await write('regions', 'en', { code: '330100', name: 'Hangzhou', shortName: 'Hangzhou', level: 'city', parent: zhejiang.id, pinyin: 'hangzhou' })
  await write('regions', 'zh', { name: '杭州市', shortName: '杭州' }, hangzhou.id)
  await write('regions', 'fr', { name: 'Hangzhou (fr)' }, hangzhou.id)
  const beijing = await write('regions', 'en', { code: '110000', name: 'Beijing', level: 'province', pinyin: 'beijing' })

  const image = await payload.create({ collection: 'media' as never, locale: 'en' as never, data: { alt: 'Pallets on a dock' } as never, file: await pngFile('fallback-cover.png') })
  await write('media', 'zh', { alt: '码头上的托盘' }, image.id)

  const pallets = await write('articles', 'en', {
    title: 'Pallets', slug: 'pallets', excerpt: 'Pallet excerpt', body: lexicalBody('Pallet body'), category: industry.id, regions: [hangzhou.id],
    cover: image.id, publishedAt: jan(10), _status: 'published',
  })
  await write('articles', 'zh', { title: '托盘', excerpt: '托盘摘要', body: lexicalBody('托盘正文'), _status: 'published' }, pallets.id)
  await write('articles', 'fr', { title: 'Palettes', excerpt: '', _status: 'published' }, pallets.id)
  const ports = await write('articles', 'en', {
    title: 'Ports', slug: 'ports', excerpt: 'Port excerpt', body: lexicalBody('Port body'), category: industry.id, regions: [zhejiang.id, beijing.id],
    publishedAt: jan(11), _status: 'published',
  })
  await write('articles', 'zh', { title: '港口', _status: 'published' }, ports.id)
  await write('articles', 'fr', { title: 'Ports (fr)', body: lexicalBody('Corps du texte'), _status: 'published' }, ports.id)
  await write('articles', 'en', { title: 'Rail', slug: 'rail', excerpt: 'Rail excerpt', category: industry.id, publishedAt: jan(12), _status: 'published' })
  // Credits' labels are required in a locale once it is written, so the article with credits has no French.
  const rules = await write('articles', 'en', {
    title: 'Rules', slug: 'rules', category: policy.id, regions: [beijing.id], credits: [{ label: 'Source', value: 'Reuters' }], publishedAt: jan(9), _status: 'published',
  })
  const credits = (rules.credits as Doc[]).map((c) => ({ id: c.id, value: c.value, label: '来源' }))
  await write('articles', 'zh', { title: '规则', credits, _status: 'published' }, rules.id)
}

/** A card as the tests compare it with Payload's own document. */
const cardView = (card: ArticleCard) => ({
  slug: card.slug,
  title: card.title,
  excerpt: card.excerpt,
  category: card.category && { slug: card.category.slug, name: card.category.name, description: card.category.description },
  regions: card.regions.map((r) => r.name),
  alt: card.cover?.alt,
})

/** The same from a document Payload's Local API read at depth 1 (its own fallback for the locale). */
const docView = (doc: Doc) => ({
  slug: doc.slug,
  title: doc.title ?? '',
  excerpt: doc.excerpt ?? '',
  // The public API sends '' for text missing in the locale (Payload: undefined).
  category: doc.category && { slug: doc.category.slug, name: doc.category.name ?? '', description: doc.category.description || undefined },
  regions: ((doc.regions ?? []) as Doc[]).map((r) => r.shortName || r.name || r.code),
  alt: doc.cover ? (doc.cover.alt ?? '') : undefined,
})

const textOf = (body: Doc | null | undefined): string[] => (body?.root?.children ?? []).map((p: Doc) => p.children.map((t: Doc) => t.text).join(''))

for (const [name, localization] of Object.entries(HOSTS)) {
  describe(`a host whose localization has ${name}`, () => {
    let booted: BootedPayload
    let payload: Payload
    const locales = localization.locales.map((l) => (typeof l === 'string' ? l : l.code)) as ContentLocale[]
    const options = () => runtimeOf(payload).options
    const api = async (path: string) => {
      const reply = await viaPayload(booted, `/api/news${path}`)
      expect(reply.status, path).toBe(200)
      return reply.json
    }
    /** Payload's own answer: no fallbackLocale given, so Payload applies the host's rule for the locale. */
    const stock = async (collection: string, locale: string, extra: Doc = {}) =>
      (await payload.find({ collection: collection as never, locale: locale as never, pagination: false, depth: 1, overrideAccess: false, ...extra })).docs as unknown as Doc[]

    beforeAll(async () => {
      booted = await boot(localization)
      payload = booted.payload
      await createWorld(payload)
    })
    afterAll(async () => booted?.close())

    it('article lists: each card as Payload reads the article, its category, regions and cover', async () => {
      for (const locale of locales) {
        const list = await api(`/articles?locale=${locale}&limit=50`)
        const docs = await stock('articles', locale, { sort: ['-publishedAt', '-id'] })
        expect(list.docs.map(cardView), locale).toEqual(docs.map(docView))
        expect(list.docs.length).toBe(4)
      }
    })

    it('article details: title, excerpt, body, credits and neighbours as Payload reads them', async () => {
      for (const locale of locales) {
        const docs = await stock('articles', locale, { sort: ['-publishedAt', '-id'] })
        for (const doc of docs) {
          const detail = await api(`/articles/${doc.slug}?locale=${locale}`)
          expect(cardView(detail), `${doc.slug} ${locale}`).toEqual(docView(doc))
          const text = textOf(doc.body)
          if (text.length) for (const t of text) expect(detail.html, `${doc.slug} ${locale}`).toContain(t)
          else expect(detail.html, `${doc.slug} ${locale}`).toBe('')
          const credits = ((doc.credits ?? []) as Doc[]).flatMap((c) => (c.label && c.value ? [{ label: c.label, value: c.value }] : []))
          expect(detail.credits, `${doc.slug} ${locale}`).toEqual(credits)
          const sameCategory = docs.filter((d) => d.category?.id === doc.category?.id)
          const at = sameCategory.indexOf(doc)
          const link = (d: Doc | undefined) => d && { slug: d.slug, title: d.title ?? '' }
          expect(detail.prev, `${doc.slug} ${locale}`).toEqual(link(sameCategory[at - 1]))
          expect(detail.next, `${doc.slug} ${locale}`).toEqual(link(sameCategory[at + 1]))
        }
      }
    })

    it('categories as Payload reads them', async () => {
      for (const locale of locales) {
        const { docs } = await api(`/categories?locale=${locale}`)
        const expected = (await stock('categories', locale, { sort: ['order', 'slug'] })).map((c) => ({ slug: c.slug, name: c.name ?? '', description: c.description || undefined }))
        expect(docs, locale).toEqual(expected)
      }
    })

    it('the region tree names regions as Payload reads them', async () => {
      for (const locale of locales) {
        const tree = await api(`/regions?locale=${locale}`)
        const named = new Map<string, string>()
        for (const p of tree.provinces) for (const node of [p, ...(p.cities ?? [])]) named.set(node.code, node.name)
        const expected = new Map((await stock('regions', locale, { where: { active: { equals: true } } })).map((r) => [r.code as string, (r.shortName || r.name || r.code) as string]))
        expect(named, locale).toEqual(expected)
      }
    })

    it('the witnesses: what each rule makes of the French gaps', async () => {
      const card = async (locale: string, slug: string) => cardView(await api(`/articles/${slug}?locale=${locale}`))
      const pallets = await card('fr', 'pallets')
      const rail = await card('fr', 'rail')
      const categories = (await api('/categories?locale=fr')).docs
      if (localization.fallback) {
        // fr → zh, not the default: the empty excerpt and the missing description and alt come from Chinese…
        expect(pallets).toMatchObject({ title: 'Palettes', excerpt: '托盘摘要', alt: '码头上的托盘', regions: ['杭州'] })
        expect(categories).toEqual([{ slug: 'industry', name: 'Industrie', description: '行业动态' }, { slug: 'policy', name: '政策' }])
        // …and never on to English: an article with no Chinese has no French title either.
        expect(rail).toMatchObject({ title: '', excerpt: '' })
        // ja → [fr, zh]: the first that has a value.
        expect(await card('ja', 'pallets')).toMatchObject({ title: 'Palettes', excerpt: '托盘摘要' })
        // (The French excerpt was derived from the French body when it was written.)
        expect(await card('ja', 'ports')).toMatchObject({ title: 'Ports (fr)', excerpt: 'Corps du texte' })
        expect(await api('/articles/rules?locale=fr')).toMatchObject({ title: '规则', credits: [{ label: '来源', value: 'Reuters' }] })
      } else {
        expect(pallets).toMatchObject({ title: 'Palettes', excerpt: '', alt: '', regions: ['Hangzhou (fr)'] })
        expect(rail).toMatchObject({ title: '', excerpt: '' })
        expect(await api('/articles/rules?locale=fr')).toMatchObject({ title: '', credits: [] })
        expect((await api('/articles/ports?locale=zh')).excerpt).toBe('')
        expect(categories[0]).toEqual({ slug: 'industry', name: 'Industrie' })
      }
    })

    it(`the ${testDatabaseKind() === 'mongodb' ? 'read path (the reference on MongoDB)' : 'SQL path'} answers exactly as the Local API reference`, async () => {
      expect(Boolean(fastReader(payload, options()))).toBe(testDatabaseKind() !== 'mongodb')
      for (const locale of locales) {
        for (const sort of ARTICLE_SORTS)
          for (const page of [1, 2]) {
            const params = { sort, locale, page, limit: 2 }
            expect(await buildArticleList(payload, options(), params), JSON.stringify(params)).toEqual(await refList(payload, options(), params))
          }
        for (const slug of ['pallets', 'ports', 'rail', 'rules'])
          expect(await buildArticleDetail(payload, options(), slug, locale), `${slug} ${locale}`).toEqual(await refDetail(payload, options(), slug, locale))
        expect(await buildCategoryList(payload, options(), locale), locale).toEqual(await refCategories(payload, options(), locale))
        expect(await buildRegionTree(payload, options(), locale), locale).toEqual(await refTree(payload, options(), locale))
      }
    })
  })
}
