import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { demoArticles, demoCategories, demoRegionPhones } from '../../cms/demo/seed/demo-content'
import { seedAll, type SeedAllResult } from '../../cms/demo/seed/seed-all'
import { bootPayload, type BootedPayload } from '../support/boot-payload'

type Id = string | number
const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))

let booted: BootedPayload
let first: SeedAllResult
const lines: string[] = []
let seconds = 0

beforeAll(async () => {
  // No fixed or inherited credentials: the seed must generate the password.
  vi.stubEnv('ADMIN_EMAIL', '')
  vi.stubEnv('ADMIN_PASSWORD', '')
  booted = await bootPayload()
  const started = Date.now()
  first = await seedAll(booted.payload, { log: (line) => lines.push(line) })
  seconds = (Date.now() - started) / 1000
  console.log(`seed (${booted.database.kind}): ${seconds.toFixed(1)} s\n${lines.join('\n')}`)
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await booted?.close()
})

const count = async (collection: string, where?: Record<string, unknown>) =>
  (await booted.payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs

const region = async (code: string, locale: 'zh' | 'en' = 'zh') => {
  const { docs } = await booted.payload.find({ collection: 'regions', where: { code: { equals: code } }, locale, depth: 0, limit: 1 })
  return docs[0] as unknown as Record<string, unknown> & { id: Id }
}

const article = async (slug: string, locale: 'zh' | 'en' = 'zh') => {
  const { docs } = await booted.payload.find({ collection: 'articles', where: { slug: { equals: slug } }, locale, depth: 1, limit: 1 })
  return docs[0] as unknown as Record<string, any> & { id: Id }
}

describe('seedAll', () => {
  it('creates every region, the five categories, the articles and one admin', async () => {
    expect(first.regions).toEqual({ created: 389, existing: 0 })
    expect(await count('regions')).toBe(389)
    expect(await count('regions', { level: { equals: 'province' } })).toBe(34)

    expect(first.categories.created).toBe(5)
    const categories = await booted.payload.find({ collection: 'categories', sort: 'order', depth: 0, pagination: false })
    expect(categories.docs.map((c) => [c.slug, c.name, c.order])).toEqual(demoCategories.map((c) => [c.slug, c.name.zh, c.order]))

    expect(demoArticles.length).toBeGreaterThanOrEqual(28)
    expect(first.articles).toEqual({ created: demoArticles.length, existing: 0, skipped: 0 })
    expect(await count('articles')).toBe(demoArticles.length)
    expect(await count('articles', { _status: { equals: 'published' } })).toBe(demoArticles.length)
    expect(lines.some((line) => /^seed: regions 389 created, 0 existing/.test(line))).toBe(true)
  })

  it('publishes every article (document and latest version) with distinct slugs and past dates', async () => {
    const { payload } = booted
    const latest = await payload.find({ collection: 'articles', draft: true, pagination: false, depth: 0 })
    expect(latest.docs).toHaveLength(demoArticles.length)
    expect(latest.docs.every((doc) => doc._status === 'published')).toBe(true)
    const slugs = latest.docs.map((doc) => doc.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    const dates = latest.docs.map((doc) => new Date(doc.publishedAt as string).getTime())
    expect(new Set(dates.map((d) => new Date(d).toISOString().slice(0, 10))).size).toBe(dates.length)
    expect(Math.max(...dates)).toBeLessThanOrEqual(Date.now())
    expect(Math.min(...dates)).toBeGreaterThan(Date.now() - 270 * 24 * 3600 * 1000)
    expect(latest.docs.filter((doc) => doc.featured).length).toBeGreaterThanOrEqual(4)
    // Anonymous readers see them too.
    const anonymous = await payload.find({ collection: 'articles', overrideAccess: false, pagination: false, depth: 0 })
    expect(anonymous.docs).toHaveLength(demoArticles.length)
  })

  it('creates the admin with a generated password, printed once', async () => {
    const { payload } = booted
    expect(first.admin.created).toBe(true)
    expect(first.admin.email).toBe('admin@example.com')
    const password = first.admin.password!
    expect(password.length).toBeGreaterThanOrEqual(16)
    expect(lines.filter((line) => line.includes(password))).toHaveLength(1)
    const users = await payload.find({ collection: 'users', depth: 0 })
    expect(users.docs.map((u) => [u.email, u.roles])).toEqual([['admin@example.com', ['admin']]])
    const login = await payload.login({ collection: 'users', data: { email: 'admin@example.com', password } })
    expect(login.token).toBeTruthy()
  })

  it('gives a few provinces and cities their demo contact phone, and no other region one', async () => {
    for (const [code, phone] of Object.entries(demoRegionPhones)) expect((await region(code)).phone, code).toBe(phone)
    expect(await count('regions', { phone: { exists: true } })).toBe(Object.keys(demoRegionPhones).length)
  })

  it('links cities to provinces and stores English names', async () => {
    const henan = await region('410000')
    const jiyuan = await region('419001')
    expect(jiyuan.level).toBe('city')
    expect(idOf(jiyuan.parent)).toBe(henan.id)
    expect(await count('regions', { and: [{ level: { equals: 'city' } }, { parent: { exists: false } }] })).toBe(0)

    const beijing = await region('110000')
    expect([beijing.name, beijing.shortName, beijing.pinyin, beijing.active]).toEqual(['北京市', '北京', 'bei jing', true])
    expect(beijing.latitude).toBeCloseTo(39.9)
    const beijingEn = await region('110000', 'en')
    expect([beijingEn.shortName, beijingEn.name]).toEqual(['Beijing', 'Beijing Municipality'])
    expect((await region('330100', 'en')).shortName).toBe('Hangzhou')
  })

  it('gives articles their category, regions, English texts, covers and read counts', async () => {
    const shenzhen = await article('shenzhen-cross-border-export-pallets')
    expect(shenzhen.category.slug).toBe('industry-news')
    expect(shenzhen.regions.map((r: { code: string }) => r.code)).toEqual(['440300'])
    expect(shenzhen.nationwide).toBe(false)
    expect(shenzhen.cover.sizes.card.url).toMatch(/\.(jpg|jpeg|webp|png)$/)
    expect(shenzhen.cover.sizes.card.width).toBe(800)
    expect(shenzhen.credits.map((c: { label: string }) => c.label)).toEqual(['来源', '撰文'])

    const english = await article('shenzhen-cross-border-export-pallets', 'en')
    expect(english.title).toBe('Shenzhen exporters favour fumigation-free plastic pallets')
    expect(english.excerpt).toMatch(/^Solid-wood pallets/)
    expect(english.credits.map((c: { label: string }) => c.label)).toEqual(['Source', 'Writer'])
    // The body has no English version and falls back to Chinese.
    expect(english.body.root.children.length).toBeGreaterThan(2)

    const guide = await article('how-to-choose-plastic-pallet')
    const headings = guide.body.root.children.filter((n: { type: string }) => n.type === 'heading')
    expect(headings.map((h: { children: { text: string }[] }) => h.children[0]!.text.slice(0, 2))).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'],
    )

    const nationwide = await article('ten-years-of-pallet-pooling')
    expect([nationwide.nationwide, nationwide.regions]).toEqual([true, []])

    const withCovers = demoArticles.filter((a) => a.cover).length
    expect(first.covers).toBe(withCovers)
    expect(await count('media')).toBe(withCovers)
    expect(await count('media', { usedByPublished: { equals: true } })).toBe(withCovers)
    const media = await booted.payload.find({ collection: 'media', locale: 'en', depth: 0, limit: 1 })
    expect(media.docs[0]!.alt).toMatch(/[a-z]/)

    const views = await booted.payload.find({ collection: 'article-views', pagination: false, depth: 0, overrideAccess: true })
    expect(views.docs).toHaveLength(demoArticles.length)
    for (const row of views.docs) {
      expect(row.views).toBeGreaterThanOrEqual(50)
      expect(row.views).toBeLessThanOrEqual(900)
    }
  })

  it('creates nothing on a second run and keeps what an admin changed', async () => {
    const { payload } = booted
    const edited = await article('hangzhou-ecommerce-pallet-demand')
    await payload.update({ collection: 'articles', id: edited.id, data: { title: '管理员改过的标题', _status: 'published' } })
    const hangzhou = await region('330100')
    await payload.update({ collection: 'regions', id: hangzhou.id, data: { phone: '0571-00000000', hot: false } })
    const industry = (await payload.find({ collection: 'categories', where: { slug: { equals: 'industry-news' } }, limit: 1 })).docs[0]!
    await payload.update({ collection: 'categories', id: industry.id, locale: 'en', data: { name: 'Trade news' } })
    const viewsRow = (await payload.find({ collection: 'article-views', where: { article: { equals: edited.id } }, limit: 1, overrideAccess: true })).docs[0]!
    const before = { regions: await count('regions'), media: await count('media'), versions: (await payload.countVersions({ collection: 'articles' })).totalDocs }

    const again: string[] = []
    const second = await seedAll(payload, { log: (line) => again.push(line) })
    expect(second.regions).toEqual({ created: 0, existing: 389 })
    expect(second.categories).toEqual({ created: 0, existing: 5 })
    expect(second.admin.created).toBe(false)
    expect(second.articles).toEqual({ created: 0, existing: demoArticles.length, skipped: 0 })
    expect(second.covers).toBe(0)
    expect(again.join('\n')).not.toMatch(/password/)

    expect(await count('regions')).toBe(before.regions)
    expect(await count('media')).toBe(before.media)
    expect(await count('users')).toBe(1)
    expect(await count('categories')).toBe(5)
    expect(await count('articles')).toBe(demoArticles.length)
    expect((await payload.countVersions({ collection: 'articles' })).totalDocs).toBe(before.versions)

    expect((await article('hangzhou-ecommerce-pallet-demand')).title).toBe('管理员改过的标题')
    const hangzhouAfter = await region('330100')
    expect([hangzhouAfter.phone, hangzhouAfter.hot]).toEqual(['0571-00000000', false])
    const industryEn = await payload.findByID({ collection: 'categories', id: industry.id, locale: 'en' })
    expect(industryEn.name).toBe('Trade news')
    const viewsAfter = await payload.findByID({ collection: 'article-views', id: viewsRow.id, overrideAccess: true })
    expect(viewsAfter.views).toBe(viewsRow.views)
  })

  it('seeds within a reasonable time', () => {
    expect(seconds).toBeLessThan(45)
  })
})
