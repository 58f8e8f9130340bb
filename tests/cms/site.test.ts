/**
 * The server-rendered site over real HTTP: pages a crawler can read without JavaScript, their metadata and structured
 * data, feeds a real feed parser reads, sitemaps, redirects, and that drafts never show while edits show at once.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLeanServer } from '../../cms/server/lean-server'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { lexicalBody } from '../support/fixtures'
import { jsonFeedSchema } from '../support/json-feed-schema'
import { createNewsFixtures, jan, type NewsFixtures } from '../support/news-fixtures'
import { viaHttp } from '../support/public-client'
import { listenLocally, closeServer } from '../support/local-server'

const SITE = 'https://news.example.com'
let booted: BootedPayload
let world: NewsFixtures
let server: Server
let origin: string

const page = async (target: string, headers: Record<string, string> = {}) => {
  const reply = await viaHttp(origin, target, { headers })
  return { ...reply, text: reply.body.toString('utf8') }
}

/** Every JSON-LD block of a page, parsed. */
const structuredData = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>)

/** Text outside <template> elements (what a crawler that skips templates reads), tags removed. */
const lightText = (html: string) => html.replace(/<template[^]*?<\/template>/g, '').replace(/<script[^]*?<\/script>/g, '').replace(/<style[^]*?<\/style>/g, '')

const xmllint = (xml: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'feed-')), 'doc.xml')
  writeFileSync(file, xml)
  execFileSync('xmllint', ['--noout', file])
}

beforeAll(async () => {
  booted = await bootPayload({ site: { url: SITE, name: { zh: '托盈新闻', en: 'Tuoying News' }, defaultImage: { url: '/og.png', width: 1200, height: 630 } } })
  world = await createNewsFixtures(booted.payload)
  // Hostile and draft content: inert everywhere, the draft nowhere.
  await booted.payload.create({
    collection: 'articles',
    data: { title: '</script><script>alert(1)</script>标题', slug: 'hostile-title', category: world.categories.industry.id, regions: [world.regions.hangzhou.id], publishedAt: jan(3), body: lexicalBody('<img src=x onerror=alert(1)>'), author: '"><svg onload=alert(1)>', _status: 'published' } as never,
  })
  await booted.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: '秘密草稿标题', slug: 'secret-draft', category: world.categories.industry.id, publishedAt: jan(2), _status: 'draft' } as never,
  })
  server = createLeanServer({ payload: booted.payload })
  origin = await listenLocally(server)
})
afterAll(async () => {
  await closeServer(server)
  await booted?.close()
})

describe('news list page', () => {
  it('has its headlines as links, dates and excerpts in the light DOM, and complete metadata', async () => {
    const reply = await page('/news?category=industry&region=330100')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
    const light = lightText(reply.text)
    expect(light).toMatch(/<a href="\/news\/hangzhou-pallets">杭州托盘新规<\/a>/)
    expect(light).toMatch(/<time datetime="2026-01-10T08:00:00.000Z">[^<]+<\/time>/)
    // Painted before any script (declarative shadow DOM), hydrated in place by the hydrating bundle.
    expect(reply.text).toMatch(/<template[^>]* shadowrootmode="open"/)
    expect(reply.text).toContain('<script type="module" src="/widgets/v1/widgets-hydrate.js"></script>')
    expect(light).toContain('杭州托盘新规 正文。')
    expect(reply.text).toContain(`<link rel="canonical" href="${SITE}/news?category=industry&amp;region=330100">`)
    expect(reply.text).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/news?category=industry&amp;region=330100&amp;locale=en">`)
    expect(reply.text).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/news?category=industry&amp;region=330100">`)
    expect(reply.text).toMatch(/<title>行业新闻 · 杭州 · 托盈新闻<\/title>/)
    expect(reply.text).toContain(`<meta property="og:image" content="${SITE}/og.png">`)
    expect(reply.text).toContain('<meta property="og:image:width" content="1200">')
    expect(reply.text).toContain('type="application/rss+xml"')
    const itemList = structuredData(reply.text).find((d) => d['@type'] === 'ItemList') as { itemListElement: { url: string; position: number }[] }
    expect(itemList.itemListElement[0]).toMatchObject({ position: 1, url: `${SITE}/news/hangzhou-pallets` })
    expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('answers 304 to its ETag and follows the reader’s region cookie unless the URL names one', async () => {
    const first = await page('/news')
    const again = await page('/news', { 'If-None-Match': first.headers.get('etag')! })
    expect(again.status).toBe(304)
    const nanjing = await page('/news', { Cookie: 'news_region=320100' })
    expect(nanjing.text).toContain('南京仓储会议')
    expect(nanjing.text).not.toContain('宁波港口扩建')
    expect(nanjing.headers.get('cache-control')).toMatch(/private/)
    expect(nanjing.headers.get('vary')).toMatch(/Cookie/)
    const urlWins = await page('/news?region=330200', { Cookie: 'news_region=320100' })
    expect(urlWins.text).toContain('宁波港口扩建')
    expect(urlWins.text).not.toContain('南京仓储会议')
  })

  it('answers repeats from memory exactly as the first time, one answer per region cookie', async () => {
    const target = '/news?category=industry'
    const headersOf = (reply: Awaited<ReturnType<typeof page>>) =>
      Object.fromEntries([...reply.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)))
    const answers = new Map<string, string>()
    // An unreadable cookie counts as none, on both paths.
    for (const cookie of ['', 'news_region=320100', 'news_region=330200', 'theme=dark; news_region=abc', '', 'news_region=320100']) {
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {}
      const first = await page(target, headers)
      const repeat = await page(target, headers)
      expect(first.status).toBe(200)
      expect(repeat.text).toBe(first.text)
      expect(headersOf(repeat)).toEqual(headersOf(first))
      expect(first.headers.get('access-control-allow-origin')).toBeNull()
      expect(first.headers.get('vary')).toBe('Accept-Encoding, Cookie')
      expect(first.headers.get('cache-control')).toMatch(/news_region=\d/.test(cookie) ? /^private, no-cache$/ : /^public/)
      const city = /news_region=(\d{6})/.exec(cookie)?.[1] ?? 'none'
      expect(answers.get(city) ?? first.text).toBe(first.text)
      answers.set(city, first.text)
    }
    expect(new Set(answers.values()).size).toBe(3)
    expect(answers.get('320100')).toContain('南京仓储会议')
    expect(answers.get('330200')).not.toContain('南京仓储会议')
  })

  it('serves English with Chinese fallback and pages with rel links', async () => {
    const en = await page('/news?locale=en&category=industry')
    expect(en.text).toContain('<html lang="en">')
    expect(en.text).toContain('Hangzhou pallet rules')
    const second = await page('/news?category=industry&page=2')
    expect(second.text).toContain('rel="prev"')
  })
})

describe('article page', () => {
  it('carries the full text in the light DOM and NewsArticle structured data with its facts', async () => {
    const reply = await page('/news/hangzhou-pallets')
    expect(reply.status).toBe(200)
    const light = lightText(reply.text)
    expect(light).toMatch(/<h1[^>]*>杭州托盘新规<\/h1>/)
    expect(light).toContain('杭州托盘新规 正文。')
    expect(light).toMatch(/<a [^>]*href="\/news\/zhejiang-logistics"/)
    const article = structuredData(reply.text).find((d) => d['@type'] === 'NewsArticle')!
    expect(article).toMatchObject({
      headline: '杭州托盘新规',
      datePublished: '2026-01-10T08:00:00.000Z',
      author: [{ '@type': 'Person', name: '编辑部' }],
      publisher: { '@type': 'Organization', name: '托盈新闻' },
      mainEntityOfPage: { '@id': `${SITE}/news/hangzhou-pallets` },
      image: [`${SITE}/og.png`],
    })
    expect(structuredData(reply.text).some((d) => d['@type'] === 'BreadcrumbList')).toBe(true)
    expect(reply.text).toContain('<meta property="og:type" content="article">')
  })

  it('keeps hostile content inert, JSON-LD included', async () => {
    const reply = await page('/news/hostile-title')
    expect(reply.status).toBe(200)
    expect(reply.text).not.toMatch(/<script>alert|<svg onload|<img src=x onerror/i)
    expect(reply.text).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>标题')
    expect(structuredData(reply.text).find((d) => d['@type'] === 'NewsArticle')!.headline).toBe('</script><script>alert(1)</script>标题')
    const list = await page('/news')
    expect(list.text).not.toMatch(/<script>alert|<svg onload/i)
  })

  it('answers a real 404 page for unknown slugs and drafts, and 301 for old links', async () => {
    for (const target of ['/news/no-such-article', '/news/secret-draft', '/news/Bad_Slug']) {
      const reply = await page(target)
      expect(reply.status, target).toBe(404)
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
      expect(reply.text).toContain('noindex')
    }
    const old = await viaHttp(origin, '/?article=hangzhou-pallets')
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/news/hangzhou-pallets')
    await booted.payload.update({ collection: 'articles', id: world.articles.ningbo.id, data: { slug: 'ningbo-port-expansion' } })
    const renamed = await viaHttp(origin, '/news/ningbo-port')
    expect(renamed.status).toBe(301)
    expect(renamed.headers.get('location')).toBe('/news/ningbo-port-expansion')
  })
})

describe('feeds', () => {
  it('RSS and Atom are well-formed, parse, and carry full sanitized content', async () => {
    for (const file of ['feed.xml', 'atom.xml']) {
      const reply = await page(`/news/${file}?category=industry&region=330100`)
      expect(reply.status, file).toBe(200)
      xmllint(reply.text)
      const feed = await new Parser().parseString(reply.text)
      expect(feed.title).toContain('行业新闻')
      const item = feed.items.find((i) => i.link === `${SITE}/news/hangzhou-pallets`)!
      expect(item.title).toBe('杭州托盘新规')
      expect(item.content ?? '').toContain('杭州托盘新规 正文。')
      // Markup typed into titles and bodies arrives as text (escaped), never as elements or attributes.
      const parsed = await new Parser().parseString(reply.text)
      const hostile = parsed.items.find((i) => i.link === `${SITE}/news/hostile-title`)!
      // The HTML fields (what a reader renders as HTML); the title decodes to the text an editor typed.
      for (const field of [hostile.content, (hostile as Record<string, string>)['content:encoded']])
        expect(field ?? '').not.toMatch(/<script|<img[^>]*onerror|<svg[^>]*onload/i)
      expect(hostile.title).not.toMatch(/<script/)
      const decoded = (hostile.title ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
      expect(decoded).toBe('</script><script>alert(1)</script>标题')
      const again = await page(`/news/${file}?category=industry&region=330100`, { 'If-None-Match': reply.headers.get('etag')! })
      expect(again.status).toBe(304)
    }
    const rss = await page('/news/feed.xml')
    expect(rss.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
  })

  it('JSON Feed validates against its schema', async () => {
    const reply = await page('/news/feed.json?locale=en')
    const feed = JSON.parse(reply.text)
    const ajv = new Ajv({ allErrors: true })
    addFormats(ajv)
    expect(ajv.validate(jsonFeedSchema, feed), JSON.stringify(ajv.errors)).toBe(true)
    expect(feed.items.length).toBeGreaterThan(0)
  })

  it('a draft’s title appears in no page, feed, sitemap or fragment', async () => {
    for (const target of ['/news', '/news?category=industry', '/news/feed.xml', '/news/atom.xml', '/news/feed.json', '/sitemap.xml', '/sitemap-news.xml', '/api/news/html/article-list?category=industry&limit=50']) {
      expect((await page(target)).text, target).not.toContain('秘密草稿标题')
    }
  })
})

describe('sitemaps and robots.txt', () => {
  it('the sitemap lists exactly the published articles and the list pages', async () => {
    const reply = await page('/sitemap.xml')
    xmllint(reply.text)
    const locs = [...reply.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    const { docs } = await booted.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, pagination: false, depth: 0 })
    const articles = locs.filter((l) => /\/news\/[a-z0-9-]+$/.test(l)).sort()
    expect(articles).toEqual(docs.map((d) => `${SITE}/news/${(d as unknown as { slug: string }).slug}`).sort())
    expect(locs).toContain(`${SITE}/news`)
    expect(locs).toContain(`${SITE}/news?category=industry`)
    xmllint((await page('/sitemap-news.xml')).text)
    const robots = await page('/robots.txt')
    expect(robots.text).toContain(`Sitemap: ${SITE}/sitemap.xml`)
    expect(robots.text).toContain(`Sitemap: ${SITE}/sitemap-news.xml`)
  })
})

describe('edits show on the next request of every page and feed', () => {
  it('publish, unpublish', async () => {
    const targets = ['/news', '/news?category=industry', '/news/feed.xml', '/news/feed.json', '/sitemap.xml']
    for (const t of targets) await page(t)
    const fresh = await booted.payload.create({
      collection: 'articles',
      data: { title: '刚刚发布的新闻', slug: 'just-published', category: world.categories.industry.id, publishedAt: jan(25), body: lexicalBody('新内容'), _status: 'published' } as never,
    })
    for (const t of targets) expect((await page(t)).text, t).toContain('just-published')
    expect((await page('/news/just-published')).status).toBe(200)
    await booted.payload.update({ collection: 'articles', id: fresh.id, data: { _status: 'draft' } as never })
    for (const t of targets) expect((await page(t)).text, t).not.toContain('just-published')
    expect((await page('/news/just-published')).status).toBe(404)
  })

  it('a renamed city: its list page, feed and picker fragment name it so on the next request', async () => {
    const targets = { list: '/news?region=330100', feed: '/news/feed.xml?region=330100', picker: '/api/news/html/region-picker?value=330100' }
    const read = async () => ({
      title: /<title>([^<]*)<\/title>/.exec((await page(targets.list)).text)?.[1],
      feed: (await page(targets.feed)).text,
      picker: (await page(targets.picker)).text,
    })
    const before = await read()
    expect(before.title).toContain('杭州 · ')
    expect(before.picker).toContain('"name":"杭州"')
    const rename = (shortName: string) => booted.payload.update({ collection: 'regions', id: world.regions.hangzhou.id, data: { shortName }, locale: 'zh' })
    await rename('杭州市')
    try {
      const after = await read()
      expect(after.title).toBe(before.title!.replace('杭州 · ', '杭州市 · '))
      expect(after.feed).toContain('杭州市')
      expect(after.picker).toContain('"name":"杭州市"')
    } finally {
      await rename('杭州')
    }
    expect((await read()).title).toBe(before.title)
  })
})

describe('fragments for other hosts', () => {
  it('article-list: the element with absolute links in its light DOM and the script it needs, cached and invalidated', async () => {
    const reply = await page('/api/news/html/article-list?category=industry&region=330100&limit=5')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
    expect(reply.headers.get('access-control-allow-origin')).toBe('*')
    expect(reply.text).toMatch(/^<article-list[^>]* category="industry"[^>]* region="330100"/)
    expect(reply.text).toMatch(/<template[^>]* shadowrootmode="open"/)
    expect(reply.text).toContain(`<a href="${SITE}/news/hangzhou-pallets">`)
    expect(reply.text).toContain(`api="${SITE}"`)
    expect(reply.text).toContain(`<script type="module" src="${SITE}/widgets/v1/widgets-hydrate.js"></script>`)
    expect((await page('/api/news/html/article-list?category=industry&region=330100&limit=5', { 'If-None-Match': reply.headers.get('etag')! })).status).toBe(304)
    await booted.payload.update({ collection: 'articles', id: world.articles.zhejiang.id, data: { title: '浙江物流通报（片段）' } })
    expect((await page('/api/news/html/article-list?category=industry&region=330100&limit=5')).text).toContain('浙江物流通报（片段）')
  })

  it('article-view and region-picker; bad requests answer 4xx JSON', async () => {
    const view = await page('/api/news/html/article-view?slug=hangzhou-pallets&locale=en')
    expect(view.text).toContain('Hangzhou pallet rules')
    expect(view.text).toContain('lang="en"')
    const picker = await page('/api/news/html/region-picker?value=330100')
    expect(picker.text).toContain('<region-picker')
    expect(picker.text).toContain('value="330100"')
    for (const [target, status] of [['/api/news/html/article-view?slug=secret-draft', 404], ['/api/news/html/article-view', 400], ['/api/news/html/article-list?sort=nope', 400], ['/api/news/html/nope', 404], ['/api/news/html/region-picker?value=abc', 400]] as const) {
      const reply = await page(target)
      expect(reply.status, target).toBe(status)
      expect(JSON.parse(reply.text).errors[0].message).toBeTruthy()
    }
  })
})

describe('draft preview', () => {
  it('shows an editor the draft on the article page, and nothing to anyone else or any cache', async () => {
    const draft = (await booted.payload.find({ collection: 'articles', where: { slug: { equals: 'secret-draft' } }, draft: true, overrideAccess: true })).docs[0]!
    const anonymous = await page(`/news/preview/${draft.id}`)
    expect(anonymous.status).toBe(404)
    expect(anonymous.text).not.toContain('秘密草稿标题')
    const login = async () => {
      const email = 'editor-preview@example.com'
      await booted.payload.create({ collection: 'users', data: { email, password: 'a-long-test-password', roles: ['editor'] } as never })
      const { token } = await booted.payload.login({ collection: 'users', data: { email, password: 'a-long-test-password' } })
      return { Authorization: `JWT ${token}` }
    }
    expect((await page(`/news/preview/${draft.id}`, { Authorization: 'JWT not-a-token' })).status).toBe(404)
    const editor = await page(`/news/preview/${draft.id}`, await login())
    expect(editor.status).toBe(200)
    expect(editor.text).toContain('秘密草稿标题')
    expect(editor.headers.get('cache-control')).toBe('private, no-store')
    expect(editor.text).toContain('<meta name="robots" content="noindex">')
    // Nothing of the draft reached the public pages or their cache.
    expect((await page('/news/secret-draft')).status).toBe(404)
    expect((await page('/news?category=industry')).text).not.toContain('秘密草稿标题')
    expect((await page(`/news/preview/${draft.id}`)).status).toBe(404)
    // The admin's Preview button points there.
    const preview = booted.payload.collections.articles.config.admin.preview as unknown as (doc: unknown, o: unknown) => string
    expect(preview({ id: draft.id }, { locale: 'zh' })).toBe(`${SITE}/news/preview/${draft.id}`)
  })
})
