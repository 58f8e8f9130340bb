/**
 * Public read path benchmark (`npx tsx bench/api.ts`; several minutes, never part of the tests).
 *
 * Seeds 10,000 articles in bulk into a fresh SQLite database, starts the production server (cms/demo/main.ts,
 * needs `next build cms`, built here when missing) and measures at 20 connections the same result set three ways:
 * stock Payload REST (through Next), the public path (lean server, cached), and plain node:http replaying the
 * public path's exact bytes — for the list by category+region, one article and the region tree. Then the list
 * with the response cache off at 1,000 and at 100,000 articles. Prints a table and writes bench/results/api.md.
 *
 * Env: BENCH_SECONDS (10), BENCH_WARMUP (2), BENCH_CONNECTIONS (20), BENCH_ARTICLES (10000),
 * BENCH_SMALL (1000), BENCH_LARGE (100000), BENCH_ENCODING (the Accept-Encoding sent, as a browser does:
 * "gzip, deflate, br"; "identity" for uncompressed bodies).
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { stringify } from 'qs-esm'
import type { Child } from './child-process'
import type { Load } from './load'
import type { Recording } from './replay-server'

// Before Payload loads: the seeding process uses the committed migrations, as the production server does.
(process.env as Record<string, string>).NODE_ENV = 'production'
// The bench makes its own databases, so it makes their secret too: random per run (an explicit one still wins).
// Set before payload.config loads, which resolves the secret as it is imported.
process.env.PAYLOAD_SECRET ||= randomBytes(32).toString('hex')

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const env = (name: string, fallback: number) => Number(process.env[name] || fallback)
const SECONDS = env('BENCH_SECONDS', 10)
const WARMUP = env('BENCH_WARMUP', 2)
const CONNECTIONS = env('BENCH_CONNECTIONS', 20)
const ARTICLES = env('BENCH_ARTICLES', 10_000)
const SMALL = env('BENCH_SMALL', 1_000)
const LARGE = env('BENCH_LARGE', 100_000)
const ENCODING = process.env.BENCH_ENCODING || 'gzip, deflate, br'
const REQUEST_HEADERS = { 'Accept-Encoding': ENCODING }
const CATEGORY = 'industry'
const REGION = '330100'
// Lexical's Node entry points use top-level await that can deadlock module loading on Node 20; its "production"
// export condition avoids them.
const NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --conditions=production`.trim()

const STORM_SECONDS = env('BENCH_STORM_SECONDS', 30)
const STORM_QUERIES = 500

const log = (line: string) => console.log(line)

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/** GET with the raw response (status, headers as sent, bytes): fetch would decode and normalize. */
const rawGet = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; rawHeaders: string[]; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
const json = async (url: string) => {
  const reply = await rawGet(url)
  if (reply.status !== 200) throw new Error(`${url}: ${reply.status} ${reply.body.toString().slice(0, 300)}`)
  return JSON.parse(reply.body.toString('utf8'))
}

const ensureBuild = () => {
  if (existsSync(path.join(root, 'cms/.next/BUILD_ID'))) return
  log('no Next build found: running `next build cms` …')
  const build = spawnSync('npx', ['next', 'build', 'cms'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS } })
  if (build.status !== 0) throw new Error('next build failed')
}

const startServer = async (databaseUrl: string, extraEnv: Record<string, string> = {}) => {
  const { startChild } = await import('./child-process')
  const port = await freePort()
  const { child } = await startChild('npx', ['tsx', 'cms/demo/main.ts'], {
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_ON_EMPTY: 'false',
      PAYLOAD_SECRET: (await import('./bench-database')).benchSecret(),
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS,
      ...extraEnv,
    },
    ready: /regional news CMS ready/,
  })
  return { child, origin: `http://127.0.0.1:${port}` }
}

const startReplay = async (recording: Recording) => {
  const { startChild } = await import('./child-process')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'regional-news-replay-')), 'recording.json')
  writeFileSync(file, JSON.stringify(recording))
  const { child, match } = await startChild('npx', ['tsx', 'bench/replay-server.ts', file], { ready: /READY (\d+)/, env: { NODE_OPTIONS } })
  return { child, origin: `http://127.0.0.1:${match[1]}` }
}

/** What the replay server must send for `path`: the public path's status, headers (minus per-connection ones) and bytes. */
const record = async (origin: string, paths: string[]): Promise<Recording> => {
  const perConnection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])
  const recording: Recording = {}
  for (const p of paths) {
    const { status, rawHeaders, body } = await rawGet(`${origin}${p}`, REQUEST_HEADERS)
    const headers: string[] = []
    for (let i = 0; i < rawHeaders.length; i += 2) {
      if (!perConnection.has(rawHeaders[i]!.toLowerCase())) headers.push(rawHeaders[i]!, rawHeaders[i + 1]!)
    }
    recording[p] = { status, headers, body: body.toString('base64') }
  }
  return recording
}

interface Row {
  name: string
  stock: Load
  ours: Load
  plain: Load
  /** Bytes of one result as sent (all pages for stock REST). */
  stockBytes: number
  oursBytes: number
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
/** Numbers for the closing lines: no thousands separators. */
const plain = (n: number, digits: number) => n.toFixed(digits)
const ms = (l: Load) => `${fmt(l.p50, 1)} / ${fmt(l.p99, 1)}`

/** Equal-length runs as one: mean rate and median, worst p99. */
const combine = (runs: Load[]): Load => ({
  rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
  p50: runs.reduce((sum, r) => sum + r.p50, 0) / runs.length,
  p99: Math.max(...runs.map((r) => r.p99)),
  failed: runs.reduce((sum, r) => sum + r.failed, 0),
})

/** A note for any measurement where requests failed or timed out (they count as not served). */
const failures = (rows: Row[], uncached: { articles: number; load: Load; single: Load }[]) => {
  const notes = [
    ...rows.flatMap((r) => (['stock', 'ours', 'plain'] as const).flatMap((k) => (r[k].failed ? [`${r.name}, ${k}: ${r[k].failed} requests failed or timed out`] : []))),
    ...uncached.flatMap((u) => (u.load.failed + u.single.failed ? [`uncached list at ${fmt(u.articles)}: ${u.load.failed + u.single.failed} requests failed or timed out`] : [])),
  ]
  return notes.length ? ['', ...notes.map((n) => `Note: ${n}.`)] : []
}

const main = async () => {
  const started = Date.now()
  ensureBuild()
  const { load } = await import('./load')
  const measure = (origin: string, paths: string[], connections = CONNECTIONS, seconds = SECONDS) =>
    load(origin, paths, { connections, seconds, warmup: WARMUP, headers: REQUEST_HEADERS })
  const { createBenchDatabase } = await import('./bench-database')
  const { buildListWhere } = await import('../cms/plugin/queries/article-list')
  const { runtimeOf } = await import('../cms/plugin')

  // 1. Fresh database, 10,000 articles in bulk.
  const db = await createBenchDatabase()
  const seedSeconds = await db.addArticles(ARTICLES)
  log(`seeded ${fmt(ARTICLES)} articles in ${fmt(seedSeconds, 2)} s (${fmt(ARTICLES / seedSeconds)} articles/s) into ${db.url}`)
  const where = await buildListWhere(db.payload, runtimeOf(db.payload).options, { category: CATEGORY, region: REGION })
  // The publish storm publishes through the server's REST API, as an editor would.
  const editor = { email: 'bench-editor@example.com', password: `bench-${Math.random().toString(36).slice(2)}-password` }
  await db.payload.create({ collection: 'users', data: { ...editor, roles: ['editor'] } as never, overrideAccess: true })
  // 500 distinct list queries, as readers spread them: every tab × hot and other cities × pages.
  const regionCodes = (await db.payload.find({ collection: 'regions', pagination: false, depth: 0, overrideAccess: true, select: { code: true } as never })).docs.map(
    (r) => (r as unknown as { code: string }).code,
  )
  const stormPaths: string[] = []
  for (let i = 0; stormPaths.length < STORM_QUERIES; i++) {
    const tab = ['', 'industry', 'policy', 'enterprise', 'market', 'technology'][i % 6]
    const region = regionCodes[(i * 7) % regionCodes.length]!
    const page = 1 + (Math.floor(i / 6) % 3)
    stormPaths.push(`/api/news/articles?${tab ? `category=${tab}&` : ''}region=${region}&page=${page}`)
  }
  const categoryIds = db.categoryIds
  await db.close()

  // 2. Production server; the three URLs each way.
  const server = await startServer(db.url)
  let replay: { child: Child; origin: string } | undefined
  const rows: Row[] = []
  const uncachedCases: { name: string; load: Load; stock: Load }[] = []
  let stormResult: { calm: Load; storm: Load; published: number; publishFailures: number } | undefined
  const treeSize = { regions: 0, gzip: 0, br: 0 }
  try {
    const newList = `/api/news/articles?category=${CATEGORY}&region=${REGION}`
    const list = await json(`${server.origin}${newList}`)
    const first = list.docs[0]
    const stockList = `/api/articles${stringify({ where, sort: '-publishedAt,-id', depth: 1, limit: 12, page: 1, locale: 'zh' }, { addQueryPrefix: true })}`
    const stock = await json(`${server.origin}${stockList}`)
    const ids = (docs: { id: unknown }[]) => docs.map((d) => String(d.id)).join(',')
    if (ids(stock.docs) !== ids(list.docs) || stock.totalDocs !== list.totalDocs) {
      throw new Error(`stock REST and the public path disagree:\n${ids(stock.docs)} (${stock.totalDocs})\n${ids(list.docs)} (${list.totalDocs})`)
    }
    log(`list: ${list.docs.length} of ${fmt(list.totalDocs)} matching articles, identical ids and order both ways`)
    // Stock REST caps `limit` at 100 (cms/server/rest-params.ts): the whole region list takes several pages.
    const regionPage = (page: number) => `/api/regions?limit=100&page=${page}&depth=0&locale=zh`
    const firstPage = await json(`${server.origin}${regionPage(1)}`)
    const regionPages = Array.from({ length: firstPage.totalPages as number }, (_, i) => regionPage(i + 1))
    const tree = await json(`${server.origin}/api/news/regions`)
    const treeCount = tree.provinces.reduce((n: number, p: { cities?: unknown[] }) => n + 1 + (p.cities?.length ?? 0), 0)
    if (firstPage.totalDocs !== treeCount) throw new Error(`region tree has ${treeCount} regions, stock REST ${firstPage.totalDocs}`)
    const cases: { name: string; stock: string[]; ours: string }[] = [
      { name: 'list (category+region, 12)', stock: [stockList], ours: newList },
      { name: 'one article', stock: [`/api/articles/${first.id}?depth=1&locale=zh`], ours: `/api/news/articles/${first.slug}` },
      { name: `region tree (${treeCount}; stock: ${regionPages.length} pages)`, stock: regionPages, ours: '/api/news/regions' },
    ]
    replay = await startReplay(await record(server.origin, cases.map((c) => c.ours)))
    // What a browser downloads for the region picker, per encoding (budget: 8 kB gzip).
    treeSize.regions = treeCount
    treeSize.gzip = (await rawGet(`${server.origin}/api/news/regions?locale=zh`, { 'accept-encoding': 'gzip' })).body.length
    treeSize.br = (await rawGet(`${server.origin}/api/news/regions?locale=zh`, { 'accept-encoding': 'br' })).body.length

    const bytes = async (paths: string[]) => {
      let total = 0
      for (const p of paths) total += (await rawGet(`${server.origin}${p}`, REQUEST_HEADERS)).body.length
      return total
    }
    for (const c of cases) {
      log(`measuring ${c.name} …`)
      const [stockBytes, oursBytes] = [await bytes(c.stock), await bytes([c.ours])]
      const stockLoad = await measure(server.origin, c.stock)
      // New and plain alternate in two halves, so a change in background load hits both alike.
      const halves: [Load, Load][] = []
      for (let round = 0; round < 2; round++) {
        halves.push([await measure(server.origin, [c.ours], CONNECTIONS, SECONDS / 2), await measure(replay.origin, [c.ours], CONNECTIONS, SECONDS / 2)])
      }
      const oursLoad = combine(halves.map((h) => h[0]))
      const plainLoad = combine(halves.map((h) => h[1]))
      rows.push({ name: c.name, stock: stockLoad, ours: oursLoad, plain: plainLoad, stockBytes, oursBytes })
      log(`  stock ${fmt(stockLoad.rps)} req/s · new ${fmt(oursLoad.rps)} req/s · plain ${fmt(plainLoad.rps)} req/s`)
    }
    // 2b. Publish storm: the same server, 500 distinct list queries, with and without an article published every second.
    log('publish storm: 500 distinct list queries, without publishing …')
    // load() counts a unit as one request per path; here every request counts.
    const perRequest = (l: Load): Load => ({ ...l, rps: l.rps * stormPaths.length })
    const calm = perRequest(await measure(server.origin, stormPaths, CONNECTIONS, STORM_SECONDS))
    log(`  ${fmt(calm.rps)} req/s, p99 ${fmt(calm.p99)} ms`)
    const login = await fetch(`${server.origin}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(editor) })
    const { token } = (await login.json()) as { token: string }
    let published = 0
    let publishFailures = 0
    const publisher = setInterval(() => {
      const n = published++
      fetch(`${server.origin}/api/articles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify({ title: `风暴新闻 ${n}`, slug: `storm-${Date.now()}-${n}`, category: categoryIds[n % categoryIds.length], publishedAt: new Date().toISOString(), _status: 'published' }),
      })
        .then((r) => (r.status < 300 ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
        .catch(() => publishFailures++)
    }, 1_000)
    log('publish storm: the same, while an article is published every second …')
    let storm: Load
    try {
      storm = perRequest(await measure(server.origin, stormPaths, CONNECTIONS, STORM_SECONDS))
    } finally {
      clearInterval(publisher)
    }
    log(`  ${fmt(storm.rps)} req/s, p99 ${fmt(storm.p99)} ms, ${published} published (${publishFailures} failed)`)
    stormResult = { calm, storm, published, publishFailures }

    // 2c. The same three answers with the response cache off, against stock REST from the same run.
    const off = await startServer(db.url, { PUBLIC_API_CACHE: 'off' })
    try {
      for (const c of cases) {
        log(`measuring uncached ${c.name} …`)
        const load = await measure(off.origin, [c.ours])
        uncachedCases.push({ name: c.name, load, stock: rows.find((r) => r.name === c.name)!.stock })
        log(`  uncached ${fmt(load.rps)} req/s vs stock ${fmt(uncachedCases.at(-1)!.stock.rps)}`)
      }
    } finally {
      await off.child.stop()
    }
  } finally {
    await replay?.child.stop()
    await server.child.stop()
    db.remove()
  }

  // 3. The list with the response cache off, at 1,000 and at 100,000 articles.
  // At 20 connections (as above) and at 1 (the latency of a single request, without queueing).
  const uncached: { articles: number; load: Load; single: Load; seedSeconds: number }[] = []
  const growing = await createBenchDatabase()
  try {
    let total = 0
    for (const target of [SMALL, LARGE]) {
      const seconds = await growing.addArticles(target - total)
      total = target
      log(`uncached: ${fmt(total)} articles (added in ${fmt(seconds, 2)} s)`)
      const off = await startServer(growing.url, { PUBLIC_API_CACHE: 'off' })
      try {
        const listPath = `/api/news/articles?category=${CATEGORY}&region=${REGION}`
        const check = await json(`${off.origin}${listPath}`)
        log(`  list: ${fmt(check.totalDocs)} matching articles`)
        const single = await measure(off.origin, [listPath], 1)
        uncached.push({ articles: total, load: await measure(off.origin, [listPath]), single, seedSeconds: seconds })
      } finally {
        await off.child.stop()
      }
    }
  } finally {
    await growing.close()
    growing.remove()
  }

  // 4. Report.
  const minRatio = Math.min(...rows.map((r) => r.ours.rps / r.stock.rps))
  const [small, large] = uncached
  const lines = [
    `Public read path vs stock Payload REST — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}`,
    `SQLite, ${fmt(ARTICLES)} articles (bulk seed ${fmt(seedSeconds, 2)} s), production server (lean server + Next), autocannon ${CONNECTIONS} connections × ${SECONDS} s after ${WARMUP} s warm-up, Accept-Encoding: ${ENCODING}.`,
    'req/s counts whole results (stock REST region tree: all its pages); latencies are per HTTP request. New and plain run alternately in two halves (mean rate, mean p50, worst p99).',
    '',
    '| case | stock REST req/s | new req/s | plain node:http req/s | new / stock | new / plain | p50 / p99 ms stock | p50 / p99 ms new | p50 / p99 ms plain | bytes stock / new |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| ${r.name} | ${fmt(r.stock.rps)} | ${fmt(r.ours.rps)} | ${fmt(r.plain.rps)} | ${fmt(r.ours.rps / r.stock.rps, 1)}× | ${fmt((100 * r.ours.rps) / r.plain.rps)}% | ${ms(r.stock)} | ${ms(r.ours)} | ${ms(r.plain)} | ${fmt(r.stockBytes)} / ${fmt(r.oursBytes)} |`,
    ),
    '',
    `| list, response cache off | req/s (${CONNECTIONS} conn.) | p50 / p99 ms (${CONNECTIONS} conn.) | req/s (1 conn.) | p50 / p99 ms (1 conn.) |`,
    '|---|---:|---:|---:|---:|',
    ...uncached.map((u) => `| ${fmt(u.articles)} articles | ${fmt(u.load.rps)} | ${ms(u.load)} | ${fmt(u.single.rps)} | ${ms(u.single)} |`),
    ...(small && large
      ? [
          `| ${fmt(large.articles)} ÷ ${fmt(small.articles)} | ${fmt(large.load.rps / small.load.rps, 2)}× | ${fmt(large.load.p50 / small.load.p50, 2)}× / ${fmt(large.load.p99 / small.load.p99, 2)}× | ${fmt(large.single.rps / small.single.rps, 2)}× | ${fmt(large.single.p50 / small.single.p50, 2)}× / ${fmt(large.single.p99 / small.single.p99, 2)}× |`,
        ]
      : []),
    ...failures(rows, uncached),
    '',
    `region tree response (${treeSize.regions} regions, zh): ${fmt(treeSize.gzip)} bytes gzip (budget 8,000), ${fmt(treeSize.br)} bytes brotli${treeSize.gzip > 8000 ? ' — OVER BUDGET' : ''}`,
    '',
    '',
    `| uncached (response cache off), ${fmt(ARTICLES)} articles | req/s | p50 / p99 ms | stock REST req/s | uncached / stock |`,
    '|---|---:|---:|---:|---:|',
    ...uncachedCases.map((u) => `| ${u.name} | ${fmt(u.load.rps)} | ${ms(u.load)} | ${fmt(u.stock.rps)} | ${fmt(u.load.rps / u.stock.rps, 1)}× |`),
    '',
    ...(stormResult
      ? [
          `| publish storm (${STORM_QUERIES} distinct lists, ${CONNECTIONS} conn., ${STORM_SECONDS} s) | req/s | p50 / p99 ms |`,
          '|---|---:|---:|',
          `| no publishing | ${fmt(stormResult.calm.rps)} | ${ms(stormResult.calm)} |`,
          `| one article published per second (${stormResult.published} published, ${stormResult.publishFailures} failed) | ${fmt(stormResult.storm.rps)} | ${ms(stormResult.storm)} |`,
          `| with / without publishing | ${fmt((100 * stormResult.storm.rps) / stormResult.calm.rps)}% | |`,
          '',
        ]
      : []),
    `min ratio vs stock REST: ${plain(minRatio, 1)}×`,
    ...['list', 'article', 'region tree'].map((what, i) => {
      const u = uncachedCases[i]
      return `uncached ${what} vs stock REST: ${u ? plain(u.load.rps / u.stock.rps, 1) : 'n/a'}×`
    }),
    `publish storm p99: ${stormResult ? plain(stormResult.storm.p99, 0) : 'n/a'} ms`,
  ]
  const table = lines.join('\n')
  writeFileSync(path.join(root, 'bench/results/api.md'), `${table}\n`)
  log(`done in ${fmt((Date.now() - started) / 1000)} s; table written to bench/results/api.md\n`)
  console.log(table)
  process.exit(0)
}

if (!process.execArgv.includes('--conditions=production')) {
  // Re-run under the "production" condition (see NODE_OPTIONS above): this process loads Payload too.
  const rerun = spawnSync(process.execPath, [...process.execArgv, '--conditions=production', ...process.argv.slice(1)], { stdio: 'inherit' })
  process.exit(rerun.status ?? 1)
} else {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
