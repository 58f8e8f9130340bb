import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runtimeOf } from '../../cms/plugin'
import { SORTS } from '../../cms/plugin/queries/reference/article-cards'
import { buildListWhere } from '../../cms/plugin/queries/article-list'
import type { ArticleDetail, ArticleListResponse, ArticleSort, RegionTreeResponse } from '../../wire/index'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createNewsFixtures, jan, type NewsFixtures } from '../support/news-fixtures'
import { viaPayload } from '../support/public-client'
import { rest } from '../support/rest-client'

let booted: BootedPayload
let world: NewsFixtures

const get = (path: string) => viaPayload(booted, `/api/news${path}`)
const list = async (query: string) => {
  const reply = await get(`/articles?${query}`)
  expect(reply.status, reply.body.toString()).toBe(200)
  return reply.json as ArticleListResponse
}
const slugs = (response: ArticleListResponse) => response.docs.map((d) => d.slug)

// A body with a safe link, a javascript: link and text that looks like markup.
const riskyBody = {
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [
      {
        type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '',
        children: [
          { type: 'text', text: '<script>alert(1)</script> 见 ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          {
            type: 'link', format: '', indent: 0, version: 3, direction: 'ltr',
            fields: { linkType: 'custom', url: 'https://example.com/a', newTab: true },
            children: [{ type: 'text', text: '官网', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
          },
          {
            type: 'link', format: '', indent: 0, version: 3, direction: 'ltr',
            fields: { linkType: 'custom', url: 'javascript:alert(1)', newTab: false },
            children: [{ type: 'text', text: '点我', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
          },
        ],
      },
    ],
  },
}

beforeAll(async () => {
  booted = await bootPayload()
  world = await createNewsFixtures(booted.payload)
  const { payload } = booted
  // Published in the policy category, older than the other policy article.
  await payload.create({
    collection: 'articles',
    data: {
      title: '安全正文', slug: 'risky-body', category: world.categories.policy.id, regions: [], publishedAt: jan(3), body: riskyBody,
      credits: [{ label: '来源', value: '新华社' }, { label: '编辑', value: '王五' }], _status: 'published',
    } as never,
  })
  // A draft that was never published.
  await payload.create({
    collection: 'articles',
    draft: true,
    data: { title: '未发布草稿', slug: 'never-published', category: world.categories.industry.id, regions: [world.regions.hangzhou.id], publishedAt: jan(12), _status: 'draft' } as never,
  })
  // A published article with a newer draft: the public keeps seeing the published version.
  await payload.update({
    collection: 'articles',
    id: world.articles.beijing.id,
    draft: true,
    data: { title: '北京冷链（草稿修改）', _status: 'draft' } as never,
  })
})
afterAll(async () => booted?.close())

describe('article list', () => {
  it('a city shows articles tagged with it, with its province, or nationwide', async () => {
    const response = await list('category=industry&region=330100')
    expect(slugs(response)).toEqual(['hangzhou-pallets', 'zhejiang-logistics', 'national-standard', 'hangzhou-nanjing'])
    expect(response.totalDocs).toBe(4)
  })

  it('a province shows articles tagged with it, any of its cities, or nationwide', async () => {
    const response = await list('category=industry&region=330000')
    expect(slugs(response)).toEqual(['hangzhou-pallets', 'zhejiang-logistics', 'ningbo-port', 'national-standard', 'hangzhou-nanjing'])
    const jiangsu = await list('category=industry&region=320000')
    expect(slugs(jiangsu)).toEqual(['national-standard', 'nanjing-storage', 'hangzhou-nanjing'])
  })

  it('a municipality and a sibling city follow the same rule', async () => {
    expect(slugs(await list('category=industry&region=110000'))).toEqual(['national-standard', 'beijing-cold-chain'])
    expect(slugs(await list('category=industry&region=330200'))).toEqual(['zhejiang-logistics', 'ningbo-port', 'national-standard'])
  })

  it('without filters lists every published article, newest first', async () => {
    const response = await list('')
    expect(slugs(response)).toEqual([
      'hangzhou-subsidy', 'hangzhou-pallets', 'zhejiang-logistics', 'ningbo-port', 'national-standard', 'nanjing-storage',
      'beijing-cold-chain', 'hangzhou-nanjing', 'risky-body',
    ])
  })

  it('pages', async () => {
    const first = await list('category=industry&limit=3')
    expect(first).toMatchObject({ page: 1, limit: 3, totalDocs: 7, totalPages: 3, hasNextPage: true, hasPrevPage: false })
    expect(slugs(first)).toEqual(['hangzhou-pallets', 'zhejiang-logistics', 'ningbo-port'])
    const second = await list('category=industry&limit=3&page=2')
    expect(slugs(second)).toEqual(['national-standard', 'nanjing-storage', 'beijing-cold-chain'])
    const last = await list('category=industry&limit=3&page=3')
    expect(last).toMatchObject({ page: 3, totalPages: 3, hasNextPage: false, hasPrevPage: true })
    expect(slugs(last)).toEqual(['hangzhou-nanjing'])
    expect((await list('category=industry&limit=3&page=9')).docs).toEqual([])
  })

  it('sorts', async () => {
    expect(slugs(await list('category=industry&region=330100&sort=publishedAt'))).toEqual([
      'hangzhou-nanjing', 'national-standard', 'zhejiang-logistics', 'hangzhou-pallets',
    ])
    const featured = await list('category=industry&sort=-featured')
    expect(slugs(featured)[0]).toBe('hangzhou-pallets')
    expect(slugs(featured).slice(1)).toEqual(['zhejiang-logistics', 'ningbo-port', 'national-standard', 'nanjing-storage', 'beijing-cold-chain', 'hangzhou-nanjing'])
    const byTitle = await list('category=industry&sort=title')
    expect(byTitle.docs).toHaveLength(7)
  })

  it('builds cards with category, regions and view counts', async () => {
    const [card] = (await list('category=industry&region=330100&limit=1')).docs
    expect(card).toMatchObject({
      id: String(world.articles.hangzhou.id),
      slug: 'hangzhou-pallets',
      title: '杭州托盘新规',
      excerpt: '杭州托盘新规 正文。',
      publishedAt: jan(10),
      author: '编辑部',
      views: 0,
      featured: true,
      category: { slug: 'industry', name: '行业新闻', description: '行业动态' },
      regions: [{ code: '330100', name: '杭州' }],
    })
    expect(card!.cover).toBeUndefined()
  })

  it('serves English where translated and falls back to Chinese elsewhere', async () => {
    const response = await list('category=industry&region=330100&locale=en')
    const [first, second] = response.docs
    expect(first).toMatchObject({ title: 'Hangzhou pallet rules', excerpt: 'Rules for pallets in Hangzhou', category: { name: 'Industry news', description: 'What the industry does' } })
    expect(second).toMatchObject({ title: '浙江物流通报', regions: [{ code: '330000', name: 'Zhejiang' }] })
    const policy = await list('category=policy&locale=en')
    expect(policy.docs[0]!.category).toEqual({ slug: 'policy', name: '政策法规' })
  })
})

describe('stock REST comparison', () => {
  const cases: { category?: string; region?: string; sort: Exclude<ArticleSort, '-views'>; page: number; limit: number; locale: 'zh' | 'en' }[] = [
    { category: 'industry', region: '330100', sort: '-publishedAt', page: 1, limit: 12, locale: 'zh' },
    { category: 'industry', region: '330000', sort: '-publishedAt', page: 2, limit: 2, locale: 'en' },
    { region: '320100', sort: 'publishedAt', page: 1, limit: 50, locale: 'zh' },
    { category: 'industry', sort: 'title', page: 1, limit: 12, locale: 'zh' },
    { sort: '-featured', page: 1, limit: 5, locale: 'zh' },
  ]
  for (const c of cases) {
    it(`same ids, order and values as /api/articles for ${JSON.stringify(c)}`, async () => {
      const { payload } = booted
      const where = await buildListWhere(payload, runtimeOf(payload).options, c)
      const query = stringify({ where, sort: SORTS[c.sort].join(','), depth: 0, limit: c.limit, page: c.page, locale: c.locale }, { addQueryPrefix: true })
      const stock = await rest(booted, 'GET', `/api/articles${query}`)
      expect(stock.status, stock.text).toBe(200)
      const params = new URLSearchParams({ sort: c.sort, page: String(c.page), limit: String(c.limit), locale: c.locale })
      if (c.category) params.set('category', c.category)
      if (c.region) params.set('region', c.region)
      const ours = await list(params.toString())
      expect(ours.docs.length).toBeGreaterThan(0)
      const pick = (d: { id: unknown; title?: string; slug?: string; excerpt?: string; publishedAt?: string }) => ({
        id: String(d.id), title: d.title, slug: d.slug, excerpt: d.excerpt, publishedAt: d.publishedAt,
      })
      expect(ours.docs.map(pick)).toEqual(stock.json.docs.map(pick))
      expect({ totalDocs: ours.totalDocs, totalPages: ours.totalPages, page: ours.page, hasNextPage: ours.hasNextPage, hasPrevPage: ours.hasPrevPage }).toEqual({
        totalDocs: stock.json.totalDocs, totalPages: stock.json.totalPages, page: stock.json.page, hasNextPage: stock.json.hasNextPage, hasPrevPage: stock.json.hasPrevPage,
      })
    })
  }
})

describe('article detail', () => {
  it('sends sanitized HTML, credits and neighbours in the same category', async () => {
    const reply = await get('/articles/risky-body')
    expect(reply.status).toBe(200)
    const detail = reply.json as ArticleDetail
    expect(detail.html).not.toMatch(/<script|javascript:/i)
    expect(detail.html).toContain('&lt;script&gt;')
    expect(detail.html).toMatch(/<a href="https:\/\/example\.com\/a"[^>]*rel="noopener noreferrer nofollow"/)
    expect(detail.html).toContain('点我')
    expect(detail.credits).toEqual([{ label: '来源', value: '新华社' }, { label: '编辑', value: '王五' }])
    expect(detail.prev).toEqual({ slug: 'hangzhou-subsidy', title: '杭州补贴政策' })
    expect(detail.next).toBeUndefined()
  })

  it('prev is the newer, next the older article of the same category', async () => {
    const middle = (await get('/articles/zhejiang-logistics')).json as ArticleDetail
    expect(middle.prev).toEqual({ slug: 'hangzhou-pallets', title: '杭州托盘新规' })
    expect(middle.next).toEqual({ slug: 'ningbo-port', title: '宁波港口扩建' })
    const newest = (await get('/articles/hangzhou-pallets?locale=en')).json as ArticleDetail
    expect(newest.title).toBe('Hangzhou pallet rules')
    expect(newest.prev).toBeUndefined()
    expect(newest.next).toEqual({ slug: 'zhejiang-logistics', title: '浙江物流通报' })
    const oldest = (await get('/articles/hangzhou-nanjing')).json as ArticleDetail
    expect(oldest.next).toBeUndefined()
    expect(oldest.prev?.slug).toBe('beijing-cold-chain')
  })
})

describe('drafts', () => {
  it('a never-published draft is invisible', async () => {
    expect((await get('/articles/never-published')).status).toBe(404)
    expect(slugs(await list('region=330100&limit=50'))).not.toContain('never-published')
  })

  it('a published article with a newer draft shows the published version', async () => {
    const detail = (await get('/articles/beijing-cold-chain')).json as ArticleDetail
    expect(detail.title).toBe('北京冷链')
    const card = (await list('region=110000')).docs.find((d) => d.slug === 'beijing-cold-chain')
    expect(card?.title).toBe('北京冷链')
    // Neighbours never point at drafts either.
    const neighbour = (await get('/articles/hangzhou-pallets')).json as ArticleDetail
    expect(neighbour.prev).toBeUndefined()
  })
})

describe('region tree', () => {
  it('lists active provinces with their active cities; municipalities have none', async () => {
    const tree = (await get('/regions')).json as RegionTreeResponse
    expect(tree.source).toMatch(/GB\/T 2260/)
    expect(tree.provinces.map((p) => p.code)).toEqual(['110000', '330000', '320000'])
    const [beijing, zhejiang, jiangsu] = tree.provinces
    expect(beijing).toEqual({ code: '110000', name: '北京', py: '110000' })
    expect(zhejiang!.cities).toEqual([
      { code: '330100', name: '杭州', py: '330100', hot: true, lat: 30.27, lng: 120.15 },
      { code: '330200', name: '宁波', py: '330200' },
    ])
    expect(jiangsu!.cities!.map((c) => c.code)).toEqual(['320100'])
    const en = (await get('/regions?locale=en')).json as RegionTreeResponse
    expect(en.provinces[1]!.name).toBe('Zhejiang')
    expect(en.provinces[0]!.name).toBe('北京')
  })

  it('ships a suffix kind, initials and a letter only where they differ from the derived ones, in every locale', async () => {
    const { payload } = booted
    const { nanjing, jiangsu } = world.regions
    const jiangsuIn = async (locale: string) =>
      ((await get(`/regions?locale=${locale}`)).json as RegionTreeResponse).provinces.find((p) => p.code === '320000')!
    // 南京 named as a 地区 (its code implies 市), initials and its province's letter set by an editor (the fixture's
    // pinyin is the code: derived initials "3", letter "3").
    await payload.update({ collection: 'regions', id: nanjing.id, locale: 'zh', data: { name: '南京地区', initials: 'NJ' } as never })
    await payload.update({ collection: 'regions', id: jiangsu.id, locale: 'zh', data: { letter: 'j' } as never })
    try {
      for (const locale of ['zh', 'en']) {
        const province = await jiangsuIn(locale)
        expect(province.ltr).toBe('J')
        // The kind is read from the Chinese name in the English tree too.
        expect(province.cities).toEqual([{ code: '320100', name: '南京', py: '320100', sfx: 6, ini: 'nj' }])
      }
      await payload.update({ collection: 'regions', id: nanjing.id, locale: 'zh', data: { name: '南京市', initials: '3' } as never })
      await payload.update({ collection: 'regions', id: jiangsu.id, locale: 'zh', data: { letter: '3' } as never })
      const province = await jiangsuIn('zh')
      expect(province.ltr).toBeUndefined()
      expect(province.cities).toEqual([{ code: '320100', name: '南京', py: '320100' }])
    } finally {
      await payload.update({ collection: 'regions', id: nanjing.id, locale: 'zh', data: { name: '南京', initials: null } as never })
      await payload.update({ collection: 'regions', id: jiangsu.id, locale: 'zh', data: { letter: null } as never })
    }
  })

  it('lists categories in order', async () => {
    expect((await get('/categories')).json).toEqual({
      docs: [{ slug: 'industry', name: '行业新闻', description: '行业动态' }, { slug: 'policy', name: '政策法规' }],
    })
  })
})

describe('validation', () => {
  const bad: [string, RegExp][] = [
    ['/articles?foo=1', /Unknown parameter "foo"/],
    ['/articles?region=33010', /region/],
    ['/articles?region=abcdef', /region/],
    ['/articles?category=Bad_Slug', /category/],
    ['/articles?limit=51', /"limit" must be between 1 and 50/],
    ['/articles?limit=abc', /limit/],
    ['/articles?page=0', /"page" must be between/],
    ['/articles?sort=views', /sort/],
    ['/articles?locale=fr', /locale/],
    ['/articles?page=1&page=2', /more than once/],
    ['/articles/..%2Fx', /Malformed slug/],
    ['/articles/Upper-Case', /Malformed slug/],
    ['/regions?limit=5', /Unknown parameter/],
    ['/articles/hangzhou-pallets?draft=true', /Unknown parameter "draft"/],
  ]
  for (const [path, message] of bad) {
    it(`400 for ${path}`, async () => {
      const reply = await get(path)
      expect(reply.status).toBe(400)
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
      expect(reply.headers.get('cache-control')).toBe('no-store')
      expect(reply.json.errors[0].message).toMatch(message)
    })
  }

  const missing: [string, RegExp][] = [
    ['/articles/no-such-article', /No published article/],
    ['/articles?category=nope', /Unknown category/],
    ['/articles?region=999999', /Unknown region/],
    ['/articles?region=330300', /Unknown region/],
  ]
  for (const [path, message] of missing) {
    it(`404 for ${path}`, async () => {
      const reply = await get(path)
      expect(reply.status).toBe(404)
      expect(reply.json.errors[0].message).toMatch(message)
    })
  }
})

describe('most read (sort=-views)', () => {
  const setViews = async (slug: string, views: number) => {
    const article = (await booted.payload.find({ collection: 'articles', where: { slug: { equals: slug } }, limit: 1 })).docs[0]!
    await booted.payload.update({ collection: 'article-views', where: { article: { equals: article.id } }, data: { views } as never })
  }
  beforeAll(async () => {
    await setViews('ningbo-port', 40)
    await setViews('nanjing-storage', 30)
    await setViews('national-standard', 30)
    await setViews('hangzhou-subsidy', 99)
    runtimeOf(booted.payload).cache.invalidate('all')
  })

  it('orders by views, ties to the newer article, with the same filter and totals as the date order', async () => {
    const byViews = await list('category=industry&sort=-views&limit=3')
    expect(slugs(byViews)).toEqual(['ningbo-port', 'national-standard', 'nanjing-storage'])
    expect(byViews.docs.map((d) => d.views)).toEqual([40, 30, 30])
    const byDate = await list('category=industry&limit=3')
    expect(byViews.totalDocs).toBe(byDate.totalDocs)
    // Region rule as in every list: 南京 sees its own, its province's and nationwide articles.
    expect(slugs(await list('category=industry&region=320100&sort=-views'))).toEqual(['national-standard', 'nanjing-storage', 'hangzhou-nanjing'])
  })

  it('pages', async () => {
    const all = slugs(await list('category=industry&sort=-views&limit=50'))
    const second = await list('category=industry&sort=-views&limit=3&page=2')
    expect(slugs(second)).toEqual(all.slice(3, 6))
    expect(second.hasPrevPage).toBe(true)
  })

  it('never lists a draft, however read', async () => {
    const draft = await booted.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: '草稿热门', slug: 'draft-most-read', category: world.categories.industry.id, _status: 'draft' } as never,
    })
    await booted.payload.update({ collection: 'article-views', where: { article: { equals: draft.id } }, data: { views: 1000 } as never })
    runtimeOf(booted.payload).cache.invalidate('all')
    expect(slugs(await list('category=industry&sort=-views&limit=50'))).not.toContain('draft-most-read')
  })
})

describe('neighbours that share a publish time', () => {
  it('上一篇 / 下一篇 walk every article once, in list order', async () => {
    const same = '2026-02-01T08:00:00.000Z'
    const category = await booted.payload.create({ collection: 'categories', data: { name: '同刻', slug: 'same-time', order: 9 } })
    for (const n of [1, 2, 3, 4])
      await booted.payload.create({
        collection: 'articles',
        data: { title: `同刻 ${n}`, slug: `same-time-${n}`, category: category.id, regions: [world.regions.beijing.id], publishedAt: same, _status: 'published' } as never,
      })
    const order = slugs(await list('category=same-time&limit=50'))
    expect(order).toHaveLength(4)
    const walked = [order[0]!]
    for (;;) {
      const detail = (await get(`/articles/${walked.at(-1)}`)).json as ArticleDetail
      if (!detail.next) break
      walked.push(detail.next.slug)
    }
    expect(walked).toEqual(order)
    const back = [order.at(-1)!]
    for (;;) {
      const detail = (await get(`/articles/${back.at(-1)}`)).json as ArticleDetail
      if (!detail.prev) break
      back.push(detail.prev.slug)
    }
    expect(back).toEqual([...order].reverse())
  })
})
