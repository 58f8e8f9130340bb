import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INVALIDATION_BOUND_MS } from '../../cms/plugin/cache/invalidation-bus'
import type { ArticleDetail, ArticleListResponse } from '../../wire/index'
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../support/test-database'
import type { NewsFixtures } from '../support/news-fixtures'
import { spawnInstance, type Instance } from '../support/spawn-instance'

// The shared invalidation signal is PostgreSQL LISTEN/NOTIFY; on SQLite and MongoDB another process's staleness is
// bounded only by the cache TTL (see invalidation-bus.ts), so there is no cross-instance bound to test.
const postgres = testDatabaseKind() === 'postgres'
const MARGIN_MS = 3 * INVALIDATION_BOUND_MS

let database: TestDatabase
let a: Instance
let b: Instance
let world: NewsFixtures

const json = async <T>(instance: Instance, path: string): Promise<T> => {
  const response = await fetch(`${instance.origin}/api/news${path}`)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}
const titleOn = async (instance: Instance, slug: string) => (await json<ArticleDetail>(instance, `/articles/${slug}`)).title
const listedOn = async (instance: Instance) =>
  (await json<ArticleListResponse>(instance, '/articles?category=industry&region=330100')).docs.map((d) => d.slug)

/** Polls until `check` holds; returns the milliseconds it took, or throws after `limitMs`. */
const within = async (limitMs: number, check: () => Promise<boolean>) => {
  const start = Date.now()
  for (;;) {
    if (await check()) return Date.now() - start
    if (Date.now() - start > limitMs) throw new Error(`not visible within ${limitMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(!postgres)('two instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    database = await createTestDatabase('postgres')
    // One after the other: the first pushes the schema.
    a = await spawnInstance(database.url)
    b = await spawnInstance(database.url)
    world = await a.control<NewsFixtures>({ op: 'fixtures' })
    // Let the fixtures' own notices reach B, so none clears B's cache in the middle of a test.
    await new Promise((resolve) => setTimeout(resolve, 2 * INVALIDATION_BOUND_MS))
  })
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await database?.drop()
  })

  it('B caches: a write that bypasses Payload is not seen', async () => {
    const slugsOn = async (instance: Instance) => (await json<{ docs: { slug: string }[] }>(instance, '/categories')).docs.map((c) => c.slug)
    expect(await slugsOn(b)).toEqual(['industry', 'policy'])
    await a.control({ op: 'dbUpdateOne', args: { collection: 'categories', id: world.categories.policy.id, data: { order: -1 } } })
    expect(await slugsOn(b)).toEqual(['industry', 'policy'])
  })

  it(`an edit through A is served by B within ${MARGIN_MS} ms`, async () => {
    for (const [round, title] of ['杭州托盘新规 v2', '杭州托盘新规 v3', '杭州托盘新规 v4'].entries()) {
      expect(await titleOn(b, 'hangzhou-pallets')).not.toBe(title)
      await a.control({ op: 'update', args: { collection: 'articles', id: world.articles.hangzhou.id, data: { title } } })
      const took = await within(MARGIN_MS, async () => (await titleOn(b, 'hangzhou-pallets')) === title)
      expect(took, `round ${round}`).toBeLessThanOrEqual(MARGIN_MS)
    }
  })

  it('publish, unpublish and delete through B are served by A within the bound', async () => {
    expect(await listedOn(a)).toContain('zhejiang-logistics')
    await b.control({ op: 'update', args: { collection: 'articles', id: world.articles.zhejiang.id, data: { _status: 'draft' } } })
    await within(MARGIN_MS, async () => !(await listedOn(a)).includes('zhejiang-logistics'))

    await b.control({ op: 'update', args: { collection: 'articles', id: world.articles.zhejiang.id, data: { _status: 'published' } } })
    await within(MARGIN_MS, async () => (await listedOn(a)).includes('zhejiang-logistics'))

    await b.control({ op: 'delete', args: { collection: 'articles', id: world.articles.twoCities.id } })
    await within(MARGIN_MS, async () => !(await listedOn(a)).includes('hangzhou-nanjing'))
  })

  it('the listener reconnects after its connection is killed, and the process survives', async () => {
    const admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'regional-news-invalidation'`,
      )
      expect(rowCount).toBe(2)
    } finally {
      await admin.end()
    }
    // Reconnects after a short backoff (well under a second); until then the TTL bounds staleness.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(a.alive() && b.alive()).toBe(true)
    await a.control({ op: 'update', args: { collection: 'articles', id: world.articles.ningbo.id, data: { title: '宁波港口扩建（续）' } } })
    await within(MARGIN_MS, async () => (await titleOn(b, 'ningbo-port')) === '宁波港口扩建（续）')
  })
})

describe.skipIf(postgres)('two instances', () => {
  it('needs PostgreSQL (LISTEN/NOTIFY); other databases rely on the cache TTL', () => {
    expect(postgres).toBe(false)
  })
})
