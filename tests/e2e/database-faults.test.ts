import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { httpCreate, httpLogin, httpRest, registerFirstAdmin } from '../support/http-rest'
import { type RunningServer, startProductionServer } from '../support/production-server'
import { inPool } from '../support/raw-http'
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy'
import { createTestDatabase, POSTGRES_ADMIN_URL, type TestDatabase } from '../support/test-database'

/**
 * The database goes away under a running production server: the API answers 503 JSON promptly, the process
 * neither crashes nor hangs, and it recovers. And a server killed with SIGKILL in the middle of a burst of
 * writes loses none that it acknowledged.
 */

const SECRET = 'database-faults-secret-0123456789abcdef'
const ADMIN = { email: 'admin@faults.test', password: 'Faults-admin-pass-1' }
/** The pool gives up connecting after 3 s and the health probe after 1.5 s: 10 s is a generous bound. */
const PROMPT_MS = 10_000
const RECOVERY_MS = 20_000

const cleanups: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
})

const start = async (databaseUrl: string, dir: string) => {
  const server = await startProductionServer({
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: SECRET,
    SEED_ON_EMPTY: 'false',
    // Every public read reaches the database.
    PUBLIC_API_CACHE: 'off',
    REGIONAL_NEWS_ROOT: dir,
  })
  cleanups.push(() => server.stop())
  return server
}

/** Asks until `ok` holds or the deadline passes; returns the last answer and how long it took. */
const until = async (ask: () => Promise<{ status: number }>, ok: (status: number) => boolean, deadlineMs: number) => {
  const started = Date.now()
  for (;;) {
    const answer = await ask()
    if (ok(answer.status) || Date.now() - started > deadlineMs) return { answer, ms: Date.now() - started }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now()
  const result = await work()
  return { result, ms: Date.now() - started }
}

const alive = (server: RunningServer) => server.process.exitCode === null && server.process.signalCode === null

describe('PostgreSQL behind a proxy that the test cuts', () => {
  let database: TestDatabase
  let proxy: TcpProxy
  let server: RunningServer
  let token: string
  let page = 1

  it('starts through the proxy', async () => {
    database = await createTestDatabase('postgres')
    cleanups.push(() => database.drop())
    const target = new URL(POSTGRES_ADMIN_URL)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    cleanups.push(() => proxy.close())
    const url = new URL(database.url)
    url.host = `127.0.0.1:${proxy.port}`
    server = await start(url.toString(), database.dir)
    token = await registerFirstAdmin(server.url, ADMIN.email, ADMIN.password)
    await httpCreate(server.url, token, 'categories', { name: '行业新闻', slug: 'industry' })
    expect((await httpRest(server.url, 'GET', `/api/news/articles?page=${page++}`)).status).toBe(200)
    expect((await httpRest(server.url, 'GET', '/api/categories')).status).toBe(200)
  })

  for (const mode of ['reset', 'blackhole'] as const) {
    it(`answers 503 JSON promptly while the database ${mode === 'reset' ? 'refuses connections' : 'does not answer'}, without crashing`, async () => {
      proxy.cut(mode)
      const requests: [string, () => Promise<{ status: number; json: any; headers: Headers }>][] = [
        ['public list (uncached page)', () => httpRest(server.url, 'GET', `/api/news/articles?page=${page++}`)],
        ['public regions', () => httpRest(server.url, 'GET', '/api/news/regions?locale=en')],
        ['REST list, anonymous', () => httpRest(server.url, 'GET', `/api/categories?limit=${page++}`)],
        ['REST list, as admin', () => httpRest(server.url, 'GET', '/api/articles?draft=true', { token })],
        ['REST create, as admin', () => httpRest(server.url, 'POST', '/api/categories', { token, body: { name: '断开', slug: `cut-${mode}` } })],
      ]
      const answers = await Promise.all(requests.map(async ([name, ask]) => ({ name, ...(await timed(ask)) })))
      for (const { name, result, ms } of answers) {
        expect(result.status, `${name}: ${JSON.stringify(result.json)}`).toBe(503)
        expect(result.json?.errors?.[0]?.message, name).toMatch(/unavailable/i)
        expect(ms, `${name} took ${ms} ms`).toBeLessThan(PROMPT_MS)
      }
      // What needs no database keeps working, and the process is still there.
      const bundle = await timed(() => fetch(`${server.url}/widgets/v1/widgets.js`))
      expect(bundle.result.status).toBe(200)
      expect(bundle.ms).toBeLessThan(2_000)
      expect(alive(server)).toBe(true)
      console.log(`database ${mode}: 503 after ${answers.map((a) => `${a.name} ${a.ms} ms`).join(', ')}`)
    })

    it(`recovers once the proxy reconnects (after ${mode})`, async () => {
      proxy.restore()
      const rest = await until(() => httpRest(server.url, 'GET', `/api/categories?limit=${page++}`), (s) => s === 200, RECOVERY_MS)
      expect(rest.answer.status).toBe(200)
      const pub = await until(() => httpRest(server.url, 'GET', `/api/news/articles?page=${page++}`), (s) => s === 200, RECOVERY_MS)
      expect(pub.answer.status).toBe(200)
      const write = await httpRest(server.url, 'POST', '/api/categories', { token, body: { name: '恢复', slug: `restored-${mode}` } })
      expect(write.status).toBe(201)
      expect(alive(server)).toBe(true)
      console.log(`database ${mode}: recovered in ${rest.ms} ms (REST), ${pub.ms} ms (public)`)
    })
  }
})

/** 200 article creates, 10 at a time, with SIGKILL once `killAfter` have been acknowledged. */
const burstThenKill = async (server: RunningServer, token: string, category: number | string, label: string, killAfter = 60) => {
  const acknowledged = new Map<number | string, string>()
  let killed = false
  let failed = 0
  await inPool(Array.from({ length: 200 }, (_, i) => i), 10, async (i) => {
    if (killed) return
    const title = `${label} burst ${i}`
    try {
      const response = await httpRest(server.url, 'POST', '/api/articles', { token, body: { title, slug: `${label}-burst-${i}`, category, _status: 'published' } })
      if (response.status === 201) acknowledged.set(response.json.doc.id, title)
      else failed++
    } catch {
      failed++ // connection reset by the kill: not acknowledged
    }
    if (!killed && acknowledged.size >= killAfter) {
      killed = true
      server.process.kill('SIGKILL')
    }
  })
  await new Promise<void>((resolve) => (server.process.exitCode !== null || server.process.signalCode !== null ? resolve() : server.process.once('exit', () => resolve())))
  expect(server.process.signalCode).toBe('SIGKILL')
  return { acknowledged, failed }
}

const assertAllPresent = async (server: RunningServer, acknowledged: Map<number | string, string>) => {
  const token = await httpLogin(server.url, ADMIN.email, ADMIN.password)
  const ids = [...acknowledged.keys()]
  const found = new Map<number | string, string>()
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    const { status, json } = await httpRest(server.url, 'GET', `/api/articles?draft=true&depth=0&limit=100&where[id][in]=${chunk.join(',')}`, { token })
    expect(status).toBe(200)
    for (const doc of json.docs as { id: number | string; title: string }[]) found.set(doc.id, doc.title)
  }
  const missing = ids.filter((id) => found.get(id) !== acknowledged.get(id))
  expect(missing, `acknowledged but lost: ${missing.join(', ')}`).toEqual([])
}

describe.each(['sqlite', 'postgres'] as const)('kill -9 during a burst of writes (%s)', (kind) => {
  it('keeps every acknowledged write', async () => {
    const database = await createTestDatabase(kind)
    cleanups.push(() => database.drop())
    const url = kind === 'sqlite' ? `file:${path.join(database.dir, 'burst.db')}` : database.url
    const first = await start(url, database.dir)
    const token = await registerFirstAdmin(first.url, ADMIN.email, ADMIN.password)
    const category = await httpCreate(first.url, token, 'categories', { name: '行业新闻', slug: 'industry' })
    const { acknowledged, failed } = await burstThenKill(first, token, category.id, kind)
    expect(acknowledged.size).toBeGreaterThanOrEqual(60)
    const second = await start(url, database.dir)
    await assertAllPresent(second, acknowledged)
    console.log(`kill -9 (${kind}): ${acknowledged.size} writes acknowledged before the kill, all present after restart; ${failed} cut off`)
  })
})
