import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpLogin, httpRest } from '../support/http-rest'
import { type RunningServer, startProductionServer } from '../support/production-server'
import { errorLines } from '../support/server-log'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { CHROMIUM, launchChromium } from '../support/chromium'

/**
 * The REST guard must not get in the admin's way: an editor's day in the admin (log in, lists, edit and save,
 * relationship search, filters and search, versions) through Chromium, with every REST call answered without
 * a 4xx/5xx and nothing logged as an error.
 */

const ADMIN = { email: 'guard-admin@example.com', password: 'Guard-admin-pass-1' }

let server: RunningServer
let database: TestDatabase
let browser: Browser
let page: Page
const api: { status: number; method: string; path: string }[] = []

beforeAll(async () => {
  database = await createTestDatabase('sqlite')
  server = await startProductionServer({
    DATABASE_URL: `file:${database.dir}/admin.db`,
    PAYLOAD_SECRET: 'admin-behind-guard-secret-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    REGIONAL_NEWS_ROOT: database.dir,
  })
  browser = await launchChromium()
  page = await browser.newPage()
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.pathname.startsWith('/api/')) api.push({ status: response.status(), method: response.request().method(), path: decodeURIComponent(url.pathname + url.search) })
  })
})

afterAll(async () => {
  console.log(`admin behind the guard: ${api.length} REST calls made by the admin UI`)
  if (process.env.DEBUG_ADMIN_CALLS) console.log(api.map((c) => `${c.status} ${c.method} ${c.path}`).join("\n"))
  await browser?.close()
  await server?.stop()
  await database?.drop()
})

const waitForToast = () => page.waitForSelector('.payload-toast-container .toast-success, [data-sonner-toast][data-type="success"]', { timeout: 30_000 })

describe.runIf(existsSync(CHROMIUM))('the admin works behind the REST guard', () => {
  it('logs in', async () => {
    await page.goto(`${server.url}/admin/login`)
    await page.fill('input[name="email"]', ADMIN.email)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  })

  it('lists articles, opens one, edits and saves it', async () => {
    await page.goto(`${server.url}/admin/collections/articles`)
    await page.waitForSelector('table tbody tr', { timeout: 60_000 })
    await page.click('table tbody tr:first-child td a')
    await page.waitForSelector('#field-title', { timeout: 60_000 })
    const id = new URL(page.url()).pathname.split('/').pop()
    const title = `Saved behind the guard ${Date.now()}`
    await page.fill('#field-title', title)
    // The category picker searches through a POST standing in for a GET.
    const picker = page.locator('#field-category .rs__control, #field-category [class*="control"]').first()
    if (await picker.count()) {
      await picker.click()
      await page.keyboard.type('新闻')
      await page.waitForTimeout(1_000)
      await page.keyboard.press('Escape')
    }
    await page.click('#action-save')
    await waitForToast()
    const token = await httpLogin(server.url, ADMIN.email, ADMIN.password)
    const saved = await httpRest(server.url, 'GET', `/api/articles/${id}?depth=0`, { token })
    expect(saved.json.title).toBe(title)
    await page.goto(`${server.url}/admin/collections/articles/${id}/versions`)
    await page.waitForSelector('table tbody tr', { timeout: 60_000 })
  })

  it('filters and searches the regions list', async () => {
    await page.goto(`${server.url}/admin/collections/regions?where[or][0][and][0][level][equals]=province&limit=25`)
    await page.waitForSelector('table tbody tr', { timeout: 60_000 })
    await page.fill('.search-filter__input, input[type="search"]', '浙江')
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1, undefined, { timeout: 30_000 })
    expect(await page.locator('table tbody tr').first().textContent()).toContain('浙江')
  })

  it('opens the media and categories lists', async () => {
    for (const collection of ['media', 'categories', 'users']) {
      await page.goto(`${server.url}/admin/collections/${collection}`)
      await page.waitForSelector('table tbody tr', { timeout: 60_000 })
    }
  })

  it('no REST call of the admin was refused or failed, and nothing was logged as an error', () => {
    const failed = api.filter((call) => call.status >= 400)
    expect(failed).toEqual([])
    expect(api.length).toBeGreaterThan(5)
    expect(errorLines(server.output())).toEqual([])
  })
})
