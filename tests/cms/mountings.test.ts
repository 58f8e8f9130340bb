import type { Server } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLeanServer } from '../../cms/server/lean-server'
import { sqlReaderOf } from '../../cms/plugin/queries/sql/sql-reader'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createNewsFixtures } from '../support/news-fixtures'
import { type RawReply, viaHttp, viaPayload } from '../support/public-client'
import { listenLocally, closeServer } from '../support/local-server'

let booted: BootedPayload
let server: Server
let origin: string

beforeAll(async () => {
  booted = await bootPayload()
  await createNewsFixtures(booted.payload)
  server = createLeanServer({ payload: booted.payload })
  origin = await listenLocally(server)
})
afterAll(async () => {
  await closeServer(server)
  await booted?.close()
})

type Init = { method?: string; headers?: Record<string, string> }
const both = async (path: string, init: Init = {}): Promise<[RawReply, RawReply]> => [
  await viaPayload(booted, `/api/news${path}`, init),
  await viaHttp(origin, `/api/news${path}`, init),
]

// Connection-level headers differ by transport; every other header must match.
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])
const pick = (reply: RawReply) => ({
  status: reply.status,
  headers: Object.fromEntries([...reply.headers].filter(([name]) => !TRANSPORT.has(name))),
})

const expectIdentical = ([payloadReply, leanReply]: [RawReply, RawReply]) => {
  expect(pick(leanReply)).toEqual(pick(payloadReply))
  expect(leanReply.body.equals(payloadReply.body)).toBe(true)
}

describe('Payload endpoint and lean server answer identically', () => {
  const paths: [string, number][] = [
    ['/regions', 200],
    ['/regions?locale=en', 200],
    ['/categories', 200],
    ['/articles?category=industry&region=330100', 200],
    ['/articles/hangzhou-pallets', 200],
    ['/articles?limit=99', 400],
    ['/articles/no-such-article', 404],
    ['/articles?region=999999', 404],
  ]
  for (const [path, status] of paths) {
    it(`${status} for ${path}`, async () => {
      const replies = await both(path)
      expect(replies[0].status).toBe(status)
      expectIdentical(replies)
      // The lean server's second answer comes from its cached path when the first was cached.
      expectIdentical([replies[0], await viaHttp(origin, `/api/news${path}`)])
      const [reply] = replies
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(reply.headers.get('access-control-allow-origin')).toBe('*')
      if (status === 200) {
        expect(reply.headers.get('etag')).toMatch(/^"[\w-]+"$/)
        expect(reply.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=300')
      } else {
        expect(reply.headers.get('etag')).toBeNull()
        expect(reply.headers.get('cache-control')).toBe('no-store')
        expect(reply.json.errors[0].message).toBeTruthy()
      }
    })
  }

  it('answers If-None-Match with 304 and no body', async () => {
    const [first] = await both('/articles?category=industry&region=330000')
    const etag = first.headers.get('etag')!
    const replies = await both('/articles?category=industry&region=330000', { headers: { 'If-None-Match': etag } })
    for (const reply of replies) {
      expect(reply.status).toBe(304)
      expect(reply.body.length).toBe(0)
      expect(reply.headers.get('etag')).toBe(etag)
    }
    expectIdentical(replies)
    const stale = await both('/articles?category=industry&region=330000', { headers: { 'If-None-Match': '"something-else"' } })
    expect(stale.map((r) => r.status)).toEqual([200, 200])
  })

  it('serves precomputed brotli or gzip per Accept-Encoding', async () => {
    const path = '/articles?category=industry'
    const [plain] = await both(path)
    expect(plain.body.length).toBeGreaterThan(512)
    expect(plain.headers.get('content-encoding')).toBeNull()

    const br = await both(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
    expectIdentical(br)
    expect(br[0].headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(br[1].body).equals(plain.body)).toBe(true)

    const gzip = await both(path, { headers: { 'Accept-Encoding': 'gzip' } })
    expectIdentical(gzip)
    expect(gzip[0].headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(gzip[1].body).equals(plain.body)).toBe(true)
    expect(gzip[1].headers.get('vary')).toMatch(/Accept-Encoding/)
    expect(gzip[1].headers.get('etag')).toBe(plain.headers.get('etag'))
  })

  it('answers a repeated request without touching Payload', async () => {
    const path = '/api/news/articles?category=industry&region=320000&limit=5'
    const first = await viaHttp(origin, path)
    const { payload } = booted
    const find = payload.find
    const count = payload.count
    // The miss path reads through the Local API or, on SQL adapters, the adapter's Drizzle instance and the SQL read
    // path's own statements: all blocked.
    const db = payload.db as unknown as { drizzle?: unknown }
    const drizzle = db.drizzle
    const reader = sqlReaderOf(payload)
    const query = reader?.query
    payload.find = payload.count = (() => Promise.reject(new Error('Payload was called'))) as never
    if (drizzle) db.drizzle = new Proxy({}, { get: () => () => Promise.reject(new Error('the database was called')) })
    if (reader) reader.query = () => Promise.reject(new Error('the database was called'))
    try {
      const again = await viaHttp(origin, path)
      expect(pick(again)).toEqual(pick(first))
      expect(again.body.equals(first.body)).toBe(true)
      const compressed = await viaHttp(origin, path, { headers: { 'Accept-Encoding': 'br' } })
      expect(compressed.headers.get('content-encoding')).toBe('br')
      // An unseen URL still goes through Payload.
      expect((await viaHttp(origin, '/api/news/articles?category=industry&region=320000&limit=6')).status).toBeGreaterThanOrEqual(500)
    } finally {
      payload.find = find
      payload.count = count
      if (drizzle) db.drizzle = drizzle
      if (reader && query) reader.query = query
    }
  })

  it('answers a CORS preflight', async () => {
    const replies = await both('/articles', {
      method: 'OPTIONS',
      headers: { Origin: 'https://news.example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expectIdentical(replies)
    const [reply] = replies
    expect(reply.status).toBe(204)
    expect(reply.headers.get('access-control-allow-origin')).toBe('*')
    expect(reply.headers.get('access-control-allow-methods')).toMatch(/POST/)
    expect(reply.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i)
    expect(reply.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('counts a view the same way through both', async () => {
    const post = (visitor: string) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ visitor }),
    })
    const a = await viaPayload(booted, '/api/news/articles/ningbo-port/views', post('visitor-aaaa'))
    const b = await viaHttp(origin, '/api/news/articles/ningbo-port/views', post('visitor-bbbb'))
    expect([a.status, b.status]).toEqual([200, 200])
    expect(a.json).toEqual({ views: 1, counted: true })
    expect(b.json).toEqual({ views: 2, counted: true })
    expect(pick(b)).toEqual(pick(a))
  })
})
