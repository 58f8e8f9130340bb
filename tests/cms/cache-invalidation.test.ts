import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runtimeOf } from '../../cms/plugin'
import type { ArticleDetail, ArticleListResponse, CategoryListResponse, RegionTreeResponse } from '../../wire/index'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createNewsFixtures, jan, type NewsFixtures } from '../support/news-fixtures'
import { viaPayload } from '../support/public-client'

let booted: BootedPayload
let world: NewsFixtures

beforeAll(async () => {
  booted = await bootPayload()
  world = await createNewsFixtures(booted.payload)
})
afterAll(async () => booted?.close())

const get = async (path: string) => viaPayload(booted, `/api/news${path}`)
const list = async (query = 'category=industry&region=330100&limit=50') => {
  const reply = await get(`/articles?${query}`)
  expect(reply.status).toBe(200)
  return reply.json as ArticleListResponse
}
const listed = async (query?: string) => (await list(query)).docs.map((d) => d.slug)
const detailStatus = async (slug: string) => (await get(`/articles/${slug}`)).status

const draftArticle = (slug: string, day: number) =>
  booted.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: `草稿 ${slug}`, slug, category: world.categories.industry.id, regions: [world.regions.hangzhou.id], publishedAt: jan(day), _status: 'draft' } as never,
  })

describe('cache on', () => {
  it('is enabled and serves repeated requests from memory', async () => {
    expect(runtimeOf(booted.payload).options.publicApi.cache).toBe(true)
    const first = await get('/categories')
    expect(runtimeOf(booted.payload).cache.size).toBeGreaterThan(0)
    // A write that bypasses Payload's hooks is not seen: the answer comes from the cache.
    await booted.payload.db.updateOne({ collection: 'categories', id: world.categories.policy.id, data: { order: -1 } })
    const second = await get('/categories')
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect((second.json as CategoryListResponse).docs.map((c) => c.slug)).toEqual(['industry', 'policy'])
  })
})

describe('changes are visible on the next request', () => {
  it('publish', async () => {
    const draft = await draftArticle('fresh-news', 20)
    expect(await listed()).not.toContain('fresh-news')
    expect(await detailStatus('fresh-news')).toBe(404)
    await booted.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } as never })
    expect((await listed())[0]).toBe('fresh-news')
    expect(await detailStatus('fresh-news')).toBe(200)
  })

  it('edit', async () => {
    expect((await list()).docs.find((d) => d.slug === 'zhejiang-logistics')?.title).toBe('浙江物流通报')
    expect(((await get('/articles/zhejiang-logistics')).json as ArticleDetail).title).toBe('浙江物流通报')
    await booted.payload.update({ collection: 'articles', id: world.articles.zhejiang.id, data: { title: '浙江物流通报（更新）' } })
    expect((await list()).docs.find((d) => d.slug === 'zhejiang-logistics')?.title).toBe('浙江物流通报（更新）')
    expect(((await get('/articles/zhejiang-logistics')).json as ArticleDetail).title).toBe('浙江物流通报（更新）')
  })

  it('unpublish', async () => {
    expect(await listed()).toContain('national-standard')
    expect(await detailStatus('national-standard')).toBe(200)
    await booted.payload.update({ collection: 'articles', id: world.articles.nationwide.id, data: { _status: 'draft' } as never })
    expect(await listed()).not.toContain('national-standard')
    expect(await detailStatus('national-standard')).toBe(404)
  })

  it('delete', async () => {
    expect(await listed()).toContain('hangzhou-nanjing')
    expect(await detailStatus('hangzhou-nanjing')).toBe(200)
    await booted.payload.delete({ collection: 'articles', id: world.articles.twoCities.id })
    expect(await listed()).not.toContain('hangzhou-nanjing')
    expect(await detailStatus('hangzhou-nanjing')).toBe(404)
  })

  it('category rename', async () => {
    expect((await list()).docs[0]?.category?.name).toBe('行业新闻')
    await get('/categories')
    await booted.payload.update({ collection: 'categories', id: world.categories.industry.id, data: { name: '行业动态' }, locale: 'zh' })
    expect((await list()).docs[0]?.category?.name).toBe('行业动态')
    const categories = (await get('/categories')).json as CategoryListResponse
    // Also shows the order written behind the cache's back earlier: the whole cache was dropped.
    expect(categories.docs.map((c) => c.name)).toEqual(['政策法规', '行业动态'])
  })

  it('region rename', async () => {
    const before = (await get('/regions')).json as RegionTreeResponse
    expect(before.provinces.find((p) => p.code === '330000')?.cities?.[0]?.name).toBe('杭州')
    expect((await list()).docs.find((d) => d.slug === 'hangzhou-pallets')?.regions).toEqual([{ code: '330100', name: '杭州' }])
    await booted.payload.update({ collection: 'regions', id: world.regions.hangzhou.id, data: { shortName: '杭州市' }, locale: 'zh' })
    const after = (await get('/regions')).json as RegionTreeResponse
    expect(after.provinces.find((p) => p.code === '330000')?.cities?.[0]?.name).toBe('杭州市')
    expect((await list()).docs.find((d) => d.slug === 'hangzhou-pallets')?.regions).toEqual([{ code: '330100', name: '杭州市' }])
  })

  it('region deactivation changes the filter', async () => {
    expect((await get('/articles?region=320100')).status).toBe(200)
    await booted.payload.update({ collection: 'regions', id: world.regions.nanjing.id, data: { active: false } })
    expect((await get('/articles?region=320100')).status).toBe(404)
  })

  it('scheduled publish, run by the job queue', { timeout: 60_000 }, async () => {
    const { payload } = booted
    const draft = await draftArticle('scheduled-news', 21)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: String(draft.id) } },
      waitUntil: new Date(Date.now() + 1_000),
    } as never)
    expect(await listed()).not.toContain('scheduled-news')
    expect(await detailStatus('scheduled-news')).toBe(404)
    // The plugin's autoRun cron (every 5 s) picks the job up; watch the database, not the public path.
    const deadline = Date.now() + 45_000
    for (;;) {
      const row = await payload.findByID({ collection: 'articles', id: draft.id, depth: 0, overrideAccess: true })
      if ((row as { _status?: string })._status === 'published') break
      if (Date.now() > deadline) throw new Error('scheduled publish did not run within 45 s')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect((await listed())[0]).toBe('scheduled-news')
    expect(await detailStatus('scheduled-news')).toBe(200)
  })
})

describe('two Payload instances in one process', () => {
  let other: BootedPayload
  beforeAll(async () => {
    // A second config (different cache lifetime) on its own database, booted beside the first in this process.
    // Payload's dev schema push skips a schema identical to the last one pushed in this process: force it.
    process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
    other = await bootPayload({ publicApi: { maxAge: 7 } }).finally(() => delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH)
    await createNewsFixtures(other.payload)
  })
  afterAll(async () => other?.close())

  it('keep their own cache, region index and options', async () => {
    const mine = runtimeOf(booted.payload)
    const theirs = runtimeOf(other.payload)
    expect(theirs.cache).not.toBe(mine.cache)
    expect(theirs.regionIndex).not.toBe(mine.regionIndex)
    expect(theirs.options.publicApi.maxAge).toBe(7)
    expect(mine.options.publicApi.maxAge).not.toBe(7)

    await get('/categories')
    const otherReply = await viaPayload(other, '/api/news/categories')
    expect(otherReply.headers.get('cache-control')).toContain('max-age=7')
    const mineBefore = mine.cache.size
    expect(mineBefore).toBeGreaterThan(0)

    // An edit in the other instance drops only its own entries.
    await other.payload.update({ collection: 'categories', where: { slug: { equals: 'policy' } }, data: { name: '政策' } })
    expect(mine.cache.size).toBe(mineBefore)
    expect(((await get('/categories')).json as CategoryListResponse).docs.map((c) => c.name)).toContain('政策法规')
    expect(((await viaPayload(other, '/api/news/categories')).json as CategoryListResponse).docs.map((c) => c.name)).toContain('政策')
  })
})
