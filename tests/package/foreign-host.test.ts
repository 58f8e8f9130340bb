import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium'
import { ADMIN, API, BASE_PATH, type ForeignHost, paragraph, SITE_PATH, startForeignHost } from '../support/foreign-host'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

// Someone else's Payload app with the packed plugin (see tests/support/foreign-host.ts): built, started with the
// README's server.ts, and checked from outside over HTTP and in Chromium.
let database: TestDatabase
let host: ForeignHost
let browser: Browser | undefined
let token = ''

const get = async (pathname: string) => {
  const response = await fetch(`${host.origin}${pathname}`)
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}

beforeAll(async () => {
  database = await createTestDatabase('postgres')
  host = await startForeignHost({ databaseUrl: database.url, log: console.log })
  // The host's first user, then content through its REST API under its own route.
  const registered = (await host.rest('POST', '/staff/first-register', { ...ADMIN, roles: ['chief'] })) as { token: string }
  token = registered.token
  const category = (await host.rest('POST', '/categories?locale=en', { name: 'Harbour', slug: 'harbour' }, token)) as { doc: { id: number } }
  const { docs } = (await host.rest('GET', '/regions?where[code][equals]=320500&limit=1', undefined, token)) as { docs: { id: number }[] }
  await host.rest(
    'POST',
    '/articles?locale=en',
    { title: 'Ferries return to Suzhou', slug: 'ferries-return', category: category.doc.id, regions: [docs[0]!.id], body: paragraph('The canal ferries run again from Monday.'), _status: 'published' },
    token,
  )
  // Install, CLI steps and `next build` of a whole app: 12 min measured on the shared 2-core machine (next build 8 of them).
}, 1_200_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await database?.drop()
})

describe('a foreign Payload app with the packed plugin', () => {
  it('seeds the regions through its own Payload CLI', async () => {
    expect(host.seedOutput).toMatch(/regional-news:seed-regions: \d{3} created, 0 already there/)
    const { totalDocs } = (await host.rest('GET', '/regions?limit=1')) as { totalDocs: number }
    expect(totalDocs).toBeGreaterThan(300)
  })

  it('answers the public endpoints under its API route and base path', async () => {
    const tree = JSON.parse((await get(`${API}${BASE_PATH}/regions?locale=en`)).text) as { provinces: { name: string }[] }
    expect(tree.provinces).toHaveLength(34)
    const list = await get(`${API}${BASE_PATH}/articles?region=320500&locale=en`)
    expect(list.status).toBe(200)
    expect(JSON.parse(list.text).docs.map((doc: { title: string }) => doc.title)).toEqual(['Ferries return to Suzhou'])
    const article = JSON.parse((await get(`${API}${BASE_PATH}/articles/ferries-return?locale=en`)).text) as { html: string }
    expect(article.html).toContain('The canal ferries run again from Monday.')
    expect((await get(`/api/news/articles`)).status).toBe(404)
  })

  it('serves the widgets bundle, the server-rendered pages and the feeds under its paths', async () => {
    const bundle = await get('/widgets/v1/widgets.js')
    expect(bundle.status).toBe(200)
    expect(bundle.type).toContain('javascript')
    expect(bundle.text).toContain('article-list')
    const list = await get(`${SITE_PATH}?locale=en`)
    expect(list.status).toBe(200)
    expect(list.text).toContain('Ferries return to Suzhou')
    expect(list.text).toContain('Foreign Host Daily')
    const page = await get(`${SITE_PATH}/ferries-return?locale=en`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('The canal ferries run again from Monday.')
    const rss = await get(`${SITE_PATH}/feed.xml?locale=en`)
    expect(rss.status).toBe(200)
    expect(rss.text).toContain('Ferries return to Suzhou')
    expect(rss.text).toContain(`${host.origin}${SITE_PATH}/ferries-return`)
    const sitemap = await get('/sitemap-news.xml')
    expect(sitemap.status).toBe(200)
  })

  it('shows the plugin in its admin, in its languages, with the custom components', async () => {
    browser = await launchChromium()
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${host.origin}/admin/login`)
    await page.fill('#field-email', ADMIN.email)
    await page.fill('#field-password', ADMIN.password)
    await page.click('button[type="submit"]')
    // The newsroom dashboard (server component from ./rsc) and the embed builder link (client component from ./client).
    await page.waitForSelector('.rn-dashboard', { timeout: 60_000 })
    expect(await page.locator('#nav-embed-builder').count()).toBe(1)
    const nav = await page.locator('nav.nav__wrap').innerText()
    expect(nav).toContain('Regional news')
    expect(nav).toContain('Articles')

    // The article form: the region field (client component) and the host's three content locales.
    await page.goto(`${host.origin}/admin/collections/articles/create`)
    await page.waitForSelector('.rn-region-field', { timeout: 60_000 })
    expect(await page.locator('.app-header__localizer .localizer-button__current-label').first().innerText()).toBe('English')
    for (const [code, label] of [['zh', '中文'], ['fr', 'Français']]) {
      await page.goto(`${host.origin}/admin/collections/articles/create?locale=${code}`)
      await page.waitForSelector(`.app-header__localizer .localizer-button[data-locale="${code}"]`, { timeout: 60_000 })
      expect(await page.locator('.app-header__localizer .localizer-button__current-label').first().innerText()).toBe(label)
    }

    // The same admin in Chinese (Payload's language cookie).
    await context.addCookies([{ name: 'payload-lng', value: 'zh', url: host.origin }])
    await page.goto(`${host.origin}/admin`)
    await page.waitForSelector('.rn-dashboard', { timeout: 60_000 })
    const navZh = await page.locator('nav.nav__wrap').innerText()
    expect(navZh).toContain('区域新闻')
    expect(navZh).toContain('文章')
    await context.close()
  })

  it('the widgets on its pages request its base path, never /api/news', async () => {
    browser ??= await launchChromium()
    const page = await browser.newPage()
    const asked: string[] = []
    page.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await page.goto(`${host.origin}${SITE_PATH}?locale=en`)
    // The page arrives with its list and region tree inline, so nothing is fetched until the reader asks for a list
    // the server did not render: a category tab of the hydrated list.
    const fetched = page.waitForRequest((request) => new URL(request.url()).pathname === `${API}${BASE_PATH}/articles`, { timeout: 30_000 })
    await page.locator('article-list [role=tab]').nth(1).click()
    await fetched
    expect(asked.filter((pathname) => pathname.startsWith('/api/news'))).toEqual([])
    await page.close()
  })

  it('logged no server errors', () => {
    expect(host.serverOutput()).not.toMatch(/\bERROR\b|⨯|Unhandled/)
  })
})
