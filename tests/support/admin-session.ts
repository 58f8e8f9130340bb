import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import type { RunningServer } from './production-server'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const WCAG_22_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** A logged-in admin page (fresh context; CSP bypassed only so that axe can be injected). */
export const adminPage = async (browser: Browser, server: RunningServer, user: { email: string; password: string }, locale = 'zh-CN') => {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 }, bypassCSP: true })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(String(error)))
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
  return { page, problems }
}

/** axe-core's WCAG 2.2 A/AA violations inside `selector`, as `rule: first node`. */
export const axeViolations = async (page: Page, selector: string): Promise<string[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  return page.evaluate(
    async ([include, rules]) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe
      const result = await axe.run({ include: [include] }, { runOnly: rules })
      return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 160)}`)
    },
    [selector, WCAG_22_A_AA] as const,
  )
}
