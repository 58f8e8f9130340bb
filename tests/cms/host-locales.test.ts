/**
 * A host whose own `localization` is English first, plus Chinese and Japanese: the public API, its errors and the
 * server-rendered pages follow the host's locales and default, not the plugin's zh/en default.
 */
import type { Server } from 'node:http'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFromUrl, guardConnectionPool } from '../../cms/database'
import { regionalNews, seedRegions } from '../../cms/plugin'
import { resolveLocales } from '../../cms/plugin/options'
import { createLeanServer } from '../../cms/server/lean-server'
import { viaHttp, viaPayload } from '../support/public-client'
import { createTestDatabase, mongodbStandIn, type TestDatabase } from '../support/test-database'
import { listenLocally, closeServer } from '../support/local-server'

const SITE = 'https://news.host.example'
let database: TestDatabase
let payload: Payload
let server: Server
let origin: string

// The MongoDB stand-in drops its connection ("Server ended moreToCome unexpectedly", its heartbeat) within this
// suite's ~40 s there (seeding all 389 regions is slow on it); runs on SQLite, PostgreSQL and a real MongoDB.
const skip = mongodbStandIn()

beforeAll(async () => {
  if (skip) return
  database = await createTestDatabase()
  const config = await buildConfig({
    secret: 'host-locales-secret-0123456789abcdef',
    db: await databaseFromUrl(database.url, database.dir),
    editor: lexicalEditor(),
    collections: [{ slug: 'staff', auth: true, fields: [] }],
    admin: { user: 'staff' },
    localization: { locales: [{ code: 'en', label: 'English' }, { code: 'zh', label: '中文' }, { code: 'ja', label: '日本語' }], defaultLocale: 'en', fallback: true },
    plugins: [regionalNews({ site: { url: SITE }, overrides: { media: { upload: { staticDir: `${database.dir}/uploads` } as never } } })],
  })
  payload = await getPayload({ config, key: database.url })
  guardConnectionPool(payload)
  await seedRegions(payload)
  // Written in English (the host's default), translated to Chinese; nothing in Japanese.
  const category = await payload.create({ collection: 'categories' as never, locale: 'en', data: { name: 'Industry', slug: 'industry' } as never })
  await payload.update({ collection: 'categories' as never, id: category.id, locale: 'zh', data: { name: '行业' } as never })
  const article = await payload.create({
    collection: 'articles' as never,
    locale: 'en',
    data: { title: 'Pallets in Suzhou', slug: 'pallets-in-suzhou', category: category.id, publishedAt: '2026-01-05T08:00:00.000Z', _status: 'published' } as never,
  })
  await payload.update({ collection: 'articles' as never, id: article.id, locale: 'zh', data: { title: '苏州托盘', _status: 'published' } as never })
  server = createLeanServer({ payload })
  origin = await listenLocally(server)
})

afterAll(async () => {
  await closeServer(server)
  await payload?.destroy()
  await database?.drop()
})

const booted = () => ({ payload, database, close: async () => undefined })

describe.skipIf(skip)('locales resolved from the host', () => {
  it('takes the host codes (strings or objects), default first; the plugin option overrides within them', () => {
    const host = { locales: ['zh', 'en', 'ja'], defaultLocale: 'en' } as never
    expect(resolveLocales(undefined, host)).toEqual(['en', 'zh', 'ja'])
    expect(resolveLocales(undefined, { locales: [{ code: 'zh', label: '中文' }, { code: 'en', label: 'English' }], defaultLocale: 'zh' })).toEqual(['zh', 'en'])
    expect(resolveLocales(['zh', 'en'], host)).toEqual(['zh', 'en'])
    expect(() => resolveLocales(['zh', 'fr'], host)).toThrow(/fr .*not in the host's localization \(zh, en, ja\)/)
    expect(resolveLocales(undefined, undefined)).toEqual(['zh', 'en'])
    expect(resolveLocales(undefined, false)).toEqual(['zh', 'en'])
  })

  it('answers in the host default (en) without a locale, in zh when asked, and falls back to en for ja', async () => {
    const title = async (query: string) => (await viaPayload(booted(), `/api/news/articles${query}`)).json.docs.map((d: { title: string }) => d.title)
    expect(await title('')).toEqual(['Pallets in Suzhou'])
    expect(await title('?locale=zh')).toEqual(['苏州托盘'])
    // Nothing in Japanese: Payload's fallback (the host's default locale), as the host's own REST API answers.
    expect(await title('?locale=ja')).toEqual(['Pallets in Suzhou'])
    const stock = await payload.find({ collection: 'articles' as never, locale: 'ja' as never, depth: 0 })
    expect((stock.docs[0] as unknown as { title: string }).title).toBe('Pallets in Suzhou')
    const categories = await viaPayload(booted(), '/api/news/categories')
    expect(categories.json.docs.map((c: { name: string }) => c.name)).toEqual(['Industry'])
  })

  it('names regions in the host default, Chinese on request, and the default for a locale the seed has no names in', async () => {
    const suzhou = async (query: string) => {
      const tree = (await viaPayload(booted(), `/api/news/regions${query}`)).json
      return tree.provinces.find((p: { code: string }) => p.code === '320000').cities.find((c: { code: string }) => c.code === '320500').name
    }
    expect(await suzhou('')).toBe('Suzhou')
    expect(await suzhou('?locale=zh')).toBe('苏州')
    expect(await suzhou('?locale=ja')).toBe('Suzhou')
  })

  it('rejects a locale the host does not have, listing the host codes', async () => {
    const reply = await viaPayload(booted(), '/api/news/articles?locale=fr')
    expect(reply.status).toBe(400)
    expect(reply.json.errors[0].message).toBe('"locale" must be one of en, zh, ja')
  })

  it('renders pages with hreflang for every host locale and x-default on the host default', async () => {
    const reply = await viaHttp(origin, '/news/pallets-in-suzhou')
    expect(reply.status).toBe(200)
    const html = reply.body.toString('utf8')
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/news/pallets-in-suzhou">`)
    expect(html).toContain(`<link rel="alternate" hreflang="zh-CN" href="${SITE}/news/pallets-in-suzhou?locale=zh">`)
    expect(html).toContain(`<link rel="alternate" hreflang="ja" href="${SITE}/news/pallets-in-suzhou?locale=ja">`)
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/news/pallets-in-suzhou">`)
    expect(html).toContain('Pallets in Suzhou')
    const zh = (await viaHttp(origin, '/news/pallets-in-suzhou?locale=zh')).body.toString('utf8')
    expect(zh).toContain('苏州托盘')
    // The feed's locale parameter follows the same codes; an unknown one is the 404 page.
    const feed = await viaHttp(origin, '/news/feed.xml?locale=ja')
    expect(feed.status).toBe(200)
    expect(feed.body.toString('utf8')).toContain('Pallets in Suzhou')
    expect((await viaHttp(origin, '/news?locale=fr')).status).toBe(404)
  })
})
