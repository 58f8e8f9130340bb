import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startProductionServer } from '../support/production-server'
import { launchChromium } from '../support/chromium'

// Hostile text entered through the CMS's own API must stay inert wherever the widgets and the demo page show it.
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'onerror\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '"><a href="javascript:window.__pwned=\'href\'">x</a>',
  '\u202Egnp.exe 𝐚𝐝𝐦𝐢𝐧 аdmin', // right-to-left override, look-alike letters
]
const HOSTILE = PAYLOADS.join(' ')
const SLUG = 'hostile-content'

let server: RunningServer
let dir: string
let browser: Browser

const api = async (method: string, url: string, token: string, body?: unknown) => {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const text = (value: string) => ({ type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children })
const link = (url: string, label: string) => ({ type: 'link', format: '', indent: 0, version: 3, direction: 'ltr', fields: { url, linkType: 'custom', newTab: false }, children: [text(label)] })

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rn-hostile-content-'))
  server = await startProductionServer({
    DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
    PAYLOAD_SECRET: 'hostile-content-secret-0123456789abcdef',
    ADMIN_EMAIL: 'hostile@example.com',
    ADMIN_PASSWORD: 'Hostile-pass-123',
  })
  const { token } = await (await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'hostile@example.com', password: 'Hostile-pass-123' }),
  })).json()
  const category = await api('POST', '/api/categories', token, { name: Array.from(`分类 ${HOSTILE}`).slice(0, 190).join(""), slug: 'hostile', order: 0 })
  const regions = await api('GET', '/api/regions?where[code][equals]=330100&depth=0', token)
  await api('PATCH', `/api/regions/${regions.docs[0].id}`, token, { shortName: `杭州${PAYLOADS[1]}` })
  await api('POST', '/api/articles', token, {
    title: Array.from(`标题 ${HOSTILE}`).slice(0, 190).join(""),
    slug: SLUG,
    excerpt: HOSTILE,
    author: PAYLOADS[0],
    category: category.doc.id,
    regions: [regions.docs[0].id],
    credits: [{ label: PAYLOADS[1], value: PAYLOADS[3] }],
    body: { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [
      paragraph(text(HOSTILE)),
      paragraph(link('javascript:window.__pwned="link"', '点我')),
      paragraph(link('data:text/html,<script>parent.__pwned="data"</script>', '数据')),
    ] } },
    _status: 'published',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const visit = async (url: string) => {
  const page = await browser.newPage()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' })
  await page.waitForTimeout(1_000)
  return { page, dialogs }
}

/** Every href in the page, including inside shadow roots. */
const allLinks = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const hrefs: string[] = []
    const walk = (root: Document | ShadowRoot) => {
      root.querySelectorAll('*').forEach((el) => {
        if (el instanceof HTMLAnchorElement) hrefs.push(el.getAttribute('href') ?? '')
        if (el.shadowRoot) walk(el.shadowRoot)
      })
    }
    walk(document)
    return hrefs
  })

describe('hostile content created through the API', () => {
  it('the demo list shows it as text and runs nothing', async () => {
    const { page, dialogs } = await visit('/demo/?region=330100')
    const shown = await page.locator('article-list').evaluate((el) => el.shadowRoot?.innerHTML ?? '')
    expect(shown.length).toBeGreaterThan(0)
    await expect.poll(() => page.locator('article-card', { hasText: '标题' }).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect((await allLinks(page)).filter((href) => /^\s*(javascript|data):/i.test(href))).toEqual([])
    await page.close()
  })

  it('the article page renders the body, credits and meta inert', async () => {
    const { page, dialogs } = await visit(`/demo/?article=${SLUG}`)
    const view = page.locator('article-view')
    await expect.poll(() => view.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 20_000 }).toContain('点我')
    // Links the sanitizer disarmed may still be clicked: nothing must happen.
    for (const label of ['点我', '数据']) await view.getByText(label).click({ timeout: 5_000 }).catch(() => undefined)
    await page.waitForTimeout(500)
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect((await allLinks(page)).filter((href) => /^\s*(javascript|data):/i.test(href))).toEqual([])
    // The payloads are visible as the text the editor typed.
    expect(await view.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('<script>')
    await page.close()
  })

  it('the public API already returns the body sanitized', async () => {
    const detail = await (await fetch(`${server.url}/api/news/articles/${SLUG}`)).json()
    // The payloads survive only as escaped text: no tag, handler attribute or dangerous URL of their own.
    expect(detail.html).toContain('&lt;script&gt;')
    expect(detail.html).not.toMatch(/<script|<svg|<img[^>]*\son\w+=|<[a-z]+[^>]*\son\w+\s*=/i)
    expect(detail.html).not.toMatch(/<(a|img)\s[^>]*(href|src)\s*=\s*"\s*(javascript|data):/i)
    expect(detail.title).toContain('<script>')
  })
})
