/**
 * Server-rendered pages for the SSR tests, made with the built render API (dist/widgets/ssr/render.js) from the fixture
 * API's data, as a server page would:
 *
 *   /ssr-page?kind=<list|view|picker|card|hostile|client>&bundle=<hydrate|plain|none>&ns=<id>[&lang=en][&value=<code>]
 *
 * The server's own requests go to the fixture under namespace `<ns>-server`; the page's elements use `<ns>`, so a
 * test reads back exactly the requests the browser made. Each page records layout shifts in `window.__shifts`
 * and, before any module runs, keeps references to server-rendered nodes in `window.__before` (to check that
 * hydration reuses them).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

// The built renderer: its templates are minified like the bundles', as hydration requires (see vite.config.ts).
const BUILT = path.resolve('dist/widgets/ssr/render.js')
const ssr = existsSync(BUILT) ? await import(pathToFileURL(BUILT).href) : undefined

const BUNDLES = { hydrate: '/dist/widgets/v1/widgets-hydrate.js', plain: '/dist/widgets/v1/widgets.js' }

const HEAD = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;padding:16px;font-size:16px}</style>
<script>
  window.__errors = []
  addEventListener('error', (e) => window.__errors.push(String(e.message)))
  addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason && e.reason.stack || e.reason)))
  window.__shifts = []
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value) })
    .observe({ type: 'layout-shift', buffered: true })
</script>`

// Runs after parsing, before module scripts (they are deferred): what the server painted.
const BEFORE = `<script>
  window.__before = [...document.querySelectorAll('article-list, article-view, article-card, region-picker')].map((el) => {
    const root = el.shadowRoot
    const card = root && root.querySelector('article-card')
    return { root, first: root && root.firstElementChild, cardTitle: card && card.shadowRoot && card.shadowRoot.querySelector('h3') }
  })
</script>`

/** The hostile article as a card too (the fixture keeps it out of lists). */
const asCard = ({ html, credits, prev, next, ...card }) => card

export function ssrFixtureMiddleware() {
  return async function ssrPage(ctx, next) {
    if (ctx.path !== '/ssr-page') return next()
    if (!ssr) {
      ctx.status = 503
      ctx.body = 'dist/widgets/ssr/render.js is missing: npm run build:widgets'
      return
    }
    const q = Object.fromEntries(new URLSearchParams(ctx.querystring))
    const origin = `${ctx.protocol}://${ctx.host}`
    const lang = q.lang ?? 'zh-CN'
    const locale = lang.startsWith('en') ? 'en' : 'zh'
    const api = `${origin}/fixture-api/ns/${q.ns}`
    const server = `${origin}/fixture-api/ns/${q.ns}-server/api/news`
    const get = async (path) => {
      const res = await fetch(server + path)
      if (!res.ok) throw new Error(`${path}: ${res.status}`)
      return res.json()
    }
    const common = { lang, api }
    let body = ''
    if (q.kind === 'list') {
      // The list shows the picker's region (a server page takes it from the news_region cookie).
      const region = q.value ? `&region=${q.value}` : ''
      const [list, categories, tree] = await Promise.all([get(`/articles?limit=24${region}&locale=${locale}`), get(`/categories?locale=${locale}`), get(`/regions?locale=${locale}`)])
      body =
        ssr.renderRegionPicker({ ...common, tree, id: 'city', value: q.value, noRemember: q.remember !== '1' }) +
        ssr.renderArticleList({ ...common, list, categories, region: q.value, pageSize: 24, regionSource: '#city', urlSync: q.sync === '1' })
    } else if (q.kind === 'client') {
      // No server output: the bundle must render as widgets.js does.
      body = `<article-list api="${api}" page-size="5" tabs></article-list>`
    } else if (q.kind === 'view') {
      body = ssr.renderArticleView({ ...common, detail: await get(`/articles/${q.slug ?? 'article-3'}?locale=${locale}`) })
    } else if (q.kind === 'picker') {
      body = ssr.renderRegionPicker({ ...common, tree: await get(`/regions?locale=${locale}`), value: q.value, noRemember: q.remember !== '1' })
    } else if (q.kind === 'card') {
      const list = await get(`/articles?limit=1&locale=${locale}`)
      body = ssr.renderArticleCard({ ...common, card: list.docs[0] })
    } else if (q.kind === 'hostile') {
      const detail = await get(`/articles/hostile?locale=${locale}`)
      const list = { docs: [asCard(detail)], page: 1, limit: 12, totalDocs: 1, totalPages: 1, hasNextPage: false, hasPrevPage: false }
      body =
        ssr.renderArticleList({ ...common, list }) +
        ssr.renderArticleCard({ ...common, card: asCard(detail) }) +
        ssr.renderArticleView({ ...common, detail, noCount: true })
    } else return next()
    const search = q.search ? `<script>history.replaceState(null, '', '?${q.search.replace(/[^\w=&-]/g, '')}')</script>` : ''
    const bundle = BUNDLES[q.bundle] ? `<script type="module" src="${BUNDLES[q.bundle]}"></script>` : ''
    ctx.type = 'text/html'
    ctx.set('cache-control', 'no-store')
    ctx.body = `<!doctype html><html lang="${lang}"><head>${HEAD}</head><body>${search}${body}${BEFORE}${bundle}</body></html>`
  }
}
