import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SeededServer, startProductionServer, startSeededServer } from '../support/production-server'

let server: SeededServer

beforeAll(async () => {
  server = await startSeededServer('smoke', { email: 'smoke@example.com', password: 'Smoke-pass-123' })
})

afterAll(async () => {
  await server?.stop()
})

describe('production build', () => {
  it('serves the admin login page', async () => {
    const response = await fetch(`${server.url}/admin/login`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/payload/i)
  })

  it('answers the REST API and the public endpoints with seeded data', async () => {
    const rest = await fetch(`${server.url}/api/categories`)
    expect(rest.status).toBe(200)
    expect((await rest.json()).totalDocs).toBe(5)
    const tree = await (await fetch(`${server.url}/api/news/regions`)).json()
    expect(tree.provinces).toHaveLength(34)
    const list = await (await fetch(`${server.url}/api/news/articles?limit=5`)).json()
    expect(list.docs.length).toBe(5)
    expect(list.totalDocs).toBeGreaterThanOrEqual(25)
  })

  it('lets the seeded admin log in', async () => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'smoke@example.com', password: 'Smoke-pass-123' }),
    })
    expect(response.status).toBe(200)
    expect((await response.json()).user.roles).toEqual(['admin'])
  })

  it('serves the widgets bundle and the demo page', async () => {
    const bundle = await fetch(`${server.url}/widgets/v1/widgets.js`)
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toMatch(/javascript/)
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*')
    expect(bundle.headers.get('etag')).toBeTruthy()
    const demo = await fetch(`${server.url}/`)
    expect(demo.status).toBe(200)
    expect(await demo.text()).toContain('region-picker')
  })

  it('sends the bundle compressed as the build left it (Zopfli gzip, best brotli), decoding to the script', async () => {
    const raw = (encoding: string) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) =>
        get(`${server.url}/widgets/v1/widgets.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
        }).on('error', reject),
      )
    const script = readFileSync('dist/widgets/v1/widgets.js')
    const identity = await raw('identity')
    expect(identity.encoding).toBeUndefined()
    expect(identity.body.equals(script)).toBe(true)
    const gzip = await raw('gzip')
    expect(gzip.encoding).toBe('gzip')
    expect(gzip.body.equals(readFileSync('dist/widgets/v1/widgets.js.gz'))).toBe(true)
    expect(gunzipSync(gzip.body).equals(script)).toBe(true)
    const br = await raw('gzip, br')
    expect(br.encoding).toBe('br')
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true)
  })
})

describe('secrets', () => {
  it('a production start without any secret refuses with a clear message', async () => {
    const error = await startProductionServer(
      { DATABASE_URL: `file:${path.join(server.dir, 'nosecret.db')}`, PAYLOAD_SECRET: '', PAYLOAD_SECRET_FILE: path.join(server.dir, 'missing-secret') },
      { timeoutMs: 60_000 },
    ).then(
      (started) => started.stop().then(() => undefined),
      (e: Error & { code?: number }) => e,
    )
    expect(error, 'the server must not start').toBeInstanceOf(Error)
    expect(error!.message).toMatch(/PAYLOAD_SECRET is not set/)
  })
})
