import { createServer, type Server } from 'node:http'
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleListResponse, CategoryListResponse } from '../../wire/index'
import { adminPage, axeViolations } from '../support/admin-session'
import { launchChromium } from '../support/chromium'
import { type SeededServer, startSeededServer } from '../support/production-server'

/**
 * The proof the embed builder exists for: what marketing copies from /admin/embed, pasted into a blank page on
 * another origin (another host name and port, no admin session), shows the list the builder previewed — the client
 * snippet run by a browser, and the server-include URL fetched by that page's server and inlined.
 */
const ADMIN = { email: 'embed-admin@example.com', password: 'Embed-admin-pass-123' }
const EDITOR = { email: 'embed-editor@example.com', password: 'Embed-editor-pass-123' }
const REGION = '320500'

let server: SeededServer
/** The CMS's public site URL as the demo config resolves it (http://localhost:<port>): another name than the admin's. */
let siteUrl: string
let adminToken: string
let browser: Browser
let host: Server
let hostOrigin: string
/** What the other origin's pages hold: path → body, and path → a URL its server fetches and inlines. */
const hostPages = new Map<string, string>()
const hostIncludes = new Map<string, string>()

const json = async <T>(url: string): Promise<T> => (await fetch(`${server.url}${url}`)).json() as Promise<T>
// No favicon request: the page asks nothing of its own server but itself.
const blankPage = (body: string) => `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>合作方页面</title><link rel="icon" href="data:,"></head>\n<body>\n<h1>合作方页面</h1>\n${body}\n</body></html>\n`

beforeAll(async () => {
  server = await startSeededServer('embed-origin', ADMIN)
  const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) })
  const { token } = (await login.json()) as { token: string }
  adminToken = token
  siteUrl = `http://localhost:${server.port}`
  const created = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ ...EDITOR, roles: ['editor'] }),
  })
  expect(created.status).toBe(201)

  // The other origin: a plain server of its own (another port, reached as localhost while the CMS is 127.0.0.1).
  host = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://host').pathname
    const include = hostIncludes.get(pathname)
    const body = include !== undefined ? blankPage(await (await fetch(include)).text()) : hostPages.get(pathname)
    if (body === undefined) return res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body)
  })
  await new Promise<void>((resolve) => host.listen(0, resolve))
  hostOrigin = `http://localhost:${(host.address() as { port: number }).port}`
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => host?.close(resolve))
  await server?.stop()
})

/** Card titles in document order, inside the list's and the cards' shadow roots (locators pierce open ones). */
const titlesIn = (where: Page | Frame | FrameLocator) => where.locator('article-list article-card [part="title"]').allTextContents()

/** A fresh visitor (no admin cookies) opens the other origin's page; what it shows and what went wrong. */
const visit = async (pathname: string) => {
  const context = await browser.newContext({ locale: 'zh-CN' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(String(error)))
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()))
  page.on('requestfailed', (request) => problems.push(`${request.url()} ${request.failure()?.errorText}`))
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.url()} ${response.status()}`))
  await page.goto(`${hostOrigin}${pathname}`)
  return { page, problems }
}

describe('the embed builder on another origin', () => {
  let previewed: string[] = []
  let snippet = ''
  let includeUrl = ''

  it('previews the chosen list in its sandboxed frame and copies both snippets', async () => {
    // A category and page size that make the choice visible: the category with the most articles for 苏州, fewer
    // per page than it has.
    const { docs: categories } = await json<CategoryListResponse>('/api/news/categories')
    const totals = await Promise.all(categories.map(async (c) => (await json<ArticleListResponse>(`/api/news/articles?category=${c.slug}&region=${REGION}&limit=1`)).totalDocs))
    const best = totals.indexOf(Math.max(...totals))
    const category = categories[best]!
    expect(totals[best]).toBeGreaterThanOrEqual(3)
    const pageSize = Math.min(4, totals[best]! - 1)
    const expected = (await json<ArticleListResponse>(`/api/news/articles?category=${category.slug}&region=${REGION}&limit=${pageSize}`)).docs.map((d) => d.title)

    const { page, problems } = await adminPage(browser, server, EDITOR)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await page.goto(`${server.url}/admin/embed`)
    await page.getByLabel('分类', { exact: true }).selectOption({ label: category.name })
    await page.getByLabel('地区代码', { exact: true }).fill(REGION)
    await page.getByLabel('每页条数', { exact: true }).fill(String(pageSize))

    const preview = page.frameLocator('iframe.rn-embed__preview')
    await expect.poll(() => titlesIn(preview), { timeout: 30_000 }).toEqual(expected)
    previewed = await titlesIn(preview)

    await page.getByRole('button', { name: '复制代码' }).click()
    snippet = await page.evaluate(() => navigator.clipboard.readText())
    expect(snippet).toBe(await page.getByLabel('嵌入代码', { exact: true }).inputValue())
    expect(snippet).toContain(`category="${category.slug}"`)
    // The site URL, not the admin's origin (127.0.0.1) the editor happens to use.
    expect(snippet.startsWith(`<script type="module" src="${siteUrl}/widgets/v1/widgets.js"></script>`)).toBe(true)

    await page.getByRole('button', { name: '复制地址' }).click()
    includeUrl = await page.evaluate(() => navigator.clipboard.readText())
    expect(includeUrl).toBe(await page.getByLabel('服务器端嵌入地址', { exact: true }).inputValue())
    expect(new URL(includeUrl).origin).toBe(siteUrl)

    expect(await axeViolations(page, '.rn-embed')).toEqual([])
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('the client snippet, pasted into a blank page there, renders the previewed list', async () => {
    expect(previewed.length).toBeGreaterThan(0)
    hostPages.set('/snippet', blankPage(snippet))
    const { page, problems } = await visit('/snippet')
    expect(new URL(page.url()).origin).not.toBe(server.url)
    await expect.poll(() => titlesIn(page), { timeout: 30_000 }).toEqual(previewed)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('the server-include URL, fetched by the server of that page and inlined, shows the same list, also without scripts', async () => {
    expect(previewed.length).toBeGreaterThan(0)
    hostIncludes.set('/include', includeUrl)
    const { page, problems } = await visit('/include')
    await expect.poll(() => titlesIn(page), { timeout: 30_000 }).toEqual(previewed)
    // Hydrated by the bundle the fragment names, from the CMS's origin.
    await expect.poll(() => page.evaluate(() => Boolean(customElements.get('article-list'))), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => titlesIn(page)).toEqual(previewed)
    expect(problems).toEqual([])
    await page.context().close()

    // Crawlers and readers without JavaScript: the titles are links in the page itself.
    const context = await browser.newContext({ javaScriptEnabled: false })
    const noScript = await context.newPage()
    await noScript.goto(`${hostOrigin}/include`)
    expect(await noScript.locator('article-list > ul > li > a').allTextContents()).toEqual(previewed)
    await context.close()
  })
})

/** A document's id through Payload's REST API (the admin's own view of it). */
const idOf = async (collection: string, slug: string) => {
  const res = await fetch(`${server.url}/api/${collection}?where[slug][equals]=${encodeURIComponent(slug)}&depth=0&limit=1`, { headers: { Authorization: `JWT ${adminToken}` } })
  return ((await res.json()) as { docs: { id: string | number }[] }).docs[0]!.id
}

describe('presets and a list following a picker', () => {
  it("a category's edit view opens the builder preset to it", async () => {
    const { docs: categories } = await json<CategoryListResponse>('/api/news/categories')
    const category = categories[0]!
    const { page, problems } = await adminPage(browser, server, EDITOR)
    await page.goto(`${server.url}/admin/collections/categories/${await idOf('categories', category.slug)}`)
    const action = page.getByRole('link', { name: '复制嵌入代码' })
    expect(await axeViolations(page, '#rn-embed-preset')).toEqual([])
    await action.click()
    await page.waitForURL((url) => url.pathname === '/admin/embed')
    expect(new URL(page.url()).searchParams.get('category')).toBe(category.slug)
    await expect.poll(() => page.getByLabel('分类', { exact: true }).inputValue(), { timeout: 30_000 }).toBe(category.slug)
    expect(await page.getByLabel('嵌入代码', { exact: true }).inputValue()).toContain(`<article-list lang="zh-CN" style="--news-accent: #c0392b" category="${category.slug}"`)
    const expected = (await json<ArticleListResponse>(`/api/news/articles?category=${category.slug}&limit=6`)).docs.map((d) => d.title)
    await expect.poll(() => titlesIn(page.frameLocator('iframe.rn-embed__preview')), { timeout: 30_000 }).toEqual(expected)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it("an article's edit view opens the builder preset to its card", async () => {
    const article = (await json<ArticleListResponse>('/api/news/articles?limit=1')).docs[0]!
    const { page, problems } = await adminPage(browser, server, EDITOR)
    await page.goto(`${server.url}/admin/collections/articles/${await idOf('articles', article.slug)}`)
    await page.getByRole('link', { name: '复制嵌入代码' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/embed')
    expect(await page.getByLabel('组件', { exact: true }).inputValue()).toBe('article-card')
    expect(await page.getByLabel('文章别名', { exact: true }).inputValue()).toBe(article.slug)
    expect(await page.getByLabel('嵌入代码', { exact: true }).inputValue()).toContain(`<article-card lang="zh-CN" style="--news-accent: #c0392b" slug="${article.slug}"`)
    // The card loads itself by slug in the preview's frame; there is no server include for it, and the builder says so.
    await expect.poll(() => page.frameLocator('iframe.rn-embed__preview').locator('article-card [part="title"]').textContent().then((t) => t?.trim()), { timeout: 30_000 }).toBe(article.title)
    expect(await page.getByLabel('服务器端嵌入地址', { exact: true }).count()).toBe(0)
    expect(await axeViolations(page, '.rn-embed')).toEqual([])
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('a list following a region picker: the snippet brings the picker, and on another origin the list follows it', async () => {
    const { page, problems } = await adminPage(browser, server, EDITOR)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await page.goto(`${server.url}/admin/embed?element=article-list&region=follow`)
    const follow = page.getByLabel('跟随页面上的地区选择器（代码中附带一个 <region-picker>）')
    expect(await follow.isChecked()).toBe(true)
    await page.getByLabel('每页条数', { exact: true }).fill('3')
    await page.getByLabel('翻页方式', { exact: true }).selectOption('more')
    await page.getByRole('button', { name: '复制代码' }).click()
    const snippet = await page.evaluate(() => navigator.clipboard.readText())
    expect(snippet).toContain('<region-picker id="news-region-picker"')
    expect(snippet).toMatch(/<article-list [^>]*region-source="#news-region-picker"[^>]*paging="more"/)
    expect(await axeViolations(page, '.rn-embed')).toEqual([])
    expect(problems).toEqual([])
    await page.context().close()

    hostPages.set('/follow', blankPage(snippet))
    const visitor = await visit('/follow')
    const all = (await json<ArticleListResponse>('/api/news/articles?limit=3')).docs.map((d) => d.title)
    const suzhou = (await json<ArticleListResponse>(`/api/news/articles?region=${REGION}&limit=3`)).docs.map((d) => d.title)
    // The seed's newest articles are not all 苏州's, so following the picker shows in the titles.
    expect(suzhou).not.toEqual(all)
    await expect.poll(() => titlesIn(visitor.page), { timeout: 30_000 }).toEqual(all)
    await expect.poll(() => visitor.page.evaluate(() => Boolean(customElements.get('region-picker'))), { timeout: 30_000 }).toBe(true)
    // The reader picks 苏州 (as the picker does: its value, then its change event): the list follows.
    await visitor.page.evaluate((code) => {
      const picker = document.querySelector('region-picker') as HTMLElement & { value: string }
      picker.value = code
      picker.dispatchEvent(new CustomEvent('change', { detail: { code }, bubbles: true }))
    }, REGION)
    await expect.poll(() => titlesIn(visitor.page), { timeout: 30_000 }).toEqual(suzhou)
    expect(visitor.problems).toEqual([])
    await visitor.page.context().close()
  })
})
