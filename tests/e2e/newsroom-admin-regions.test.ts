import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminPage, axeViolations } from '../support/admin-session'
import { launchChromium } from '../support/chromium'
import { type SeededServer, startSeededServer } from '../support/production-server'

/**
 * The regions collection's list in the real admin (production build, 389 seeded regions): the 省份 select filters
 * it to one province's cities, the search box finds 苏州 by `suzhou`, and axe finds nothing in the new control.
 */
const ADMIN = { email: 'regions-list-admin@example.com', password: 'Regions-list-pass-123' }
const regionData = JSON.parse(readFileSync('cms/plugin/seed/region-data.json', 'utf8')) as { regions: { code: string; parent: string | null }[] }
const JIANGSU_CITIES = regionData.regions.filter((r) => r.parent === '320000').map((r) => r.code).sort()

let server: SeededServer
let browser: Browser

beforeAll(async () => {
  server = await startSeededServer('regions-list', ADMIN)
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The division codes the list's table shows, in order. */
const shownCodes = (page: Page) => page.locator('table tbody td.cell-code').allTextContents()

describe('the regions list', () => {
  it('filters to the cities of 江苏 with the 省份 select, finds 苏州 by suzhou, and keeps both in the URL', async () => {
    expect(JIANGSU_CITIES).toHaveLength(13)
    const { page, problems } = await adminPage(browser, server, ADMIN)
    await page.goto(`${server.url}/admin/collections/regions`)
    const province = page.getByLabel('省份', { exact: true })
    await province.waitFor({ timeout: 30_000 })
    expect(await axeViolations(page, '.rn-province-filter')).toEqual([])

    // One page holds any province's cities (新疆 has the most: 26).
    await province.selectOption({ label: '江苏（13 个地级区划）' })
    await expect.poll(() => shownCodes(page), { timeout: 30_000 }).toEqual(JIANGSU_CITIES)
    expect(new URL(page.url()).search).toContain('parent')

    // The search box takes pinyin as the picker does; the province still applies.
    await page.locator('#search-filter-input').fill('suzhou')
    await expect.poll(() => shownCodes(page), { timeout: 30_000 }).toEqual(['320500'])
    expect(await page.locator('table tbody td.cell-name').allTextContents()).toEqual(['苏州市'])

    // Both survive a reload (they live in the URL, as Payload's own filters do).
    await page.reload()
    await expect.poll(() => shownCodes(page), { timeout: 30_000 }).toEqual(['320500'])
    expect(await page.getByLabel('省份', { exact: true }).inputValue()).not.toBe('')

    // All provinces again: 苏州 and 宿州 (both su zhou).
    await page.getByLabel('省份', { exact: true }).selectOption({ label: '全部省份' })
    await expect.poll(() => shownCodes(page), { timeout: 30_000 }).toEqual(['320500', '341300'])
    expect(problems).toEqual([])
    await page.context().close()
  })
})
