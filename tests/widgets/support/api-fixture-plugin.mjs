/**
 * A stand-in for the CMS's widget endpoints (wire/index.ts), served by the test runner on
 * /fixture-api/... with behaviour chosen by path segments before /api/:
 *
 *   /fixture-api[/ns/<id>][/delay/<ms>][/broken/<500|404|slow|malformed|shape|down>][/flaky/<key>]/api/news/...
 *   (or …/cms-api/stories/…: a host's own public API path, answered the same)
 *
 * - ns/<id>: a namespace, so a test can read back only its own requests (GET /fixture-api/__log/<id>);
 * - delay/<ms>: answers after that many milliseconds (for stale-request and abort tests);
 * - broken/<mode>: always fails that way (slow = answers after 15 s; down = socket destroyed;
 *   cors = a good answer whose CORS header names another origin, so a cross-origin page may not read it);
 * - flaky/<key>: fails as set by GET /fixture-api/__control/<key>/<mode> (mode `ok` heals it).
 * The region tree comes from cms/plugin/seed/region-data.json when present, else a hand-made subset.
 * Every request's parameters go through the server's own parser first (cms/plugin/public-api/query-params.ts,
 * bundled here by esbuild), so the fixture refuses exactly what the CMS refuses and a contract drift fails a test.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { tsImport } from 'tsx/esm/api'

const PREFIX = '/fixture-api'
const LOCALES = ['zh', 'en']

const serverParams = await (async () => {
  const out = await build({
    entryPoints: [path.resolve('cms/plugin/public-api/query-params.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  })
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`)
})()

/** The server's validation of a public request's path and query; throws its HttpError (status + message). */
function validate(route, method, query) {
  let m
  if (route === '/api/news/regions' || route === '/api/news/categories') return serverParams.parseLocaleOnly(query, LOCALES)
  if (route === '/api/news/articles') return serverParams.parseListParams(query, LOCALES)
  if ((m = route.match(/^\/api\/news\/articles\/([^/]+)\/views$/)) && method === 'POST') {
    if (query.size > 0) throw Object.assign(new Error('This endpoint takes no query parameters'), { status: 400 })
    return serverParams.parseSlug(m[1])
  }
  if ((m = route.match(/^\/api\/news\/articles\/([^/]+)$/))) {
    serverParams.parseSlug(m[1])
    return serverParams.parseLocaleOnly(query, LOCALES)
  }
}

// --- Regions -------------------------------------------------------------------------------

const SUBSET = [
  { code: '110000', level: 'province', shortName: '北京', shortNameEn: 'Beijing', pinyin: 'bei jing', hot: true, lat: 39.9, lng: 116.41 },
  { code: '140000', level: 'province', shortName: '山西', shortNameEn: 'Shanxi', pinyin: 'shan xi', lat: 37.86, lng: 112.55 },
  { code: '140100', level: 'city', parent: '140000', shortName: '太原', shortNameEn: 'Taiyuan', pinyin: 'tai yuan', lat: 37.87, lng: 112.55 },
  { code: '320000', level: 'province', shortName: '江苏', shortNameEn: 'Jiangsu', pinyin: 'jiang su', lat: 32.06, lng: 118.8 },
  { code: '320100', level: 'city', parent: '320000', shortName: '南京', shortNameEn: 'Nanjing', pinyin: 'nan jing', hot: true, lat: 32.06, lng: 118.8 },
  { code: '321200', level: 'city', parent: '320000', shortName: '泰州', shortNameEn: 'Taizhou', pinyin: 'tai zhou', lat: 32.48, lng: 119.92 },
  { code: '330000', level: 'province', shortName: '浙江', shortNameEn: 'Zhejiang', pinyin: 'zhe jiang', lat: 30.27, lng: 120.15 },
  { code: '330100', level: 'city', parent: '330000', shortName: '杭州', shortNameEn: 'Hangzhou', pinyin: 'hang zhou', hot: true, lat: 30.27, lng: 120.15 },
  { code: '331000', level: 'city', parent: '330000', shortName: '台州', shortNameEn: 'Taizhou', pinyin: 'tai zhou', lat: 28.66, lng: 121.43 },
  { code: '610000', level: 'province', shortName: '陕西', shortNameEn: 'Shaanxi', pinyin: 'shaan xi', lat: 34.26, lng: 108.95 },
  { code: '610100', level: 'city', parent: '610000', shortName: '西安', shortNameEn: "Xi'an", pinyin: 'xi an', hot: true, lat: 34.26, lng: 108.95 },
]

/** Contact phones the fixture adds, so the `tel` path is exercised. */
const PHONES = { 330000: '0571-8888 0000', 330100: '0571-8765 4321' }

function loadRegions() {
  const file = path.resolve('cms/plugin/seed/region-data.json')
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'))
    return { source: `fixture from ${path.relative(process.cwd(), file)}: ${data.source}`, regions: data.regions }
  } catch {
    return { source: 'fixture: hand-made subset', regions: SUBSET }
  }
}

const { source: regionSource, regions } = loadRegions()

// The read path's own assembly (cms/plugin/queries/region-tree.ts), so the fixture sends what the CMS would.
const { seedTree } = await tsImport('../../support/seed-region-tree.ts', import.meta.url)

export function regionTree(locale = 'zh') {
  const tree = seedTree(locale, regions)
  for (const p of tree.provinces)
    for (const n of [p, ...(p.cities ?? [])]) if (PHONES[n.code]) n.tel = PHONES[n.code]
  return { ...tree, source: regionSource }
}

// --- Categories and articles ---------------------------------------------------------------

const CATEGORIES = [
  ['industry', '行业新闻', 'Industry news'],
  ['crossover', '跨界新闻', 'Cross-industry'],
  ['encyclopedia', '托盘百科', 'Pallet encyclopedia'],
  ['policy', '政策法规', 'Policies'],
  ['focus', '焦点', 'Focus'],
]
const category = (i, locale) => ({ slug: CATEGORIES[i][0], name: CATEGORIES[i][locale === 'en' ? 2 : 1] })

const REGION_CYCLE = [
  { code: '330100', name: '杭州' },
  { code: '110000', name: '北京' },
  { code: '321200', name: '泰州' },
  { code: '610100', name: '西安' },
]

const cover = (n) => ({
  url: `/fixture-api/media/cover-${n}.svg`,
  width: 1200,
  height: 675,
  alt: `封面 ${n}`,
  sizes: {
    thumb: { url: `/fixture-api/media/cover-${n}.svg?w=400`, width: 400, height: 225 },
    card: { url: `/fixture-api/media/cover-${n}.svg?w=768`, width: 768, height: 432 },
  },
})

/** 30 ordinary articles, newest first, plus one hostile one (oldest). */
const ARTICLES = Array.from({ length: 30 }, (_, i) => {
  const n = i + 1
  return {
    id: String(n),
    slug: `article-${n}`,
    n,
    cat: i % CATEGORIES.length,
    title: `托盘行业动态第 ${n} 期`,
    titleEn: `Pallet industry update #${n}`,
    excerpt: `第 ${n} 期摘要：塑料托盘租赁市场的最新变化。`,
    publishedAt: new Date(Date.UTC(2025, 0, 31 - i, 2)).toISOString(),
    author: '托盘网',
    views: 100 + ((n * 37) % 400),
    regions: [REGION_CYCLE[i % REGION_CYCLE.length]],
    cover: i % 3 === 2 ? undefined : cover(n),
  }
})
ARTICLES.push({
  id: 'hostile',
  slug: 'hostile',
  n: 31,
  cat: 0,
  title: '<img src=x onerror="window.__pwned=\'title\'">恶意标题',
  excerpt: '<script>window.__pwned="excerpt"</script>',
  publishedAt: new Date(Date.UTC(2024, 11, 1)).toISOString(),
  author: '<b onmouseover="window.__pwned=1">作者</b>',
  views: 1,
  regions: [],
  html: [
    '<p>正文</p>',
    '<script>window.__pwned="script"</script>',
    '<img src="data:," onerror="window.__pwned=\'onerror\'" alt="x">',
    '<a id="js-link" href=" JaVa&#x09;script:window.__pwned=\'href\'">链接</a>',
    '<iframe srcdoc="<script>parent.__pwned=\'srcdoc\'</script>"></iframe>',
    '<svg><script>window.__pwned="svg"</script></svg>',
    '<form action="javascript:window.__pwned=\'form\'"><button id="js-submit">提交</button></form>',
  ].join(''),
})

const views = new Map(ARTICLES.map((a) => [a.slug, a.views]))
const visitorsSeen = new Set()

function card(a, locale) {
  const c = {
    id: a.id,
    slug: a.slug,
    title: locale === 'en' && a.titleEn ? a.titleEn : a.title,
    excerpt: a.excerpt,
    publishedAt: a.publishedAt,
    author: a.author,
    views: views.get(a.slug),
    category: category(a.cat, locale),
    regions: a.regions,
  }
  if (a.cover) c.cover = a.cover
  return c
}

function matches(a, q) {
  if (q.category && CATEGORIES[a.cat][0] !== q.category) return false
  if (q.region) {
    const province = /0000$/.test(q.region) ? q.region.slice(0, 2) : null
    if (!a.regions.some((r) => r.code === q.region || (province && r.code.startsWith(province)))) return false
  }
  return true
}

const SORTS = {
  '-publishedAt': (a, b) => b.publishedAt.localeCompare(a.publishedAt),
  publishedAt: (a, b) => a.publishedAt.localeCompare(b.publishedAt),
  '-views': (a, b) => views.get(b.slug) - views.get(a.slug),
  title: (a, b) => a.title.localeCompare(b.title),
}

function list(q) {
  const locale = q.locale === 'en' ? 'en' : 'zh'
  const limit = Math.min(50, Math.max(1, Number(q.limit) || 12))
  const page = Math.max(1, Number(q.page) || 1)
  const all = ARTICLES.filter((a) => a.slug !== 'hostile' && matches(a, q)).sort(SORTS[q.sort] ?? SORTS['-publishedAt'])
  const totalPages = Math.max(1, Math.ceil(all.length / limit))
  return {
    docs: all.slice((page - 1) * limit, page * limit).map((a) => card(a, locale)),
    page,
    limit,
    totalDocs: all.length,
    totalPages,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
  }
}

function detail(slug, locale) {
  const a = ARTICLES.find((x) => x.slug === slug)
  if (!a) return undefined
  const same = ARTICLES.filter((x) => x.cat === a.cat && x.slug !== 'hostile')
  const i = same.indexOf(a)
  const link = (x) => x && { slug: x.slug, title: locale === 'en' && x.titleEn ? x.titleEn : x.title }
  const d = {
    ...card(a, locale),
    html:
      a.html ??
      `<h2>01 行业概况</h2><p>第 ${a.n} 期正文。</p><blockquote>引用</blockquote><figure><img src="/fixture-api/media/cover-${a.n}.svg" width="600" height="338" alt="配图"><figcaption>图注</figcaption></figure>`,
    credits: [
      { label: '来源', value: '中国托盘网' },
      { label: '编辑', value: '小王' },
    ],
  }
  if (i > 0) d.prev = link(same[i - 1])
  if (i >= 0 && i < same.length - 1) d.next = link(same[i + 1])
  return d
}

// --- Server --------------------------------------------------------------------------------

const flaky = new Map()
const logs = new Map()

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function send(ctx, status, body, raw = false) {
  ctx.status = status
  ctx.set('cache-control', 'no-store')
  ctx.set('access-control-allow-origin', ctx.state.corsOrigin ?? '*')
  ctx.type = 'application/json'
  ctx.body = raw ? body : JSON.stringify(body)
}

async function readBody(ctx) {
  let text = ''
  for await (const chunk of ctx.req) text += chunk
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Applies a failure mode; returns true when the request has been answered (or dropped). */
async function fail(ctx, mode) {
  switch (mode) {
    case 'down':
      ctx.req.socket.destroy()
      ctx.respond = false
      return true
    case '500':
      send(ctx, 500, { errors: [{ message: 'Something went wrong.' }] })
      return true
    case '404':
      send(ctx, 404, { errors: [{ message: 'Not Found' }] })
      return true
    case 'malformed':
      send(ctx, 200, '{"docs": [', true)
      return true
    case 'shape':
      send(ctx, 200, { unexpected: true })
      return true
    case 'slow':
      await sleep(15_000)
      return false
    case 'cors':
      // The usual misconfiguration: the API allows some other site, not the page that embeds the widget.
      ctx.state.corsOrigin = 'https://not-this-page.example'
      return false
    default:
      return false
  }
}

const svg = (n) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="hsl(${(n * 47) % 360} 45% 70%)"/></svg>`

export function apiFixtureMiddleware() {
  return async function apiFixture(ctx, next) {
    if (!ctx.path.startsWith(PREFIX + '/')) return next()
    const rest = ctx.path.slice(PREFIX.length)
    if (ctx.method === 'OPTIONS') {
      ctx.set('access-control-allow-origin', '*')
      ctx.set('access-control-allow-headers', 'content-type')
      ctx.status = 204
      return
    }
    let m
    if ((m = rest.match(/^\/__control\/([\w-]+)\/(\w+)$/))) {
      flaky.set(m[1], m[2])
      return send(ctx, 200, { ok: true })
    }
    if ((m = rest.match(/^\/__log\/([\w-]+)$/))) return send(ctx, 200, logs.get(m[1]) ?? [])
    if ((m = rest.match(/^\/media\/cover-(\d+)\.svg$/))) {
      ctx.type = 'image/svg+xml'
      ctx.body = svg(Number(m[1]))
      return
    }
    // A host's own public API path (`api-path="/cms-api/stories"`) answers like /api/news; the log keeps the path asked.
    const at = rest.search(/\/(api|cms-api)\//)
    if (at < 0) return send(ctx, 404, { errors: [{ message: 'Not Found' }] })
    const opts = {}
    const segs = rest.slice(1, at).split('/').filter(Boolean)
    for (let i = 0; i + 1 < segs.length; i += 2) opts[segs[i]] = segs[i + 1]
    const requested = rest.slice(at)
    const route = requested.replace(/^\/cms-api\/stories\//, '/api/news/')
    const q = Object.fromEntries(new URLSearchParams(ctx.querystring))
    const body = ctx.method === 'POST' ? await readBody(ctx) : undefined
    if (opts.ns) {
      const log = logs.get(opts.ns) ?? []
      log.push({ method: ctx.method, route: requested, query: q, body })
      logs.set(opts.ns, log)
    }
    if (opts.delay) await sleep(Number(opts.delay))
    if (opts.broken && (await fail(ctx, opts.broken))) return
    if (opts.flaky && (await fail(ctx, flaky.get(opts.flaky) ?? '500'))) return
    try {
      validate(route, ctx.method, new URLSearchParams(ctx.querystring))
    } catch (error) {
      if (!error.status) throw error
      return send(ctx, error.status, { errors: [{ message: error.message }] })
    }
    const locale = q.locale === 'en' ? 'en' : 'zh'

    if (route === '/api/news/regions') return send(ctx, 200, regionTree(locale))
    if (route === '/api/news/categories')
      return send(ctx, 200, { docs: CATEGORIES.map((_, i) => category(i, locale)) })
    if (route === '/api/news/articles') return send(ctx, 200, list(q))
    if ((m = route.match(/^\/api\/news\/articles\/([^/]+)\/views$/)) && ctx.method === 'POST') {
      const slug = decodeURIComponent(m[1])
      if (!views.has(slug)) return send(ctx, 404, { errors: [{ message: 'Not Found' }] })
      const visitor = body?.visitor
      if (typeof visitor !== 'string' || !/^[\w-]{8,64}$/.test(visitor))
        return send(ctx, 400, { errors: [{ message: 'Invalid visitor' }] })
      const key = `${slug}:${visitor}`
      const counted = !visitorsSeen.has(key)
      if (counted) {
        visitorsSeen.add(key)
        views.set(slug, views.get(slug) + 1)
      }
      return send(ctx, 200, { views: views.get(slug), counted })
    }
    if ((m = route.match(/^\/api\/news\/articles\/([^/]+)$/))) {
      const d = detail(decodeURIComponent(m[1]), locale)
      return d ? send(ctx, 200, d) : send(ctx, 404, { errors: [{ message: 'Not Found' }] })
    }
    return send(ctx, 404, { errors: [{ message: 'Not Found' }] })
  }
}

/** The same middleware as a dev-server plugin, for configs that prefer plugins. */
export function apiFixturePlugin() {
  return {
    name: 'api-fixture',
    serverStart({ app }) {
      app.use(apiFixtureMiddleware())
    },
  }
}
