/**
 * Targeted invalidation: after every kind of edit, each of ~250 public answers read through the cache equals the same
 * answer computed afresh with no cache at all, while answers the edit did not touch stay cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runtimeOf } from '../../cms/plugin'
import { createResponseCache } from '../../cms/plugin/cache/response-cache'
import { createPublicApi, type PublicRequest } from '../../cms/plugin/public-api/public-api'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createNewsFixtures, jan, type NewsFixtures } from '../support/news-fixtures'

let booted: BootedPayload
let world: NewsFixtures
let uncached: ReturnType<typeof createPublicApi>

const request = (target: string): PublicRequest => {
  const url = new URL(target, 'http://localhost')
  return {
    method: 'GET',
    path: url.pathname,
    query: url.searchParams,
    header: () => null,
    body: async () => Buffer.alloc(0),
    client: '127.0.0.1',
    user: async () => null,
  }
}

const answer = async (api: ReturnType<typeof createPublicApi>, target: string) => {
  const reply = await api.handle(booted.payload, request(target))
  return { status: reply.status, body: reply.body.toString('utf8') }
}

// Every list filter the region rule distinguishes (none, city, province, municipality), two sorts, two pages, two locales.
const TARGETS: string[] = []
for (const category of ['', 'industry', 'policy'])
  for (const region of ['', '330100', '330000', '320100', '110000', '330200'])
    for (const sort of ['-publishedAt', '-views'])
      for (const page of ['1', '2'])
        for (const locale of ['zh', 'en']) {
          const query = new URLSearchParams({ page, limit: '2', sort, locale })
          if (category) query.set('category', category)
          if (region) query.set('region', region)
          TARGETS.push(`/articles?${query}`)
        }
for (const locale of ['zh', 'en']) TARGETS.push(`/regions?locale=${locale}`, `/categories?locale=${locale}`)

const detailTargets = () =>
  ['hangzhou-pallets', 'zhejiang-logistics', 'ningbo-port', 'national-standard', 'nanjing-storage', 'beijing-cold-chain', 'hangzhou-nanjing', 'hangzhou-subsidy', 'late-draft'].flatMap(
    (slug) => [`/articles/${slug}?locale=zh`, `/articles/${slug}?locale=en`],
  )

const everyTarget = () => [...TARGETS, ...detailTargets()]

/** Reads every answer through the cache (filling it). */
const warm = async () => {
  for (const target of everyTarget()) await answer(runtimeOf(booted.payload).publicApi, target)
}

/** Every answer through the cache equals the uncached answer. */
const expectNothingStale = async (what: string) => {
  for (const target of everyTarget()) {
    const [cached, fresh] = [await answer(runtimeOf(booted.payload).publicApi, target), await answer(uncached, target)]
    expect(cached, `${what}: ${target}`).toEqual(fresh)
  }
}

const articleId = async (slug: string) =>
  (await booted.payload.find({ collection: 'articles', where: { slug: { equals: slug } }, limit: 1, draft: true, overrideAccess: true })).docs[0]!.id

beforeAll(async () => {
  booted = await bootPayload()
  world = await createNewsFixtures(booted.payload)
  await booted.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: '晚到的草稿', slug: 'late-draft', category: world.categories.industry.id, regions: [world.regions.hangzhou.id], publishedAt: jan(12), _status: 'draft' } as never,
  })
  const { options } = runtimeOf(booted.payload)
  const off = { ...options, publicApi: { ...options.publicApi, cache: false } }
  uncached = createPublicApi(off, createResponseCache({ ttlMs: 0, staleMs: 0, maxBytes: 0 }))
})
afterAll(async () => booted?.close())

const cacheKeyCached = (key: string) => runtimeOf(booted.payload).cache.has(key)

describe('no stale answer survives an edit, and untouched answers stay cached', () => {
  const edits: [string, () => Promise<unknown>, string[]][] = [
    // [what, edit, cache keys the edit must not drop]
    [
      'title of a city article',
      async () => booted.payload.update({ collection: 'articles', id: await articleId('hangzhou-pallets'), data: { title: '杭州托盘新规（修订）' } }),
      ['list|zh|policy|110000|-publishedAt|1|2', 'list|zh|industry|320100|-views|2|2', 'article|zh|hangzhou-subsidy'],
    ],
    [
      'regions of an article (city → another province)',
      async () => booted.payload.update({ collection: 'articles', id: await articleId('ningbo-port'), data: { regions: [world.regions.nanjing.id] } }),
      ['list|zh|policy|110000|-publishedAt|1|2', 'regions|zh'],
    ],
    ['an article becomes nationwide', async () => booted.payload.update({ collection: 'articles', id: await articleId('beijing-cold-chain'), data: { regions: [] } }), ['regions|en', 'categories|zh']],
    ['unpublish', async () => booted.payload.update({ collection: 'articles', id: await articleId('zhejiang-logistics'), data: { _status: 'draft' } as never }), ['regions|zh']],
    ['publish a draft', async () => booted.payload.update({ collection: 'articles', id: await articleId('late-draft'), data: { _status: 'published' } as never }), ['categories|en']],
    ['a draft saved over a published article', async () => booted.payload.update({ collection: 'articles', id: await articleId('late-draft'), draft: true, data: { title: '只是草稿' } as never }), []],
    ['category of an article', async () => booted.payload.update({ collection: 'articles', id: await articleId('hangzhou-nanjing'), data: { category: world.categories.policy.id } }), ['regions|zh']],
    ['delete', async () => booted.payload.delete({ collection: 'articles', id: await articleId('nanjing-storage') }), ['regions|zh']],
    ['category renamed', async () => booted.payload.update({ collection: 'categories', id: world.categories.policy.id, data: { name: '政策与法规' } }), ['regions|zh']],
    ['region renamed', async () => booted.payload.update({ collection: 'regions', id: world.regions.hangzhou.id, data: { shortName: '杭州市区' } }), ['categories|zh']],
    ['region deactivated', async () => booted.payload.update({ collection: 'regions', id: world.regions.ningbo.id, data: { active: false } }), ['categories|zh']],
    ['views recorded', async () => booted.payload.update({ collection: 'article-views', where: {}, data: { views: 3 } as never }), []],
  ]
  for (const [what, edit, survivors] of edits) {
    it(what, async () => {
      await warm()
      const before = runtimeOf(booted.payload).cache.size
      await edit()
      for (const key of survivors) expect(cacheKeyCached(key), `${what} kept ${key}`).toBe(true)
      if (survivors.length) expect(runtimeOf(booted.payload).cache.size).toBeGreaterThan(0)
      expect(runtimeOf(booted.payload).cache.size).toBeLessThanOrEqual(before)
      // View counts are not edits: "most read" lists follow them within the cache lifetime, not at once.
      if (what !== 'views recorded') await expectNothingStale(what)
    })
  }

  it('a deactivated region answers 404 at once', async () => {
    expect((await answer(runtimeOf(booted.payload).publicApi, '/articles?region=330200')).status).toBe(404)
  })
})
