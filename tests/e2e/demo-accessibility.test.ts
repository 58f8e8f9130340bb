import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SeededServer, startSeededServer } from '../support/production-server'
import { launchChromium } from '../support/chromium'

/**
 * The demo page as visitors meet it (production build, seeded): axe-core finds no WCAG 2.2 A/AA violation on
 * the news list, with the city picker open, after a search, and on an article page — inside the widgets'
 * shadow roots too.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let server: SeededServer
let browser: Browser

beforeAll(async () => {
  server = await startSeededServer('demo-a11y', { email: 'a11y@example.com', password: 'A11y-pass-12345' })
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Violations as "rule: first offending element", so a failure says what to fix. */
const violations = async (page: Page) => {
  // The page's CSP rightly refuses injected scripts; the test context bypasses it to bring axe in.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const found = await page.evaluate(async (rules) => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run(document, { runOnly: rules })
    return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 160)}`)
  }, RULES)
  return found
}

const cardCount = (page: Page) => page.locator('article-list article-card').count()

describe('the demo page under axe', () => {
  it('has no violations on the list, with the picker open, after a search, or on an article', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${server.url}/demo/`)
    await expect.poll(() => cardCount(page), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await violations(page), 'news list').toEqual([])

    await page.locator('region-picker').click()
    await expect.poll(() => page.locator('region-picker [role=option]').count(), { timeout: 10_000 }).toBeGreaterThan(300)
    expect(await violations(page), 'picker open').toEqual([])

    await page.keyboard.type('hz')
    await expect.poll(() => page.locator('region-picker .results [role=option]').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await violations(page), 'search results').toEqual([])
    await page.keyboard.press('Escape')

    await page.locator('article-list article-card').first().click()
    await expect.poll(() => page.locator('article-view [part=title]').count(), { timeout: 30_000 }).toBe(1)
    expect(await violations(page), 'article page').toEqual([])
    await context.close()
  }, 120_000)
})
