import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteDay } from '../../cms/plugin/views/site-day'
import type { NewsStatsResponse } from '../../wire/news-stats'
import { adminPage, axeViolations } from '../support/admin-session'
import { launchChromium } from '../support/chromium'
import { type SeededServer, startSeededServer } from '../support/production-server'

/**
 * The newsroom in the real admin (production build): an editor tags an article with the region field (苏州 found by
 * 汉字, pinyin and initials in the 江苏 group, plus the whole of 浙江) and publishes; the public lists show it; a
 * known sequence of views shows exactly in /api/news-stats and on the dashboard; axe finds nothing in either.
 */
const ADMIN = { email: 'newsroom-admin@example.com', password: 'Newsroom-pass-123' }
const EDITOR = { email: 'newsroom-editor@example.com', password: 'Editor-pass-12345' }
const TITLE = `苏州与浙江联合通报 ${Date.now().toString(36)}`

let server: SeededServer
let browser: Browser
let editorToken: string
let slug: string

const api = async (method: string, url: string, body?: unknown, token?: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined }
}
const loginToken = async (user: typeof ADMIN) => (await api('POST', '/api/users/login', user)).json.token as string

beforeAll(async () => {
  server = await startSeededServer('newsroom', ADMIN)
  const admin = await loginToken(ADMIN)
  const created = await api('POST', '/api/users', { ...EDITOR, roles: ['editor'] }, admin)
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  editorToken = await loginToken(EDITOR)
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const editorPage = () => adminPage(browser, server, EDITOR)

describe('the region field', () => {
  it('finds 苏州 by 汉字, pinyin and initials in the 江苏 group; the editor picks it and all of 浙江 and publishes', async () => {
    const { page, problems } = await editorPage()
    await page.goto(`${server.url}/admin/collections/articles/create`)
    await page.fill('#field-title', TITLE)
    const category = (await api('GET', '/api/categories?limit=1')).json.docs[0].name as string
    await page.locator('#field-category .rs__control').click()
    await page.keyboard.type(category)
    await page.locator('.rs__option', { hasText: category }).first().click()

    // Its accessible name is the field's label.
    const input = page.getByRole('combobox', { name: '地区', exact: true })
    await expect.poll(() => input.isEnabled(), { timeout: 30_000 }).toBe(true)
    const suzhou = page.getByRole('group', { name: '江苏', exact: true }).getByRole('option', { name: '苏州', exact: true })
    for (const query of ['suzhou', 'sz', '苏州']) {
      await input.fill(query)
      await expect.poll(() => suzhou.count(), { timeout: 10_000, message: query }).toBe(1)
    }
    expect(await axeViolations(page, '.rn-region-field'), 'field with results open').toEqual([])
    // '苏州' ranks 苏州 first: Enter takes it and leaves a removable chip.
    await page.keyboard.press('Enter')
    const chips = page.locator('.rn-region-field__chip')
    await expect.poll(() => chips.allTextContents()).toEqual(['苏州×'])

    // Backspace on an empty input removes the last chip.
    await input.fill('bj')
    await page.getByRole('group', { name: '北京', exact: true }).getByRole('option').first().click()
    await expect.poll(() => chips.count()).toBe(2)
    await input.fill('')
    await input.press('Backspace')
    await expect.poll(() => chips.allTextContents()).toEqual(['苏州×'])

    // The whole province, chosen with the keyboard: it leads its group.
    await input.fill('zhejiang')
    const whole = page.getByRole('group', { name: '浙江', exact: true }).getByRole('option').first()
    await expect.poll(() => whole.textContent()).toBe('浙江（全境）')
    await page.keyboard.press('Enter')
    await expect.poll(() => chips.allTextContents()).toEqual(['苏州×', '浙江×'])
    await page.keyboard.press('Escape')
    expect(await page.getByRole('listbox').isHidden()).toBe(true)

    await page.click('#action-save')
    await page.waitForURL(/\/collections\/articles\/\d+/, { timeout: 60_000 })
    for (const region of ['320500', '330100']) {
      await expect
        .poll(async () => (await api('GET', `/api/news/articles?region=${region}&limit=50`)).json.docs.map((d: { title: string }) => d.title), { timeout: 30_000, message: region })
        .toContain(TITLE)
    }
    const stored = (await api('GET', `/api/articles?where[title][equals]=${encodeURIComponent(TITLE)}&depth=1`, undefined, editorToken)).json.docs[0]
    expect(stored.regions.map((r: { code: string }) => r.code)).toEqual(['320500', '330000'])
    slug = stored.slug

    // Editing: the chips come back from the stored relationship.
    await page.reload()
    await expect.poll(() => page.locator('.rn-region-field__chip').allTextContents(), { timeout: 30_000 }).toEqual(['苏州×', '浙江×'])
    expect(problems).toEqual([])
    await page.context().close()
  })
})

describe('view analytics', () => {
  const today = () => siteDay('Asia/Shanghai', Date.now())
  const view = (visitor: string, region?: string, userAgent = 'Mozilla/5.0 Chrome/140 e2e') =>
    api('POST', `/api/news/articles/${slug}/views`, { visitor, ...(region ? { region } : {}) }, undefined, { 'User-Agent': userAgent })

  it('a known sequence of views from distinct visitors yields exactly those numbers in /api/news-stats', async () => {
    expect(slug).toBeTruthy()
    const sequence: [string, string | undefined][] = [
      ['e2e-visitor-001', '320500'],
      ['e2e-visitor-002', '320500'],
      ['e2e-visitor-003', '320500'],
      ['e2e-visitor-004', '330100'],
      ['e2e-visitor-005', undefined],
    ]
    for (const [visitor, region] of sequence) expect((await view(visitor, region)).json).toMatchObject({ counted: true })
    expect((await view('e2e-visitor-001', '320500')).json).toMatchObject({ counted: false })
    expect((await view('e2e-crawler-01', undefined, 'Mozilla/5.0 (compatible; bingbot/2.0)')).json).toMatchObject({ counted: false })
    expect((await view('e2e-visitor-006', '999999')).status).toBe(400)

    const { status, json } = await api('GET', `/api/news-stats?from=${today()}&to=${today()}`, undefined, editorToken)
    expect(status).toBe(200)
    const stats = json as NewsStatsResponse
    expect(stats.days).toEqual([{ date: today(), views: 5 }])
    expect(stats.topArticles).toEqual([{ slug, title: TITLE, views: 5 }])
    expect(stats.regions).toEqual([
      { code: '320500', name: '苏州', views: 3 },
      { code: '330100', name: '杭州', views: 1 },
    ])
    expect(stats.categories.map((c) => c.views)).toEqual([5])
  })

  it('refuses anonymous requests and answers 400 JSON to bad ranges', async () => {
    const anonymous = await api('GET', `/api/news-stats?from=${today()}&to=${today()}`)
    expect([401, 403]).toContain(anonymous.status)
    expect(anonymous.json.errors[0].message).toBeTruthy()
    expect((await api('GET', '/api/news-stats?from=2020-01-01&to=2026-01-01', undefined, editorToken)).status).toBe(400)
    const malformed = await api('GET', '/api/news-stats?from=yesterday&to=today', undefined, editorToken)
    expect(malformed.status).toBe(400)
    expect(malformed.json.errors[0].message).toBeTruthy()
  })

  it('shows the same numbers on the dashboard, with a chart and tables, and axe finds nothing there', async () => {
    const { page, problems } = await editorPage()
    await page.goto(`${server.url}/admin`)
    const dashboard = page.locator('.rn-dashboard')
    await dashboard.waitFor({ timeout: 30_000 })
    const todayRow = page.getByTestId('days-table').locator('tbody tr').first()
    expect(await todayRow.locator('th').textContent()).toBe(today())
    expect(await todayRow.locator('td').textContent()).toBe('5')
    const regionRows = page.getByRole('region', { name: '读者地区阅读量' }).locator('tbody tr')
    expect(await regionRows.allTextContents()).toEqual(['苏州3', '杭州1'])
    const articleRows = page.getByRole('region', { name: '热门文章' }).locator('tbody tr')
    expect(await articleRows.allTextContents()).toEqual([`${TITLE}5`])
    // uPlot is loaded on demand and draws a canvas.
    await expect.poll(() => dashboard.locator('.uplot canvas').count(), { timeout: 15_000 }).toBe(1)
    expect(await page.getByRole('region', { name: '最近发布' }).textContent()).toContain(TITLE)
    expect(await axeViolations(page, '.rn-dashboard')).toEqual([])
    expect(problems).toEqual([])
    await page.context().close()
  })
})

describe('the embed builder', () => {
  it('sends anonymous visitors to the login page', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/embed`)
    await page.waitForURL(/\/admin\/login/, { timeout: 30_000 })
    expect(await page.locator('.rn-embed').count()).toBe(0)
    await context.close()
  })

  it('is linked from the nav and previews the real bundle in a sandboxed frame; the snippet can be copied', async () => {
    const { page, problems } = await editorPage()
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await page.goto(`${server.url}/admin`)
    // The nav is closed (inert, yet laid out) until the user's nav preference has loaded, and stays closed if that
    // says so: let it settle, then open it as a user would when it is still closed.
    const link = page.locator('#nav-embed-builder')
    const inert = () => link.evaluate((el) => el.closest('[inert]') !== null)
    await page.waitForLoadState('networkidle')
    if (await inert()) await page.locator('button.nav-toggler:visible').first().click()
    await expect.poll(inert, { timeout: 10_000 }).toBe(false)
    await link.click()
    await page.waitForURL(/\/admin\/embed$/, { timeout: 30_000 })
    await page.getByLabel('地区代码', { exact: true }).fill('320500')
    await page.getByLabel('每页条数', { exact: true }).fill('3')
    const snippet = page.getByLabel('嵌入代码', { exact: true })
    await expect.poll(() => snippet.inputValue()).toContain('region="320500"')
    expect(await snippet.inputValue()).toContain('/widgets/v1/widgets.js')
    expect(await page.locator('iframe.rn-embed__preview').getAttribute('sandbox')).toBe('allow-scripts')
    const frame = page.frameLocator('iframe.rn-embed__preview')
    await expect.poll(() => frame.locator('article-card').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    // The chosen page size reaches the real element.
    await expect.poll(() => frame.locator('article-card').count(), { timeout: 30_000 }).toBe(3)
    await page.getByRole('button', { name: '复制代码' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已复制' }).count()).toBe(1)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue())
    expect(await axeViolations(page, '.rn-embed')).toEqual([])
    expect(problems).toEqual([])
    await page.context().close()
  })
})
