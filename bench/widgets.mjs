#!/usr/bin/env node
/**
 * Widget budgets: bundle size (gzip) and interaction timings in Chromium.
 * Builds nothing: run `npx vite build` first. Reads dist/widgets/v1 (or WIDGETS_DIST), serves it on 127.0.0.1 and measures:
 *   - gzip size of the whole self-contained bundle (entry + chunks) and of the entry alone as the CMS serves them
 *     (the build's Zopfli files), budget 20 kB; widgets-hydrate.js (the bundle for server-rendered pages) the same
 *     way, budget 21 kB; brotli and plain zlib -9 for reference;
 *   - opening a fresh picker holding every city (median, p95 over 30 runs), budget 16 ms;
 *   - a search keystroke in the open picker (p95 over 200 keystrokes), budget 4 ms;
 *   - rendering 24 article cards (median, p95 over 30 runs), budget 16 ms, with covers the page has not loaded
 *     yet (a list of new articles: lazy images start loading after the frame and arrive MEDIA_RTT_MS later); for information also with
 *     covers already loaded in this page (then the browser wires each image up synchronously).
 * Each timing is the main-thread work the change costs before it is on screen: the script part (including
 * microtasks and any layout it forces) plus the rendering of the next frame (style, layout, paint, commit),
 * leaving out the idle wait for that frame. A forced reflow alone would miss work the browser defers to the
 * frame (e.g. `content-visibility: auto`) and paint. Every run gets fresh data objects, as a fetch would,
 * so caches keyed on the data cannot flatter repeated runs. Next to each wall-clock figure (what the budgets
 * are for) it prints the main-thread CPU time of the same windows, from a trace: on a loaded machine the
 * wall clock also counts the time other processes held the CPU. It also prints which fonts drew the text.
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), WIDGETS_DIST. Exit code 1 when a budget is exceeded: the bundle,
 * the keystroke at p95, opening the picker and the cards at the median (their p95 is printed as their tail).
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'
import { chromium } from 'playwright-core'
import { regionTree } from '../tests/widgets/support/api-fixture-plugin.mjs'

const DIST = path.resolve(process.env.WIDGETS_DIST ?? 'dist/widgets/v1')
const KB = 1000
const BUDGET = { bundle: 20 * KB, hydrate: 21 * KB, open: 16, keystroke: 4, cards: 16 }
/** Round trip to the media server; a nearby CDN's is 20–50 ms. */
const MEDIA_RTT_MS = 40

if (!fs.existsSync(path.join(DIST, 'widgets.js'))) {
  console.error(`${path.relative('.', DIST)}/widgets.js is missing: run \`npx vite build\` first.`)
  process.exit(2)
}

// --- Sizes ---------------------------------------------------------------------------------

const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => f.endsWith('.js'))
/** Bytes the CMS sends: the build's precompressed file when it decodes to the script (as the server checks), else zlib's best. */
const served = (f, ext, decode, encode) => {
  const body = fs.readFileSync(path.join(DIST, f))
  const stored = path.join(DIST, `${f}.${ext}`)
  if (fs.existsSync(stored) && decode(fs.readFileSync(stored)).equals(body)) return fs.statSync(stored).size
  return encode(body).length
}
const gz = (f) => served(f, 'gz', zlib.gunzipSync, (b) => zlib.gzipSync(b, { level: 9 }))
const br = (f) => served(f, 'br', zlib.brotliDecompressSync, (b) => zlib.brotliCompressSync(b))
const zlibGz = (f) => zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length
const entry = { gzip: gz('widgets.js'), brotli: br('widgets.js') }
/** The bundle for server-rendered pages (Lit's hydration support + the elements), self-contained too. */
const HYDRATE = 'widgets-hydrate.js'
const hydrate = files.includes(HYDRATE) ? { gzip: gz(HYDRATE), brotli: br(HYDRATE) } : undefined
const whole = files.filter((f) => f !== HYDRATE).reduce((s, f) => ({ gzip: s.gzip + gz(f), brotli: s.brotli + br(f), zlib: s.zlib + zlibGz(f) }), { gzip: 0, brotli: 0, zlib: 0 })

// --- Timings -------------------------------------------------------------------------------

const tree = regionTree('zh')
const cityCount = tree.provinces.reduce((n, p) => n + (p.cities?.length || 1), 0)

// A real photo-sized JPEG for the covers (a 404 would skip decoding), with detail so it is not trivial to decode.
const W = 768, H = 432
const pixels = Buffer.alloc(W * H * 3)
for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251 ^ ((i / (W * 3)) & 0xff)
const cover = await sharp(pixels, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 80 }).toBuffer()

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    return res.end('<!doctype html><html lang="zh-CN"><body><script type="module" src="/widgets/v1/widgets.js"></script></body></html>')
  }
  if (url.pathname.startsWith('/media/')) {
    // A cover comes over the network: at least a round trip away. Without it, 24 loopback responses
    // (3.9 MB) would be read on the main thread inside the very frame that first shows the cards.
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'max-age=3600' })
      res.end(cover)
    }, MEDIA_RTT_MS)
    return
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
let timings, fonts
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('pageerror', (e) => console.error('page error:', e))
  await page.goto(origin)
  await page.waitForFunction(() => ['region-picker', 'article-list', 'article-card', 'article-view'].every((t) => customElements.get(t)))
  const cdp = await page.context().newCDPSession(page)

  // Main-thread CPU time of each measured window, from a trace: on a shared machine the wall time also counts
  // the time other processes had the CPU, which no change to the widgets affects.
  const events = []
  cdp.on('Tracing.dataCollected', (e) => {
    for (const x of e.value) if (x.ph === 'X' || x.cat === 'blink.user_timing') events.push(x)
  })
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: ['toplevel', 'blink.user_timing'] },
  })

  await page.evaluate(() => {
    /** Resolves after the next frame has been rendered, with the time that rendering took. */
    window.frame = (id) =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const t = performance.now()
          if (id) performance.mark(`f:${id}`)
          // Runs after this frame's style, layout, paint and commit (same task as the rAF callbacks), and
          // ahead of lower-priority work such as image responses.
          const done = () => {
            if (id) performance.mark(`e:${id}`)
            resolve(performance.now() - t)
          }
          if (globalThis.scheduler?.postTask) scheduler.postTask(done, { priority: 'user-blocking' })
          else {
            const ch = new MessageChannel()
            ch.port1.onmessage = done
            ch.port2.postMessage(0)
          }
        }),
      )
    let seq = 0
    /** Script time of `work` plus the rendering of the frame that shows its result; starts from a settled frame. */
    window.measure = async (work) => {
      await frame()
      const id = seq++
      performance.mark(`s:${id}`)
      const t0 = performance.now()
      await work()
      const script = performance.now() - t0
      performance.mark(`m:${id}`)
      const render = await frame(id)
      return { id, script, render, total: script + render }
    }
    window.collect = () => ({ total: [], script: [], render: [], ids: [] })
    window.add = (acc, m) => {
      for (const k of ['total', 'script', 'render']) acc[k].push(m[k])
      acc.ids.push(m.id)
    }
  })

  // Picker with every city: a fresh element and a fresh copy of the tree each run; inline, so no network is timed.
  const picker = await page.evaluate(async (tree) => {
    const newPicker = async () => {
      const el = document.createElement('region-picker')
      el.setAttribute('no-remember', '')
      el.regions = structuredClone(tree)
      document.body.append(el)
      await el.data.taskComplete
      await el.updateComplete
      return el
    }
    // Warm-up: lets the JIT settle.
    for (let i = 0; i < 3; i++) {
      const el = await newPicker()
      await el.show()
      await frame()
      el.remove()
    }
    const open = collect()
    for (let i = 0; i < 30; i++) {
      const el = await newPicker()
      add(open, await measure(() => el.show()))
      el.remove()
    }

    // Keystrokes in an open picker, each shown before the next.
    const el = await newPicker()
    await el.show()
    const input = el.shadowRoot.querySelector('input')
    const words = ['beijing', 'taizhou', 'shaanxi', "xi'an", 'hz', '杭州', 'guang', 'nanjing']
    const keystroke = collect()
    const type = async (value) => {
      input.value = value
      input.dispatchEvent(new Event('input'))
      await el.updateComplete
    }
    for (let i = 0, w = 0, c = 1; i < 200; i++) {
      const value = words[w].slice(0, c)
      add(keystroke, await measure(() => type(value)))
      if (++c > words[w].length) [w, c] = [(w + 1) % words.length, 1]
    }
    await type('')
    await frame()
    window.fontProbe = el.shadowRoot.querySelector('.all [role=option]')
    return { open, keystroke }
  }, tree)
  fonts = { option: await fontsOf(cdp) }
  await page.evaluate(() => document.querySelector('region-picker').remove())

  // 24 cards, as a list response would bring them (fresh objects each run).
  const cards = await page.evaluate(async () => {
    const card = (i, set) => ({
      id: String(i),
      slug: `a-${i}`,
      title: `托盘行业动态第 ${i} 期：塑料托盘循环共用的新进展`,
      excerpt: '塑料托盘租赁市场的最新变化，以及循环共用体系在各地的推进情况。',
      publishedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      author: '托盘网',
      views: 100 + i,
      category: { slug: 'industry', name: '行业新闻' },
      regions: [],
      cover: { url: `/media/${set}/c${i}.jpg`, width: 1200, height: 675, alt: '', sizes: { card: { url: `/media/${set}/c${i}-768.jpg`, width: 768, height: 432 } } },
    })
    const fresh = { ...collect(), then: [] }
    const cached = collect()
    let syncDecode = 0
    for (let r = 0; r < 66; r++) {
      // Alternating: new cover URLs, then the first run's covers again (loaded by then).
      const isFresh = r % 2 === 0
      const articles = Array.from({ length: 24 }, (_, i) => card(i, isFresh ? `r${r}` : 'r0'))
      const box = document.createElement('div')
      box.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem'
      const m = await measure(async () => {
        const els = articles.map((a) => {
          const c = document.createElement('article-card')
          c.article = a
          return c
        })
        box.append(...els)
        document.body.append(box)
        await Promise.all(els.map((c) => c.updateComplete))
      })
      if (r >= 6) add(isFresh ? fresh : cached, m)
      // The covers' requests start just after that frame: timed too (CPU only: the wall clock there is
      // mostly the wait for the next frame), so what the first frame leaves out is still on the record.
      const started = () => [...box.children].every((c) => c.shadowRoot.querySelector('img')?.hasAttribute('src'))
      while (!started()) await new Promise((res) => setTimeout(res, 1))
      await frame()
      performance.mark(`t:${m.id}`)
      if (r >= 6 && isFresh) fresh.then.push(m.id)
      for (const c of box.children) for (const img of c.shadowRoot.querySelectorAll('img')) if (img.decoding !== 'async') syncDecode++
      if (r === 65) window.fontProbe = box.firstElementChild.shadowRoot.querySelector('h3')
      else {
        // Lets the first run's covers finish loading, so the "cached" runs find them in the page.
        if (r === 0) await new Promise((res) => setTimeout(res, 300))
        box.remove()
      }
    }
    return { fresh, cached, syncDecode }
  })
  fonts.title = await fontsOf(cdp)

  await cdp.send('Tracing.end')
  await traced
  const cpu = cpuPerWindow(events)
  const summary = (acc) => ({
    ...stats(acc.total),
    script: stats(acc.script).median,
    render: stats(acc.render).median,
    cpu: stats(acc.ids.map((id) => cpu.get(String(id))).filter((x) => x !== undefined)),
  })
  timings = {
    open: summary(picker.open),
    keystroke: summary(picker.keystroke),
    cards: summary(cards.fresh),
    coversStart: stats(cards.fresh.then.map((id) => cpu.get(`then:${id}`)).filter((x) => x !== undefined)),
    cached: summary(cards.cached),
    syncDecode: cards.syncDecode,
  }
} finally {
  await browser.close()
  server.close()
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { median: q(0.5), p95: q(0.95), n: s.length }
}

/** Which fonts drew `window.fontProbe` (a machine without a CJK font draws boxes, which is faster). */
async function fontsOf(cdp) {
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  await cdp.send('DOM.getDocument', { depth: 0 })
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.fontProbe' })
  const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  return fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(', ') || 'none'
}

/**
 * Milliseconds of main-thread CPU in each measured window (script: s→m, frame: f→e), from the thread time
 * of the top-level trace events overlapping it (pro rata for the one a mark falls into).
 */
function cpuPerWindow(events) {
  const marks = new Map(events.filter((e) => e.cat === 'blink.user_timing' && /^[smfet]:\d+$/.test(e.name)).map((e) => [e.name, e]))
  const first = marks.get('s:0')
  const top = []
  let end = -1
  for (const e of events.filter((e) => e.ph === 'X' && e.pid === first.pid && e.tid === first.tid && e.dur > 0).sort((a, b) => a.ts - b.ts))
    if (e.ts >= end) top.push(e), (end = e.ts + e.dur)
  const out = new Map()
  for (const [name, s] of marks) {
    const id = name.slice(2)
    if (name[0] !== 's' || !['m', 'f', 'e'].every((k) => marks.has(`${k}:${id}`))) continue
    let us = 0
    for (const [a, b] of [[s.ts, marks.get(`m:${id}`).ts], [marks.get(`f:${id}`).ts, marks.get(`e:${id}`).ts]]) us += cpuIn(top, a, b)
    out.set(id, us / 1000)
    if (marks.has(`t:${id}`)) out.set(`then:${id}`, cpuIn(top, marks.get(`e:${id}`).ts, marks.get(`t:${id}`).ts) / 1000)
  }
  return out
}

/** Microseconds of thread time of the top-level events `top` between two trace timestamps. */
function cpuIn(top, a, b) {
  let us = 0
  for (const t of top) {
    const from = Math.max(a, t.ts)
    const to = Math.min(b, t.ts + t.dur)
    if (to > from) us += ((t.tdur ?? t.dur) * (to - from)) / t.dur
  }
  return us
}

// --- Report --------------------------------------------------------------------------------

const kb = (b) => `${(b / KB).toFixed(2)} kB`
const ms = (x) => `${x.toFixed(2)} ms`
const cpu = (t, q) => `${t.cpu[q].toFixed(2)} ms`
const cpuMs = (x) => `${x.toFixed(2)} ms`
const split = (t) => `script ${t.script.toFixed(1)} + frame ${t.render.toFixed(1)}`
const rows = [
  ['whole bundle gzip (entry + chunks)', kb(whole.gzip), '', kb(BUDGET.bundle), whole.gzip / BUDGET.bundle],
  ['entry widgets.js gzip', kb(entry.gzip), '', kb(BUDGET.bundle), entry.gzip / BUDGET.bundle],
  ...(hydrate ? [[`${HYDRATE} gzip (server-rendered pages)`, kb(hydrate.gzip), '', kb(BUDGET.hydrate), hydrate.gzip / BUDGET.hydrate, `${BUDGET.hydrate - hydrate.gzip} B under`]] : []),
  [`open picker, ${cityCount} cities: median`, ms(timings.open.median), cpu(timings.open, 'median'), ms(BUDGET.open), timings.open.median / BUDGET.open, split(timings.open)],
  [`(tail) open picker: p95`, ms(timings.open.p95), cpu(timings.open, 'p95'), '', timings.open.p95 / BUDGET.open, 'budget ratio, not judged'],
  [`search keystroke: p95 (n=${timings.keystroke.n})`, ms(timings.keystroke.p95), cpu(timings.keystroke, 'p95'), ms(BUDGET.keystroke), timings.keystroke.p95 / BUDGET.keystroke, split(timings.keystroke)],
  ['24 cards rendered: median', ms(timings.cards.median), cpu(timings.cards, 'median'), ms(BUDGET.cards), timings.cards.median / BUDGET.cards, split(timings.cards)],
  ['(tail) 24 cards rendered: p95', ms(timings.cards.p95), cpu(timings.cards, 'p95'), '', timings.cards.p95 / BUDGET.cards, 'budget ratio, not judged'],
  ['(info) then 24 covers start, next frame', '', cpuMs(timings.coversStart.median), '', NaN, 'median CPU; after the cards are on screen'],
  ['(info) 24 cards, covers loaded: median', ms(timings.cached.median), cpu(timings.cached, 'median'), '', NaN, split(timings.cached)],
]
const widths = [42, 10, 10, 10]
/**
 * The verdict follows the budgets as the issue words them: the keystroke at p95, the others typical (median).
 * The tails are printed beside them: on a 2-core machine the browser's own processes share the CPU.
 */
function judged(name) {
  return !name.startsWith('(') && !name.startsWith('entry')
}
console.log(
  `widget bench · ${path.relative('.', DIST) || DIST} · ${files.length} files · as served: brotli whole ${kb(whole.brotli)}, entry ${kb(entry.brotli)}${hydrate ? `, ${HYDRATE} ${kb(hydrate.brotli)}` : ''}` +
    ` · zlib -9 gzip whole ${kb(whole.zlib)}` +
    ` · load ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`,
)
console.log(`fonts: card title ${fonts.title} · picker option ${fonts.option}`)
if (timings.syncDecode) console.log(`note: ${timings.syncDecode} cover images not decoded asynchronously`)
console.log('timings: wall clock (what the budget is for) and main-thread CPU of the same windows; medians of script + frame wall time at the end')
console.log(
  ['figure'.padEnd(widths[0]), 'wall'.padStart(widths[1]), 'cpu'.padStart(widths[2]), 'budget'.padStart(widths[3]), 'ratio'.padStart(7)].join('  '),
)
for (const [name, value, cpuTime, budget, ratio, note] of rows)
  console.log(
    [
      name.padEnd(widths[0]),
      value.padStart(widths[1]),
      cpuTime.padStart(widths[2]),
      budget.padStart(widths[3]),
      (isNaN(ratio) ? '' : ratio.toFixed(2)).padStart(7),
      ratio > 1 && judged(name) ? ' OVER' : '     ',
      note ?? '',
    ]
      .join('  ')
      .trimEnd(),
  )
const over = rows.filter((r) => r[4] > 1 && judged(r[0]))
process.exit(over.length ? 1 : 0)
