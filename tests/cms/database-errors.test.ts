/**
 * The two classes of database error, on a real database: a query that fails (a dropped table) is a 500 whose error
 * id is in the body and in the log line; a database that cannot be reached (PostgreSQL behind a TCP proxy the test
 * cuts) is a 503 with Retry-After. The JSON endpoints and the server-rendered pages answer alike.
 */
import type { Server } from 'node:http'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFromUrl, guardConnectionPool } from '../../cms/database'
import { isDatabaseUnavailable } from '../../cms/plugin/http/server-error'
import { createLeanServer } from '../../cms/server/lean-server'
import { createConfig } from '../../payload.config'
import { createNewsFixtures } from '../support/news-fixtures'
import { viaHttp, viaPayload } from '../support/public-client'
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy'
import { createTestDatabase, POSTGRES_ADMIN_URL, type TestDatabase, testDatabaseKind } from '../support/test-database'
import { listenLocally, closeServer } from '../support/local-server'

const kind = testDatabaseKind()

interface Instance {
  payload: Payload
  database: TestDatabase
  server: Server
  origin: string
  /** Every log line at warn or error, with its bindings. */
  logged: { level: string; bindings: Record<string, unknown>; message: string }[]
  close: () => Promise<void>
}

/** The demo config, response cache off (every request reaches the database), on `url`, with its log lines kept. */
const boot = async (database: TestDatabase, url = database.url): Promise<Instance> => {
  const config = await createConfig({
    db: await databaseFromUrl(url, database.dir),
    secret: 'database-errors-secret-0123456789abcdef',
    mediaDir: `${database.dir}/media`,
    plugin: { publicApi: { cache: false } },
  })
  // Keyed by the database URL: viaPayload finds this instance by it. Payload's dev schema push skips a schema
  // identical to the last one pushed in this process (the other suite's): force it.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  const payload = await getPayload({ config, key: database.url }).finally(() => delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH)
  guardConnectionPool(payload)
  const logged: Instance['logged'] = []
  for (const level of ['warn', 'error'] as const) {
    const original = payload.logger[level].bind(payload.logger)
    payload.logger[level] = ((bindings: unknown, message?: string) => {
      logged.push({ level, bindings: typeof bindings === 'object' && bindings ? (bindings as Record<string, unknown>) : {}, message: message ?? String(bindings) })
      return original(bindings as never, message as never)
    }) as never
  }
  const server = createLeanServer({ payload })
  const origin = await listenLocally(server)
  return {
    payload,
    database,
    server,
    origin,
    logged,
    close: async () => {
      await closeServer(server)
      await payload.destroy()
    },
  }
}

// Dropping a MongoDB collection is not an error (reads find nothing), so the failed-query case is SQL only.
describe.skipIf(kind === 'mongodb')('a failed query (a dropped table)', () => {
  let instance: Instance
  beforeAll(async () => {
    const database = await createTestDatabase()
    instance = await boot(database)
    await createNewsFixtures(instance.payload)
    const drop = kind === 'postgres' ? 'DROP TABLE "categories_locales" CASCADE' : 'DROP TABLE `categories_locales`'
    await (instance.payload.db as unknown as { execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({
      drizzle: (instance.payload.db as unknown as { drizzle: unknown }).drizzle,
      raw: drop,
    })
  })
  afterAll(async () => {
    await instance?.close()
    await instance?.database.drop()
  })

  it('is a 500 with an error id in the JSON body and the same id in the log line, on both mountings', async () => {
    for (const reply of [await viaPayload(instance, '/api/news/categories'), await viaHttp(instance.origin, '/api/news/categories')]) {
      expect(reply.status).toBe(500)
      expect(reply.headers.get('retry-after')).toBeNull()
      expect(reply.headers.get('cache-control')).toBe('no-store')
      const { id, message } = reply.json.errors[0]
      expect(id).toMatch(/^[0-9a-f]{8}$/)
      expect(message).toBe(`Internal error (error id ${id})`)
      const line = instance.logged.find((l) => l.bindings.errorId === id)
      expect(line?.level).toBe('error')
      expect(line?.message).toContain(id)
      // The log keeps the driver's own complaint about the missing table: the error itself (the read path's prepared
      // statements) or its cause (Drizzle's "Failed query" wrapper).
      const err = line?.bindings.err as Error & { cause?: unknown }
      expect(`${err?.message} ${String(err?.cause)}`).toMatch(/categories_locales/)
    }
    const ids = new Set([(await viaPayload(instance, '/api/news/categories')).json.errors[0].id, (await viaPayload(instance, '/api/news/categories')).json.errors[0].id])
    expect(ids.size).toBe(2)
  })

  it('is a 500 page with its error id on the server-rendered site', async () => {
    const reply = await viaHttp(instance.origin, '/news')
    expect(reply.status).toBe(500)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
    const id = reply.headers.get('x-error-id')!
    expect(id).toMatch(/^[0-9a-f]{8}$/)
    expect(reply.body.toString('utf8')).toContain(`error id ${id}`)
    expect(instance.logged.some((l) => l.bindings.errorId === id && l.message.includes(id))).toBe(true)
  })
})

// The connection-level case needs a database reached over a network: PostgreSQL behind a proxy the test cuts.
describe.skipIf(kind !== 'postgres')('a database that cannot be reached (PostgreSQL behind a cut proxy)', () => {
  let instance: Instance
  let proxy: TcpProxy
  beforeAll(async () => {
    const database = await createTestDatabase('postgres')
    const target = new URL(POSTGRES_ADMIN_URL)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const url = new URL(database.url)
    url.host = `127.0.0.1:${proxy.port}`
    instance = await boot(database, url.toString())
    await createNewsFixtures(instance.payload)
  })
  afterAll(async () => {
    await instance?.close()
    await proxy?.close()
    await instance?.database.drop()
  })

  it('is a 503 with Retry-After on the JSON endpoints and the pages, and 200 again once it is back', async () => {
    expect((await viaPayload(instance, '/api/news/categories')).status).toBe(200)
    proxy.cut('reset')
    const json = await viaPayload(instance, '/api/news/categories')
    expect(json.status).toBe(503)
    expect(json.headers.get('retry-after')).toBe('5')
    expect(json.json.errors[0].message).toMatch(/unavailable/)
    expect(json.json.errors[0].id).toBeUndefined()
    const page = await viaHttp(instance.origin, '/news?page=2')
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('5')
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    // Classified from the driver's error itself (the lean server's own probe is not what made these 503).
    const warned = instance.logged.filter((l) => l.level === 'warn' && /unavailable/.test(l.message))
    expect(warned.length).toBeGreaterThanOrEqual(2)
    expect(warned.every((l) => isDatabaseUnavailable(l.bindings.err))).toBe(true)
    proxy.restore()
    let status = 0
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await viaPayload(instance, '/api/news/categories')).status
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(status).toBe(200)
  })
})

describe('classification', () => {
  it('looks through Drizzle\'s "Failed query" wrapper at its cause, never at the SQL text', () => {
    const wrap = (cause: unknown, sqlText = 'select 1') => Object.assign(new Error(`Failed query: ${sqlText}`), { name: 'DrizzleQueryError', cause })
    expect(isDatabaseUnavailable(wrap(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })))).toBe(true)
    expect(isDatabaseUnavailable(wrap(new Error('Connection terminated unexpectedly')))).toBe(true)
    expect(isDatabaseUnavailable(wrap(Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' })))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('Server selection timed out'), { name: 'MongoServerSelectionError' }))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('Connection pool was cleared'), { name: 'MongoPoolClearedError' }))).toBe(true)
    expect(isDatabaseUnavailable(wrap(Object.assign(new Error('no such table: categories'), { code: 'SQLITE_ERROR' })))).toBe(false)
    expect(isDatabaseUnavailable(wrap(Object.assign(new Error('syntax error at or near "FROM"'), { code: '42601' })))).toBe(false)
    // A parameter that happens to read like an outage is still a failed query.
    expect(isDatabaseUnavailable(wrap(Object.assign(new Error('no such column'), { code: 'SQLITE_ERROR' }), "select * where slug = 'database is locked'"))).toBe(false)
  })
})
