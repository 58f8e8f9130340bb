import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../support/production-server'
import { launchChromium } from '../support/chromium'

// The whole path as a new user takes it: the README's start command on a fresh database, the admin, the demo page.
const EMAIL = 'new-user@example.com'
const PASSWORD = 'New-user-pass-123'
const TITLE = `苏州新仓开业 e2e ${Date.now().toString(36)}`
const CATEGORY = { name: '客户案例', slug: 'customer-stories' }

let dir: string
let server: ChildProcess
let base: string
let output = ''
let browser: Browser

const stopServer = () =>
  new Promise<void>((resolve) => {
    if (!server || server.exitCode !== null) return resolve()
    server.once('exit', () => resolve())
    // npm start runs the server as a child: signal the whole process group.
    process.kill(-server.pid!, 'SIGTERM')
    setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL')
      } catch {}
    }, 10_000).unref()
  })

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rn-new-user-'))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  server = spawn('npm', ['start'], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
      PAYLOAD_SECRET_FILE: path.join(dir, 'secret'),
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_SECRET: '',
      ADMIN_EMAIL: EMAIL,
      ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (c) => (output += c))
  server.stderr!.on('data', (c) => (output += c))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start not ready:\n${output}`)), 240_000)
    const poll = setInterval(() => {
      if (output.includes('regional news CMS ready')) {
        clearInterval(poll)
        clearTimeout(timer)
        resolve()
      }
    }, 200)
    server.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${output}`)))
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await stopServer()
  rmSync(dir, { recursive: true, force: true })
})

const newPage = async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(String(error)))
  return { page, problems }
}

/** Picks an option in one of Payload's relationship selects by typing its label. */
const chooseRelationship = async (page: Page, field: string, label: string) => {
  const select = page.locator(`#field-${field}`)
  await select.locator('.rs__control').click()
  await page.keyboard.type(label)
  await page.locator('.rs__option', { hasText: label }).first().click()
}

describe('a new user', () => {
  it('generated a secret file and seeded the site on first start', () => {
    expect(output).toContain('seed: regions')
    expect(output).toContain('regional news CMS ready')
  })

  it('logs in, creates a category and an article for 苏州, and publishes it', async () => {
    const { page, problems } = await newPage()
    await page.goto(`${base}/admin/login`)
    await page.fill('#field-email', EMAIL)
    await page.fill('#field-password', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })

    await page.goto(`${base}/admin/collections/categories/create`)
    await page.fill('#field-name', CATEGORY.name)
    await page.fill('#field-slug', CATEGORY.slug)
    await page.click('#action-save')
    await page.waitForURL(/\/collections\/categories\/\d+/, { timeout: 60_000 })

    await page.goto(`${base}/admin/collections/articles/create`)
    await page.fill('#field-title', TITLE)
    await page.fill('#field-excerpt', '新用户在后台创建并发布的文章。')
    await chooseRelationship(page, 'category', CATEGORY.name)
    // The regions field searches like <region-picker>: the best match is active, Enter takes it.
    await page.fill('#field-regions', '苏州')
    await page.getByRole('option', { name: '苏州', exact: true }).waitFor()
    await page.keyboard.press('Enter')
    await page.locator('.rn-region-field__chip', { hasText: '苏州' }).waitFor()
    await page.click('#action-save')
    await page.waitForURL(/\/collections\/articles\/\d+/, { timeout: 60_000 })
    await expect.poll(async () => (await fetch(`${base}/api/news/articles?region=320500&category=${CATEGORY.slug}`).then((r) => r.json())).totalDocs, { timeout: 30_000 }).toBe(1)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('sees the article after choosing 苏州 on the demo page, opens it, and counts one view', async () => {
    const { page, problems } = await newPage()
    await page.goto(`${base}/demo/`)
    await page.locator('region-picker').click()
    const search = page.locator('region-picker').locator('input[role="combobox"]')
    await search.fill('suzhou')
    // As a visitor would: Enter once the best match is highlighted.
    await expect.poll(() => search.getAttribute('aria-activedescendant'), { timeout: 10_000 }).toBe('s-320500')
    await page.keyboard.press('Enter')
    const card = page.locator('article-list article-card', { hasText: TITLE })
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1)
    expect(new URL(page.url()).searchParams.get('region')).toBe('320500')
    // The header's hotline follows the chosen city's contact phone (seeded for 苏州).
    expect(await page.locator('#hotline-number').textContent()).toBe('0512-6580 3311')

    await card.click()
    const view = page.locator('article-view')
    const viewText = () => view.evaluate((el) => el.shadowRoot?.textContent ?? '')
    await expect.poll(viewText, { timeout: 30_000 }).toContain(TITLE)
    const readCount = async () => Number(/阅读[:：]\s*(\d+)/.exec(await viewText())?.[1] ?? NaN)
    await expect.poll(readCount, { timeout: 30_000 }).toBe(1)

    await page.reload()
    await expect.poll(viewText, { timeout: 30_000 }).toContain(TITLE)
    await expect.poll(readCount, { timeout: 30_000 }).toBe(1)
    expect(problems).toEqual([])
    await page.context().close()
  })
})
