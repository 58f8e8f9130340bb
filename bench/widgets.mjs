#!/usr/bin/env node
/**
 * Widget budgets: bundle size (gzip) and interaction timings in Chromium.
 * Builds nothing: run `npx vite build` first. Reads dist/widgets/v1, serves it on 127.0.0.1 and measures:
 *   - gzip size of the whole self-contained bundle (entry + chunks) and of the entry alone, budget 20 kB;
 *   - opening a fresh picker holding every city (median, p95 over 30 runs), budget 16 ms;
 *   - a search keystroke in the open picker (p95 over 200 keystrokes), budget 4 ms;
 *   - rendering 24 article cards (median, p95 over 30 runs), budget 16 ms.
 * Timings run from the call to the end of style and layout (a forced reflow), i.e. the work before the next paint.
 * Env: CHROMIUM_PATH (default /usr/bin/chromium). Exit code 1 when a budget is exceeded.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { regionTree } from '../tests/widgets/support/api-fixture-plugin.mjs'

const DIST = path.resolve('dist/widgets/v1')
const KB = 1000
const BUDGET = { bundle: 20 * KB, open: 16, keystroke: 4, cards: 16 }

if (!fs.existsSync(path.join(DIST, 'widgets.js'))) {
  console.error('dist/widgets/v1/widgets.js is missing: run `npx vite build` first.')
  process.exit(2)
}

// --- Sizes ---------------------------------------------------------------------------------

const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => f.endsWith('.js'))
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length
const br = (f) => zlib.brotliCompressSync(fs.readFileSync(path.join(DIST, f))).length
const entry = { gzip: gz('widgets.js'), brotli: br('widgets.js') }
const whole = files.reduce((s, f) => ({ gzip: s.gzip + gz(f), brotli: s.brotli + br(f) }), { gzip: 0, brotli: 0 })

// --- Timings -------------------------------------------------------------------------------

const tree = regionTree('zh')
const cityCount = tree.provinces.reduce((n, p) => n + (p.cities?.length || 1), 0)

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    return res.end('<!doctype html><html lang="zh-CN"><body><script type="module" src="/widgets/v1/widgets.js"></script></body></html>')
  }
  const file = path.join(DIST, path.normalize(url.pathname.replace(/^\/widgets\/v1\//, '')))
  if (url.pathname.startsWith('/widgets/v1/') && file.startsWith(DIST) && fs.existsSync(file)) {
    res.writeHead(200, { 'content-type': 'text/javascript' })
    return res.end(fs.readFileSync(file))
  }
  res.writeHead(404).end()
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const origin = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
})
let timings
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('pageerror', (e) => console.error('page error:', e))
  await page.goto(origin)
  await page.waitForFunction(() => ['region-picker', 'article-list', 'article-card', 'article-view'].every((t) => customElements.get(t)))
  timings = await page.evaluate(async (tree) => {
    const stats = (xs) => {
      const s = [...xs].sort((a, b) => a - b)
      const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
      return { median: q(0.5), p95: q(0.95), n: s.length }
    }
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))

    // Picker with every city: a fresh element each run; the tree is inline so no network is timed.
    const newPicker = async () => {
      const el = document.createElement('region-picker')
      el.setAttribute('no-remember', '')
      el.regions = tree
      document.body.append(el)
      await el.data.taskComplete
      await el.updateComplete
      return el
    }
    // Warm-up: loads the panel chunk and lets the JIT settle.
    for (let i = 0; i < 3; i++) {
      const el = await newPicker()
      await el.show()
      el.remove()
    }
    const open = []
    for (let i = 0; i < 30; i++) {
      const el = await newPicker()
      await frame()
      const t0 = performance.now()
      await el.show()
      el.shadowRoot.querySelector('.list').offsetHeight
      open.push(performance.now() - t0)
      el.remove()
      await frame()
    }

    // Keystrokes in an open picker.
    const el = await newPicker()
    await el.show()
    const input = el.shadowRoot.querySelector('input')
    const words = ['beijing', 'taizhou', 'shaanxi', "xi'an", 'hz', '杭州', 'guang', 'nanjing']
    const keys = []
    for (let i = 0, w = 0, c = 1; i < 200; i++) {
      input.value = words[w].slice(0, c)
      const t0 = performance.now()
      input.dispatchEvent(new Event('input'))
      await el.updateComplete
      el.shadowRoot.querySelector('.list').offsetHeight
      keys.push(performance.now() - t0)
      if (++c > words[w].length) [w, c] = [(w + 1) % words.length, 1]
      if (i % 10 === 9) await frame()
    }
    el.remove()

    // 24 cards.
    const card = (i) => ({
      id: String(i),
      slug: `a-${i}`,
      title: `托盘行业动态第 ${i} 期：塑料托盘循环共用的新进展`,
      excerpt: '塑料托盘租赁市场的最新变化，以及循环共用体系在各地的推进情况。',
      publishedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      author: '托盘网',
      views: 100 + i,
      category: { slug: 'industry', name: '行业新闻' },
      regions: [],
      cover: { url: `/c${i}.jpg`, width: 1200, height: 675, alt: '', sizes: { card: { url: `/c${i}-768.jpg`, width: 768, height: 432 } } },
    })
    const articles = Array.from({ length: 24 }, (_, i) => card(i))
    const cards = []
    for (let r = 0; r < 33; r++) {
      const box = document.createElement('div')
      box.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem'
      await frame()
      const t0 = performance.now()
      const els = articles.map((a) => {
        const c = document.createElement('article-card')
        c.article = a
        return c
      })
      box.append(...els)
      document.body.append(box)
      await Promise.all(els.map((c) => c.updateComplete))
      box.offsetHeight
      if (r >= 3) cards.push(performance.now() - t0)
      box.remove()
    }
    return { open: stats(open), keystroke: stats(keys), cards: stats(cards) }
  }, tree)
} finally {
  await browser.close()
  server.close()
}

// --- Report --------------------------------------------------------------------------------

const kb = (b) => `${(b / KB).toFixed(2)} kB`
const ms = (x) => `${x.toFixed(2)} ms`
const rows = [
  ['whole bundle gzip (entry + chunks)', kb(whole.gzip), kb(BUDGET.bundle), whole.gzip / BUDGET.bundle],
  ['entry widgets.js gzip', kb(entry.gzip), kb(BUDGET.bundle), entry.gzip / BUDGET.bundle],
  [`open picker, ${cityCount} cities: median`, ms(timings.open.median), ms(BUDGET.open), timings.open.median / BUDGET.open],
  [`open picker, ${cityCount} cities: p95`, ms(timings.open.p95), ms(BUDGET.open), timings.open.p95 / BUDGET.open],
  [`search keystroke: p95 (n=${timings.keystroke.n})`, ms(timings.keystroke.p95), ms(BUDGET.keystroke), timings.keystroke.p95 / BUDGET.keystroke],
  ['24 cards rendered: median', ms(timings.cards.median), ms(BUDGET.cards), timings.cards.median / BUDGET.cards],
  ['24 cards rendered: p95', ms(timings.cards.p95), ms(BUDGET.cards), timings.cards.p95 / BUDGET.cards],
]
const widths = [42, 12, 10]
console.log(`widget bench · ${files.length} files in dist/widgets/v1 · brotli whole ${kb(whole.brotli)}, entry ${kb(entry.brotli)}`)
console.log(['figure'.padEnd(widths[0]), 'value'.padStart(widths[1]), 'budget'.padStart(widths[2]), 'ratio'.padStart(7)].join('  '))
for (const [name, value, budget, ratio] of rows)
  console.log([name.padEnd(widths[0]), value.padStart(widths[1]), budget.padStart(widths[2]), ratio.toFixed(2).padStart(7), ratio > 1 ? ' OVER' : ''].join('  '))
const over = rows.filter((r) => r[3] > 1 && !r[0].startsWith('entry'))
process.exit(over.length ? 1 : 0)
