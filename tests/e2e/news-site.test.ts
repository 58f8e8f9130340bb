import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium'
import { type SeededServer, startSeededServer } from '../support/production-server'

/**
 * The server-rendered news site as readers and crawlers meet it (production build, seeded, real Chromium): the text
 * is there without JavaScript; with it, the page hydrates without asking for data it already has and without
 * moving; axe finds no WCAG 2.2 A/AA violation.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
let server: SeededServer
let browser: Browser
let article: { slug: string; title: string }

beforeAll(async () => {
  server = await startSeededServer('site', { email: 'site@example.com', password: 'Site-pass-12345' })
  browser = await launchChromium()
  const list = await (await fetch(`${server.url}/api/news/articles?limit=1`)).json()
  article = { slug: list.docs[0].slug, title: list.docs[0].title }
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Layout shifts and public data requests made after the document arrived. */
const watch = async (page: Page) => {
  const requests: string[] = []
  page.on('request', (r) => {
    if (/\/api\/news\/(articles|categories|regions)/.test(r.url()) && r.method() === 'GET') requests.push(r.url())
  })
  await page.addInitScript(() => {
    ;(window as unknown as { __cls: number }).__cls = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  return requests
}

describe('the news site', () => {
  it('without JavaScript: the list shows its headlines and the article its full text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${server.url}/news`)
    // Locators look inside open shadow roots, so this is what is painted (declarative shadow DOM, no script).
    expect(await page.getByText(article.title).filter({ visible: true }).count()).toBeGreaterThan(0)
    await page.goto(`${server.url}/news/${article.slug}`)
    expect(await page.getByRole('heading', { level: 1, name: article.title }).isVisible()).toBe(true)
    const detail = await (await fetch(`${server.url}/api/news/articles/${article.slug}`)).json()
    const sentence = /<p>([^<]{8,})/.exec(detail.html)?.[1]?.trim().slice(0, 12)
    expect(sentence).toBeTruthy()
    expect(await page.getByText(sentence!).filter({ visible: true }).count()).toBeGreaterThan(0)
    await context.close()
  })

  it('hydrates without fetching what it already has and without layout shift', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const requests = await watch(page)
    await page.goto(`${server.url}/news`, { waitUntil: 'networkidle' })
    await page.waitForFunction(() => customElements.get('article-list') !== undefined)
    await page.waitForTimeout(500)
    expect(requests).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThanOrEqual(0.02)
    // Each headline shows once: the cards in the shadow DOM, the fallback links hidden.
    const shown = await page.evaluate((title) => {
      const list = document.querySelector('article-list')!
      const cards = [...list.shadowRoot!.querySelectorAll('article-card')].filter((c) => c.shadowRoot?.textContent?.includes(title))
      return cards.length
    }, article.title)
    expect(shown).toBe(1)
    // The page carries the city picker's label, not the region tree: opening it fetches the tree, once.
    expect(await page.locator('region-picker > script').count()).toBe(0)
    await page.locator('region-picker [part=trigger]').click()
    await page.locator('region-picker [part=option]').first().waitFor()
    expect(await page.locator('region-picker [part=option]').count()).toBeGreaterThan(300)
    expect(requests.map((url) => new URL(url).pathname)).toEqual(['/api/news/regions'])
    await context.close()
  })

  it('has no axe violations on the list and on an article', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'zh-CN' })
    const page = await context.newPage()
    for (const target of ['/news', `/news/${article.slug}`]) {
      await page.goto(`${server.url}${target}`, { waitUntil: 'networkidle' })
      await page.addScriptTag({ path: AXE })
      const found = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
        })
        return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 160)}`)
      })
      expect(found, target).toEqual([])
    }
    await context.close()
  })
})
