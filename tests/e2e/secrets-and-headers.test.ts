import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveSecret } from '../../cms/secret'
import { httpRest } from '../support/http-rest'
import { type RunningServer, startProductionServer } from '../support/production-server'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { CHROMIUM, launchChromium } from '../support/chromium'

/**
 * No fixed default credentials or secrets; the pages and the widgets bundle send sensible security headers and
 * the CSP still lets the widgets run; the admin's REST API keeps Payload's own CORS and CSRF rules.
 */

const COMMON_PASSWORDS = ['admin', 'password', '123456', 'changeme', 'admin123', 'Admin123!', 'payload', 'secret']
const WIDGETS_BUILT = existsSync('dist/widgets/v1/widgets.js')

interface FreshStart {
  server: RunningServer
  database: TestDatabase
  email: string
  password: string
}

/** A production start on an empty database with no admin credentials given: the seed prints generated ones. */
const freshStart = async (env: Record<string, string> = {}): Promise<FreshStart> => {
  const database = await createTestDatabase('sqlite')
  const server = await startProductionServer({
    DATABASE_URL: `file:${database.dir}/fresh.db`,
    PAYLOAD_SECRET: `secrets-suite-${Math.random().toString(36).slice(2)}-0123456789abcdef`,
    ADMIN_EMAIL: undefined,
    ADMIN_PASSWORD: undefined,
    REGIONAL_NEWS_ROOT: database.dir,
    ...env,
  })
  const match = /created admin user (\S+) with password (\S+)/.exec(server.output())
  if (!match) throw new Error(`no generated admin credentials printed:\n${server.output().slice(-2000)}`)
  return { server, database, email: match[1]!, password: match[2]! }
}

const login = (url: string, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) })

let a: FreshStart
let b: FreshStart
const scratch: string[] = []

beforeAll(async () => {
  a = await freshStart()
  // The second one also names its public URL, which makes Payload enforce its CSRF origin list.
  b = await freshStart({ PUBLIC_URL: 'http://cms.example' })
})

afterAll(async () => {
  for (const start of [a, b]) {
    await start?.server.stop()
    await start?.database.drop()
  }
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe('no fixed default credentials', () => {
  it('the source has no default admin password or secret', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name)
        if (statSync(full).isDirectory()) walk(full)
        else if (/\.(ts|mjs|js)$/.test(name)) files.push(full)
      }
    }
    for (const dir of ['cms/server', 'cms/plugin', 'collections', 'scripts']) walk(dir)
    files.push('payload.config.ts', 'cms/secret.ts', 'cms/database.ts')
    const offenders: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      // A literal next to a password or secret setting, or an env fallback to one.
      const patterns = [
        /\bpassword\s*[:=]\s*['"`][^'"`\s]{3,}['"`]/i,
        /(ADMIN_PASSWORD|PAYLOAD_SECRET)[^\n]*(\?\?|\|\|)\s*['"`][^'"`]+['"`]/,
        /\bsecret\s*:\s*['"`][^'"`]{3,}['"`]/,
      ]
      for (const pattern of patterns) if (pattern.test(text)) offenders.push(`${file}: ${pattern}`)
    }
    expect(offenders).toEqual([])
    // The seed's own fallback is a random password, printed once.
    expect(readFileSync('cms/demo/seed/seed-all.ts', 'utf8')).toMatch(/randomBytes\(\d+\)/)
  })

  it('each fresh start generates its own admin password, and it works', async () => {
    expect(a.password).not.toBe(b.password)
    for (const start of [a, b]) {
      expect(start.password.length).toBeGreaterThanOrEqual(16)
      expect((await login(start.server.url, start.email, start.password)).status).toBe(200)
    }
  })

  it('common passwords do not log in', async () => {
    for (const start of [a, b]) {
      for (const password of COMMON_PASSWORDS) {
        const response = await login(start.server.url, start.email, password)
        expect(response.status, `${password} on ${start.email}`).toBe(401)
      }
    }
    // Still not locked out after the failed attempts above (the limit is higher), and the real one works.
    expect((await login(a.server.url, a.email, a.password)).status).toBe(200)
  })

  it('generated secrets are random, long and private', () => {
    const saved = process.env.PAYLOAD_SECRET
    delete process.env.PAYLOAD_SECRET
    try {
      const secrets = [0, 1].map(() => {
        const dir = mkdtempSync(path.join(tmpdir(), 'rn-secret-'))
        scratch.push(dir)
        const secret = resolveSecret(dir, { generate: true })
        expect((statSync(path.join(dir, '.payload-secret')).mode & 0o777).toString(8)).toBe('600')
        return secret
      })
      expect(secrets[0]).not.toBe(secrets[1])
      for (const secret of secrets) expect(secret).toMatch(/^[0-9a-f]{64}$/)
    } finally {
      if (saved !== undefined) process.env.PAYLOAD_SECRET = saved
    }
  })

  it('a production start refuses a missing or too short secret with a clear message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rn-nosecret-'))
    scratch.push(dir)
    for (const [secret, message] of [
      ['', /PAYLOAD_SECRET is not set/],
      ['changeme', /PAYLOAD_SECRET is too short/],
    ] as const) {
      const error = await startProductionServer(
        { DATABASE_URL: `file:${dir}/x.db`, PAYLOAD_SECRET: secret, PAYLOAD_SECRET_FILE: path.join(dir, 'missing') },
        { timeoutMs: 60_000 },
      ).then(
        (started) => started.stop().then(() => undefined),
        (e: Error) => e,
      )
      expect(error, `the server must not start with "${secret}"`).toBeInstanceOf(Error)
      expect(error!.message).toMatch(message)
    }
  })
})

describe('security headers', () => {
  it('the demo page: CSP without inline or eval scripts, nosniff, referrer policy, framing', async () => {
    const response = await fetch(`${a.server.url}/`)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toBeDefined()
    expect(directives.get('frame-ancestors')).toBeDefined()
    expect(csp).not.toMatch(/unsafe-eval/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toMatch(/^(strict-origin-when-cross-origin|strict-origin|same-origin|no-referrer)$/)
    // The page has no inline script the CSP would block (JSON data blocks — JSON-LD, server-rendered widget data —
    // are never executed, so script-src does not apply to them).
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>/)
  })

  it('the widgets bundle and page script: right type, nosniff, referrer policy, embeddable cross-origin without credentials', async () => {
    for (const file of ['/widgets/v1/widgets.js', '/demo/demo.js']) {
      const response = await fetch(`${a.server.url}${file}`)
      expect(response.status, file).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBeTruthy()
    }
    const bundle = await fetch(`${a.server.url}/widgets/v1/widgets.js`, { headers: { Origin: 'https://customer.example' } })
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*')
    expect(bundle.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('API answers are nosniff JSON, errors included', async () => {
    for (const path of ['/api/news/articles?limit=1', '/api/news/nope', '/api/articles/abc', '/api/categories', '/nope']) {
      const response = await fetch(`${a.server.url}${path}`)
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })

  it.runIf(WIDGETS_BUILT && existsSync(CHROMIUM))('the CSP still lets the widgets run (Chromium)', async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      const problems: string[] = []
      page.on('console', (message) => {
        // The browser's own favicon probe is not the page's doing.
        if (message.location().url.endsWith('/favicon.ico')) return
        if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          ;((window as unknown as { __csp: string[] }).__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`)
        })
      })
      await page.goto(`${a.server.url}/`, { waitUntil: 'networkidle' })
      const tags = ['region-picker', 'article-list']
      for (const tag of tags) await page.waitForFunction((name) => Boolean(customElements.get(name)), tag, { timeout: 15_000 })
      // The list renders cards of seeded articles from the API (connect-src 'self'), with their text.
      await page.waitForFunction(
        () => {
          const card = document.querySelector('article-list')?.shadowRoot?.querySelector('article-card')
          return (card?.shadowRoot?.textContent ?? '').trim().length > 10
        },
        undefined,
        { timeout: 15_000 },
      )
      const violations = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      expect(violations).toEqual([])
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

describe("the admin's REST API keeps Payload's CORS and CSRF rules", () => {
  it('a foreign origin gets no credentialed CORS, in preflight or in answers', async () => {
    const evil = 'https://evil.example'
    const token = (await (await login(a.server.url, a.email, a.password)).json()).token as string
    const preflight = await fetch(`${a.server.url}/api/users/me`, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).not.toBe(evil)
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    for (const [method, path] of [['GET', '/api/users/me'], ['GET', '/api/articles?limit=1'], ['POST', '/api/users/logout']] as const) {
      const response = await fetch(`${a.server.url}${path}`, { method, headers: { Origin: evil, Cookie: `payload-token=${token}` } })
      expect(response.headers.get('access-control-allow-origin'), path).not.toBe(evil)
      expect(response.headers.get('access-control-allow-origin'), path).not.toBe('*')
      expect(response.headers.get('access-control-allow-credentials'), path).toBeNull()
    }
  })

  it('the session cookie is HttpOnly and SameSite', async () => {
    const response = await login(b.server.url, b.email, b.password)
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i)
  })

  it('with a public URL set, the cookie counts only for requests from that origin', async () => {
    const token = (await (await login(b.server.url, b.email, b.password)).json()).token as string
    const me = (origin: string) => httpRest(b.server.url, 'GET', '/api/users/me', { headers: { Origin: origin, Cookie: `payload-token=${token}` } })
    expect((await me('https://evil.example')).json.user).toBeNull()
    expect((await me('http://cms.example')).json.user?.email).toBe(b.email)
  })
})
