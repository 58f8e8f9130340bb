import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startProductionServer } from '../support/production-server'

let server: RunningServer
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rn-smoke-'))
  server = await startProductionServer({
    DATABASE_URL: `file:${path.join(dir, 'smoke.db')}`,
    PAYLOAD_SECRET: 'smoke-test-secret-0123456789abcdef0123',
    ADMIN_EMAIL: 'smoke@example.com',
    ADMIN_PASSWORD: 'Smoke-pass-123',
  })
})

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
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
})

describe('secrets', () => {
  it('a production start without any secret refuses with a clear message', async () => {
    const error = await startProductionServer(
      { DATABASE_URL: `file:${path.join(dir, 'nosecret.db')}`, PAYLOAD_SECRET: '', PAYLOAD_SECRET_FILE: path.join(dir, 'missing-secret') },
      { timeoutMs: 60_000 },
    ).then(
      (started) => started.stop().then(() => undefined),
      (e: Error & { code?: number }) => e,
    )
    expect(error, 'the server must not start').toBeInstanceOf(Error)
    expect(error!.message).toMatch(/PAYLOAD_SECRET is not set/)
  })
})
