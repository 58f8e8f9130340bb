/**
 * A host serving the public API under its own basePath (/api/stories): the server-rendered pages, fragments and
 * the embed builder's snippet point the widgets there (`api-path`), and in Chromium the page's elements request it.
 */
import type { Server } from 'node:http'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embedSnippet } from '../../cms/plugin/admin/embed/embed-snippet'
import { createLeanServer } from '../../cms/server/lean-server'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { launchChromium } from '../support/chromium'
import { createNewsFixtures } from '../support/news-fixtures'
import { viaHttp, viaPayload } from '../support/public-client'
import { listenLocally, closeServer } from '../support/local-server'

const PUBLIC_PATH = '/api/stories'
let booted: BootedPayload
let server: Server
let origin: string

beforeAll(async () => {
  booted = await bootPayload({ publicApi: { basePath: '/stories' } })
  await createNewsFixtures(booted.payload)
  server = createLeanServer({ payload: booted.payload })
  origin = await listenLocally(server)
})
afterAll(async () => {
  await closeServer(server)
  await booted?.close()
})

const text = async (path: string) => {
  const reply = await viaHttp(origin, path)
  expect(reply.status, path).toBe(200)
  return reply.body.toString('utf8')
}
/** The opening tags of the page's widget elements. */
const elementTags = (html: string) => [...html.matchAll(/<(region-picker|article-list|article-view)\b[^>]*>/g)].map((m) => m[0])

describe('a non-default publicApi.basePath', () => {
  it('is where the public API answers, on both mountings', async () => {
    expect((await viaPayload(booted, `${PUBLIC_PATH}/articles`)).status).toBe(200)
    expect((await viaHttp(origin, `${PUBLIC_PATH}/articles`)).status).toBe(200)
    expect((await viaPayload(booted, '/api/news/articles')).status).toBe(404)
  })

  it('is named by every widget element of the server-rendered pages and fragments', async () => {
    const pages = [await text('/news'), await text('/news/hangzhou-pallets'), await text(`${PUBLIC_PATH}/html/article-list`), await text(`${PUBLIC_PATH}/html/region-picker`), await text(`${PUBLIC_PATH}/html/article-view?slug=hangzhou-pallets`)]
    for (const html of pages) {
      const tags = elementTags(html)
      expect(tags.length).toBeGreaterThan(0)
      for (const tag of tags) expect(tag).toContain(`api-path="${PUBLIC_PATH}"`)
    }
  })

  it("is in the embed builder's snippet, and the default path is left out", () => {
    const choice = { element: 'article-list', category: '', region: '', layout: 'vertical', pageSize: 6, paging: 'pages', sort: '-publishedAt', lang: 'zh-CN', accent: '', slug: '' } as const
    expect(embedSnippet('https://cms.example.com', choice, PUBLIC_PATH)).toContain(`<article-list lang="zh-CN" api-path="${PUBLIC_PATH}"`)
    expect(embedSnippet('https://cms.example.com', choice, '/api/news')).not.toContain('api-path')
  })

  // Needs the built widgets (npm run build:widgets), which the front server serves and the pages load.
  it.skipIf(!existsSync('dist/widgets/v1/widgets-hydrate.js'))('is what the page\'s elements request in Chromium', { timeout: 60_000 }, async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      const requested: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.pathname.startsWith('/api/')) requested.push(url.pathname)
      })
      await page.goto(`${origin}/news`)
      await page.waitForFunction(() => (document.querySelector('article-list') as { hasUpdated?: boolean } | null)?.hasUpdated === true)
      // A category tab of the hydrated list: a list the server did not render, so the element fetches it.
      const listed = page.waitForResponse((response) => new URL(response.url()).pathname === `${PUBLIC_PATH}/articles`, { timeout: 10_000 })
      await page.locator('article-list [role=tab]').nth(1).click()
      expect((await listed).status()).toBe(200)
      expect(requested.length, requested.join(' ')).toBeGreaterThan(0)
      expect(requested.every((path) => path.startsWith(`${PUBLIC_PATH}/`) || path.startsWith('/api/media/'))).toBe(true)
    } finally {
      await browser.close()
    }
  })
})
