import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { type RunningServer, startProductionServer } from '../support/production-server'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/**
 * Two instances started at the same moment on one empty PostgreSQL database (two replicas of a fresh
 * deployment): both come up, the schema is migrated once and the demo data seeded once, with no duplicates.
 */

const servers: RunningServer[] = []
let database: TestDatabase | undefined

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await database?.drop()
})

describe('two instances starting together on an empty database', () => {
  it('both serve, and the database holds one copy of the seed', async () => {
    database = await createTestDatabase('postgres')
    const env = {
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: 'concurrent-start-secret-0123456789abcdef',
      ADMIN_EMAIL: 'admin@concurrent.test',
      ADMIN_PASSWORD: 'Concurrent-pass-123',
      REGIONAL_NEWS_ROOT: database.dir,
    }
    const started = await Promise.allSettled([startProductionServer(env), startProductionServer(env)])
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value)
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason).slice(0, 2000) : 'ok'))).toEqual(['ok', 'ok'])

    for (const server of servers) {
      const res = await fetch(`${server.url}/api/news/articles?limit=50`)
      expect(res.status).toBe(200)
      expect((await res.json()).totalDocs).toBe(34)
    }
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const count = async (sql: string) => Number((await client.query(sql)).rows[0].n)
      expect(await count('select count(*) as n from regions')).toBe(await count('select count(distinct code) as n from regions'))
      expect(await count(`select count(*) as n from regions where level = 'province'`)).toBe(34)
      expect(await count('select count(*) as n from articles')).toBe(34)
      expect(await count('select count(*) as n from users')).toBe(1)
      expect(await count('select count(*) as n from payload_migrations')).toBe(await count('select count(distinct name) as n from payload_migrations'))
    } finally {
      await client.end()
    }
  }, 300_000)
})
