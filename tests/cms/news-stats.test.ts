// Daily view counters and GET /api/news-stats against a real Payload: a known sequence of views (site days in
// Asia/Shanghai, regions the readers chose, a duplicate, a crawler) yields exactly those numbers; access is refused
// to anonymous users and to users who may not edit; malformed and over-long ranges answer 400 JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runtimeOf } from '../../cms/plugin'
import { recordView } from '../../cms/plugin/views/view-counter'
import { nextSiteMidnight, siteDay } from '../../cms/plugin/views/site-day'
import type { NewsStatsResponse } from '../../wire/news-stats'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createUser } from '../support/fixtures'
import { createNewsFixtures } from '../support/news-fixtures'
import { login, rest } from '../support/rest-client'
import { mongodbStandIn } from '../support/test-database'

let booted: BootedPayload
const tokens: Record<string, string> = {}

// 23:30 on 1 March in Shanghai, then 00:30 on 2 March there: the same UTC day, two site days.
const LATE_A = Date.UTC(2026, 2, 1, 15, 30)
const EARLY_B = Date.UTC(2026, 2, 1, 16, 30)
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36'

beforeAll(async () => {
  // The demo's roles all may edit; this rule gives the test a logged-in user who may not.
  booted = await bootPayload({ canEdit: (user) => Boolean(user) && (user as { email?: string }).email !== 'reader@stats.local' })
  await createNewsFixtures(booted.payload)
  await createUser(booted.payload, 'editor@stats.local', ['editor'])
  await createUser(booted.payload, 'reader@stats.local', ['editor'])
  tokens.editor = await login(booted, 'editor@stats.local', 'Secret-pass-123')
  tokens.reader = await login(booted, 'reader@stats.local', 'Secret-pass-123')
})
afterAll(async () => {
  await booted?.close()
})

const view = (slug: string, visitor: string, now: number, region?: string, userAgent = BROWSER) =>
  recordView(booted.payload, runtimeOf(booted.payload).options, slug, { visitor, ...(region ? { region } : {}) }, now, userAgent)
const stats = (query: string, token = tokens.editor) => rest(booted, 'GET', `/api/news-stats${query}`, { token })

describe('site days', () => {
  it('follow Asia/Shanghai by default', () => {
    expect(siteDay('Asia/Shanghai', LATE_A)).toBe('2026-03-01')
    expect(siteDay('Asia/Shanghai', EARLY_B)).toBe('2026-03-02')
    expect(siteDay('UTC', EARLY_B)).toBe('2026-03-01')
    expect(new Date(nextSiteMidnight('Asia/Shanghai', LATE_A)).toISOString()).toBe('2026-03-01T16:00:00.000Z')
  })
})

describe('daily counters and /api/news-stats', () => {
  // The sequence relies on enforced unique keys (receipts, counter rows): not on the MongoDB stand-in.
  it.skipIf(mongodbStandIn())('a known sequence of views yields exactly those numbers', async () => {
    expect(await view('hangzhou-pallets', 'visitor-a-0001', LATE_A, '330100')).toMatchObject({ counted: true })
    expect(await view('hangzhou-pallets', 'visitor-a-0002', LATE_A, '330100')).toMatchObject({ counted: true })
    expect(await view('hangzhou-pallets', 'visitor-a-0003', LATE_A)).toMatchObject({ counted: true })
    // The same visitor the same site day, and a self-declared crawler: not counted.
    expect(await view('hangzhou-pallets', 'visitor-a-0001', LATE_A, '330100')).toMatchObject({ counted: false })
    expect(await view('hangzhou-pallets', 'crawler-00001', LATE_A, undefined, 'Mozilla/5.0 (compatible; Baiduspider/2.0)')).toMatchObject({ counted: false })
    expect(await view('hangzhou-pallets', 'crawler-00002', LATE_A, undefined, 'Googlebot/2.1 (+http://www.google.com/bot.html)')).toMatchObject({ counted: false })
    expect(await view('zhejiang-logistics', 'visitor-a-0001', LATE_A, '330000')).toMatchObject({ counted: true })
    // An hour later it is the next day in Shanghai (still the same UTC day): visitor 1 counts again.
    expect(await view('hangzhou-pallets', 'visitor-a-0001', EARLY_B, '330100')).toEqual({ views: 4, counted: true })
    expect(await view('hangzhou-subsidy', 'visitor-b-0004', EARLY_B)).toMatchObject({ counted: true })

    const { status, json, headers } = await stats('?from=2026-03-01&to=2026-03-03')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('no-store')
    const body = json as NewsStatsResponse
    expect(body.days).toEqual([
      { date: '2026-03-01', views: 4 },
      { date: '2026-03-02', views: 2 },
      { date: '2026-03-03', views: 0 },
    ])
    expect(body.topArticles[0]).toEqual({ slug: 'hangzhou-pallets', title: '杭州托盘新规', views: 4 })
    expect(body.topArticles.slice(1).sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: 'hangzhou-subsidy', title: '杭州补贴政策', views: 1 },
      { slug: 'zhejiang-logistics', title: '浙江物流通报', views: 1 },
    ])
    expect(body.categories).toEqual([
      { slug: 'industry', name: '行业新闻', views: 5 },
      { slug: 'policy', name: '政策法规', views: 1 },
    ])
    expect(body.regions).toEqual([
      { code: '330100', name: '杭州', views: 3 },
      { code: '330000', name: '浙江', views: 1 },
    ])
    // One day only, English names.
    const one = (await stats('?from=2026-03-02&to=2026-03-02&locale=en')).json as NewsStatsResponse
    expect(one.days).toEqual([{ date: '2026-03-02', views: 2 }])
    expect(one.regions).toEqual([{ code: '330100', name: '杭州', views: 1 }])
    expect(one.categories.map((c) => c.name).sort()).toEqual(['Industry news', '政策法规'])
  })

  it.skipIf(mongodbStandIn())('concurrent first views of a day create one row per counter and lose no increment', async () => {
    const day = Date.UTC(2026, 3, 10, 4)
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => view('ningbo-port', `burst-visitor-${String(i).padStart(3, '0')}`, day, '330200')))
    expect(results.every((r) => r.counted)).toBe(true)
    const rows = await booted.payload.find({ collection: 'article-view-days' as never, where: { day: { equals: '2026-04-10' } }, overrideAccess: true, depth: 0 })
    expect(rows.docs).toHaveLength(2)
    expect((rows.docs as unknown as { views: number }[]).map((r) => r.views)).toEqual([12, 12])
    // Nothing about the visitor is stored: only day, article, region and the count.
    for (const row of rows.docs as unknown as Record<string, unknown>[]) expect(JSON.stringify(row)).not.toMatch(/burst-visitor/)
    expect(((await stats('?from=2026-04-10&to=2026-04-10')).json as NewsStatsResponse).regions).toEqual([{ code: '330200', name: '宁波', views: 12 }])
  })

  it('rejects an unknown or malformed region', async () => {
    await expect(view('hangzhou-pallets', 'visitor-c-0001', LATE_A, '999999')).rejects.toMatchObject({ status: 400 })
    await expect(view('hangzhou-pallets', 'visitor-c-0001', LATE_A, 'hangzhou')).rejects.toMatchObject({ status: 400 })
  })

  it('refuses anonymous users and users who may not edit', async () => {
    const anonymous = await rest(booted, 'GET', '/api/news-stats?from=2026-03-01&to=2026-03-02')
    expect(anonymous.status).toBe(401)
    expect(anonymous.json.errors[0].message).toBeTruthy()
    expect(JSON.stringify(anonymous.json)).not.toMatch(/views/)
    expect((await stats('?from=2026-03-01&to=2026-03-02', tokens.reader)).status).toBe(403)
  })

  it('answers 400 JSON for malformed and over-long ranges', async () => {
    for (const query of ['?from=2026-03-01', '?from=2026-3-1&to=2026-03-02', '?from=2026-02-30&to=2026-03-02', '?from=2026-03-02&to=2026-03-01', '?from=2025-01-01&to=2026-01-02', '?from=x&to=y', '?from=2026-03-01&to=2026-03-02&locale=fr', '?where=1']) {
      const { status, json } = await stats(query)
      expect(status, query).toBe(400)
      expect(json.errors[0].message, query).toBeTruthy()
    }
    // 366 days is the limit, inclusive.
    expect((await stats('?from=2025-01-01&to=2026-01-01')).status).toBe(200)
    expect(((await stats('')).json as NewsStatsResponse).days).toHaveLength(30)
  })
})
