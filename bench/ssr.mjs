/**
 * Server rendering figures (`node bench/ssr.mjs` after `npm run build:widgets`):
 * - gzip sizes of widgets.js and widgets-hydrate.js as served (the build's Zopfli files) against their budgets;
 * - time to render 24 cards (+ tabs) with the built renderer, median of 300 after warm-up;
 * - LCP and CLS of one page of 24 cards in an emulated phone (Chromium, 4× CPU slowdown, 412×915): server output +
 *   widgets-hydrate.js vs the same elements rendered by widgets.js on the client. A local server answers the API
 *   (40 ms delay, as from a CDN); medians of 5 loads.
 */
import { readFileSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const root = path.resolve(import.meta.dirname, '..')
const ssr = await import(pathToFileURL(path.join(root, 'dist/widgets/ssr/render.js')).href)
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

// --- Sizes ---------------------------------------------------------------------------------
// Budgets (issue 11): widgets.js ≤ 20 kB gzip, widgets-hydrate.js ≤ 21 kB (1 kB = 1,000 bytes).
for (const [f, budget] of [['widgets.js', 20_000], ['widgets-hydrate.js', 21_000]]) {
  const gz = statSync(path.join(root, 'dist/widgets/v1', f + '.gz')).size
  console.log(`${f}: ${gz} bytes gzip (Zopfli), ${statSync(path.join(root, 'dist/widgets/v1', f + '.br')).size} brotli · budget ${budget}: ${gz <= budget ? `${budget - gz} B under ✓` : `${gz - budget} B OVER ✗`}`)
}

// --- Data ----------------------------------------------------------------------------------
const card = (i) => ({
  id: String(i),
  slug: `article-${i}`,
  title: `托盘行业动态第 ${i} 期：塑料托盘循环共用的新进展`,
  excerpt: `第 ${i} 期摘要：塑料托盘租赁市场的最新变化，区域仓配网络与循环共用模式的实践。`,
  publishedAt: new Date(Date.UTC(2025, 0, 31 - i, 2)).toISOString(),
  author: '托盘网',
  views: 100 + i,
  regions: [],
  category: { slug: 'industry', name: '行业新闻' },
  cover: { url: `/media/${i}.svg`, width: 1200, height: 675, alt: '封面', sizes: { card: { url: `/media/${i}.svg?w=768`, width: 768, height: 432 } } },
})
const list = { docs: Array.from({ length: 24 }, (_, i) => card(i + 1)), page: 1, limit: 24, totalDocs: 24, totalPages: 1, hasNextPage: false, hasPrevPage: false }
const categories = { docs: ['行业新闻', '跨界新闻', '托盘百科', '政策法规', '焦点'].map((name, i) => ({ slug: `c${i}`, name })) }

// --- Server render time ----------------------------------------------------------------------
{
  const opts = { list, categories, lang: 'zh-CN', api: 'https://cms.example.com', pageSize: 24 }
  let t = performance.now()
  ssr.renderArticleList(opts)
  const first = performance.now() - t
  for (let i = 0; i < 50; i++) ssr.renderArticleList(opts)
  const times = []
  for (let i = 0; i < 300; i++) {
    t = performance.now()
    ssr.renderArticleList(opts)
    times.push(performance.now() - t)
  }
  const html = ssr.renderArticleList(opts)
  console.log(`render 24 cards + tabs: median ${median(times).toFixed(3)} ms (first ${first.toFixed(1)} ms), ${html.length} bytes`)
}

// --- LCP / CLS ---------------------------------------------------------------------------------
const page = (body, bundle) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;padding:12px}</style><script>
window.__cls = 0; window.__lcp = 0
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value }).observe({ type: 'layout-shift', buffered: true })
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime }).observe({ type: 'largest-contentful-paint', buffered: true })
</script></head><body><h2>新闻中心</h2>${body}<script type="module" src="/widgets/v1/${bundle}"></script></body></html>`

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  const api = `http://${req.headers.host}`
  const send = (type, body, delay = 0) =>
    setTimeout(() => {
      res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*', 'cache-control': 'no-store' })
      res.end(body)
    }, delay)
  if (url.pathname.startsWith('/widgets/v1/')) return send('text/javascript', readFileSync(path.join(root, 'dist', url.pathname)))
  if (url.pathname.startsWith('/media/')) return send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#9bc"/></svg>', 40)
  if (url.pathname === '/api/news/articles') return send('application/json', JSON.stringify(list), 40)
  if (url.pathname === '/api/news/categories') return send('application/json', JSON.stringify(categories), 40)
  if (url.pathname === '/ssr') return send('text/html', page(ssr.renderArticleList({ list, categories, lang: 'zh-CN', api, pageSize: 24 }), 'widgets-hydrate.js'))
  if (url.pathname === '/client') return send('text/html', page(`<article-list api="${api}" page-size="24" tabs></article-list>`, 'widgets.js'))
  res.writeHead(404).end()
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const base = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
})
try {
  for (const kind of ['ssr', 'client']) {
    const lcp = []
    const cls = []
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true })
      const p = await context.newPage()
      const cdp = await context.newCDPSession(p)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await p.goto(`${base}/${kind}`, { waitUntil: 'load' })
      await p.waitForFunction(() => customElements.get('article-list') && document.querySelector('article-list').shadowRoot?.querySelectorAll('article-card').length === 24)
      await p.waitForTimeout(1500)
      const m = await p.evaluate(() => ({ lcp: window.__lcp, cls: window.__cls }))
      lcp.push(m.lcp)
      cls.push(m.cls)
      await context.close()
    }
    console.log(`${kind === 'ssr' ? 'server output + widgets-hydrate.js' : 'client-only widgets.js          '}: LCP ${median(lcp).toFixed(0)} ms, CLS ${median(cls).toFixed(3)} (median of 5; LCP ${lcp.map((x) => x.toFixed(0)).join(' ')})`)
  }
} finally {
  await browser.close()
  server.close()
}
