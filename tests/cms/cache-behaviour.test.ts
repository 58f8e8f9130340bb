/**
 * The response cache under load and time: single flight, stale-while-revalidate past the time to live only, the miss
 * limit (503 + Retry-After), the byte budget, the CDN purge hook and the metrics endpoint's access rule.
 */
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runtimeOf } from '../../cms/plugin'
import type { PublicRequest } from '../../cms/plugin/public-api/public-api'
import { createLeanServer } from '../../cms/server/lean-server'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createNewsFixtures, type NewsFixtures } from '../support/news-fixtures'
import { viaHttp, viaPayload } from '../support/public-client'
import { listenLocally, closeServer } from '../support/local-server'

let booted: BootedPayload
let world: NewsFixtures
let server: Server
let origin: string
const purged: string[][] = []

const request = (target: string): PublicRequest => {
  const url = new URL(target, 'http://localhost')
  return { method: 'GET', path: url.pathname, query: url.searchParams, header: () => null, body: async () => Buffer.alloc(0), client: '127.0.0.1', user: async () => null }
}
const get = (target: string) => runtimeOf(booted.payload).publicApi.handle(booted.payload, request(target))

/** A figure from /metrics, read as the loopback peer of the lean server. */
const metric = async (name: string): Promise<number> => {
  const reply = await viaHttp(origin, '/api/news/metrics')
  expect(reply.status).toBe(200)
  const line = reply.body.toString('utf8').split('\n').find((l) => l.startsWith(`regional_news_${name} `))
  return Number(line?.split(' ')[1])
}

beforeAll(async () => {
  booted = await bootPayload({
    publicApi: {
      cacheMaxBytes: 16_000,
      maxConcurrentMisses: 1,
      missQueueTimeoutMs: 5,
      onPurge: (urls) => void purged.push(urls),
    },
  })
  world = await createNewsFixtures(booted.payload)
  server = createLeanServer({ payload: booted.payload })
  origin = await listenLocally(server)
})
afterAll(async () => {
  await closeServer(server)
  await booted?.close()
})

describe('response cache', () => {
  it('runs one computation for concurrent misses of one answer', async () => {
    const before = await metric('miss_duration_seconds_count')
    const replies = await Promise.all(Array.from({ length: 12 }, () => get('/articles?category=industry&limit=3')))
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200))
    expect(new Set(replies.map((r) => r.headers.ETag)).size).toBe(1)
    expect((await metric('miss_duration_seconds_count')) - before).toBe(1)
  })

  it('past the limit of concurrent misses, answers 503 with Retry-After instead of queueing without end', async () => {
    const replies = await Promise.all(['', '330100', '330000', '320100', '110000', '330200'].flatMap((region) =>
      ['1', '2', '3'].map((page) => get(`/articles?page=${page}&limit=1${region ? `&region=${region}` : ''}&sort=title`)),
    ))
    const busy = replies.filter((r) => r.status === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(replies.some((r) => r.status === 200)).toBe(true)
    expect(busy[0]!.headers['Retry-After']).toBe('1')
    expect(JSON.parse(busy[0]!.body.toString()).errors[0].message).toMatch(/try again/)
  })

  it('serves an answer past its time to live once more while refreshing it, never one an edit dropped', async () => {
    const cache = runtimeOf(booted.payload).cache
    const first = await get('/categories')
    // As if the time to live (60 s) had passed, within the stale grace (30 s).
    cache.read('categories|zh')!.entry.storedAt -= 61_000
    const staleBefore = await metric('cache_stale_hits_total')
    const stale = await get('/categories')
    expect(stale.headers.ETag).toBe(first.headers.ETag)
    expect((await metric('cache_stale_hits_total')) - staleBefore).toBe(1)
    // The refresh replaced it with a fresh entry.
    await expect.poll(() => Date.now() - cache.read('categories|zh')!.entry.storedAt).toBeLessThan(10_000)
    // Past the grace period it is not served at all.
    cache.read('categories|zh')!.entry.storedAt -= 100_000
    expect(cache.read('categories|zh')).toBeUndefined()
    // An edit drops it: the next answer is the new one.
    await get('/categories')
    await booted.payload.update({ collection: 'categories', id: world.categories.policy.id, data: { name: '政策新名' } })
    const after = await get('/categories')
    expect(JSON.parse(after.body.toString()).docs.map((c: { name: string }) => c.name)).toContain('政策新名')
  })

  it('stays within its byte budget, evicting the least recently used', async () => {
    const cache = runtimeOf(booted.payload).cache
    const keep = '/articles?region=110000&limit=1&locale=en'
    for (const region of ['', '330100', '330000', '320100'])
      for (const locale of ['zh', 'en'])
        for (const sort of ['title', '-publishedAt']) {
          await get(keep)
          await get(`/articles?limit=50&locale=${locale}&sort=${sort}${region ? `&region=${region}` : ''}`)
        }
    expect(cache.bytes).toBeLessThanOrEqual(16_000)
    expect(await metric('cache_evictions_total')).toBeGreaterThan(0)
    // Read between every other request, the small answer is never the least recently used.
    expect(cache.has('list|en||110000|-publishedAt|1|1')).toBe(true)
  })

  it('tells the CDN hook which public URLs an edit changed, after commit', async () => {
    await get('/articles?region=330100&limit=2')
    await get('/articles/hangzhou-pallets?locale=en')
    const cache = runtimeOf(booted.payload).cache
    // Both cached (the byte budget is small here): what the hook is told depends on what was cached.
    expect(cache.has('article|en|hangzhou-pallets') && cache.has('list|zh||330100|-publishedAt|1|2')).toBe(true)
    purged.length = 0
    await booted.payload.update({ collection: 'articles', id: world.articles.hangzhou.id, data: { author: '新作者' } })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const urls = purged.flat()
    expect(urls).toContain('/api/news/articles/hangzhou-pallets')
    expect(urls).toContain('/api/news/articles/hangzhou-pallets?locale=en')
    expect(urls).toContain('/api/news/articles?region=330100&page=1&limit=2&sort=-publishedAt&locale=zh')
    expect(urls.every((u) => u.startsWith('/api/news/'))).toBe(true)
  })
})

describe('/api/news/metrics', () => {
  it('answers the loopback peer in Prometheus text format', async () => {
    const reply = await viaHttp(origin, '/api/news/metrics')
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = reply.body.toString('utf8')
    for (const name of ['cache_hits_total', 'cache_misses_total', 'cache_invalidations_total', 'cache_entries', 'cache_bytes'])
      expect(text).toMatch(new RegExp(`^# TYPE regional_news_${name} (counter|gauge)$`, 'm'))
    expect(text).toMatch(/^regional_news_miss_duration_seconds_bucket\{le="\+Inf"\} \d+$/m)
  })

  it('refuses a forwarded request, an anonymous one and an editor; answers an admin', async () => {
    expect((await viaHttp(origin, '/api/news/metrics', { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(403)
    expect((await viaPayload(booted, '/api/news/metrics')).status).toBe(403)
    const login = async (role: 'admin' | 'editor') => {
      const email = `${role}-metrics@example.com`
      await booted.payload.create({ collection: 'users', data: { email, password: 'a-long-test-password', roles: [role] } as never })
      const { token } = await booted.payload.login({ collection: 'users', data: { email, password: 'a-long-test-password' } })
      return { Authorization: `JWT ${token}` }
    }
    expect((await viaPayload(booted, '/api/news/metrics', { headers: await login('editor') })).status).toBe(403)
    const admin = await login('admin')
    expect((await viaPayload(booted, '/api/news/metrics', { headers: admin })).status).toBe(200)
    expect((await viaHttp(origin, '/api/news/metrics', { headers: { ...admin, 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(200)
  })
})
