/**
 * The miss path in one process (`npx tsx bench/cold-path.ts`; a few minutes, never part of the tests): seeds
 * SQLite with BENCH_SMALL, then BENCH_ARTICLES, then BENCH_LARGE articles and measures, per request, the CPU time and
 * the sequential rate of (a) the SQL builders, (b) the Local API reference builders and (c) stock Payload REST
 * (Payload's own router via handleEndpoints, no Next) for the same list (category+region, 12), one article and the
 * region tree. Every answer is built from scratch (no response cache); JSON serialisation is included each way.
 * "Whole miss" is the public handler itself with the response cache off (PUBLIC_API_CACHE=off): parameter parsing,
 * the SQL path, JSON, ETag and brotli as bench/api.ts asks for it (Accept-Encoding: gzip, deflate, br) — all the
 * server CPU of a miss but the HTTP parsing and socket write.
 *
 * Run: `NODE_OPTIONS=--conditions=production npx tsx bench/cold-path.ts`.
 *
 * Env: BENCH_SECONDS (3 per case), BENCH_SMALL (1000), BENCH_ARTICLES (10000), BENCH_LARGE (100000; 0 skips it).
 */
import { randomBytes } from 'node:crypto'
import { handleEndpoints } from 'payload'
import { stringify } from 'qs-esm'
import { measureSequential, type SequentialCost } from './sequential-cpu'

(process.env as Record<string, string>).NODE_ENV = 'production'
// Read by payload.config.ts as it loads: the handler below computes every answer.
process.env.PUBLIC_API_CACHE = 'off'
// The bench makes its own database, so it makes its secret too (an explicit one still wins).
process.env.PAYLOAD_SECRET ||= randomBytes(32).toString('hex')
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const SECONDS = env('BENCH_SECONDS', 3)
const SIZES = [env('BENCH_SMALL', 1_000), env('BENCH_ARTICLES', 10_000), env('BENCH_LARGE', 100_000)].filter(Boolean)

const measure = (fn: () => Promise<unknown>) => measureSequential(fn, SECONDS)

const main = async () => {
  const { createBenchDatabase } = await import('./bench-database')
  const { runtimeOf } = await import('../cms/plugin')
  const fast = {
    list: (await import('../cms/plugin/queries/article-list')).buildArticleList,
    detail: (await import('../cms/plugin/queries/article-detail')).buildArticleDetail,
    tree: (await import('../cms/plugin/queries/region-tree')).buildRegionTree,
  }
  const ref = {
    list: (await import('../cms/plugin/queries/reference/article-list')).buildArticleList,
    detail: (await import('../cms/plugin/queries/reference/article-detail')).buildArticleDetail,
    tree: (await import('../cms/plugin/queries/reference/region-tree')).buildRegionTree,
  }
  const { buildListWhere } = await import('../cms/plugin/queries/article-list')
  const { sqlReaderOf } = await import('../cms/plugin/queries/sql/sql-reader')
  const db = await createBenchDatabase()
  const { payload } = db
  const options = runtimeOf(payload).options
  const params = { category: 'industry', region: '330100', sort: '-publishedAt' as const, page: 1, limit: 12, locale: 'zh' as const }
  const rest = async (path: string) => {
    const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost/api${path}`) })
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
    return response.arrayBuffer()
  }
  const { publicApi } = runtimeOf(payload)
  /** The public handler's answer to GET /api/news{path}, as a browser asks (compressed). */
  const miss = async (path: string, query = '') => {
    const reply = await publicApi.handle(payload, {
      method: 'GET',
      path,
      query: new URLSearchParams(query),
      header: (name) => (name.toLowerCase() === 'accept-encoding' ? 'gzip, deflate, br' : undefined),
      body: async () => Buffer.alloc(0),
      client: '127.0.0.1',
      url: `/api/news${path}${query ? `?${query}` : ''}`,
      user: async () => null,
    })
    if (reply.status !== 200) throw new Error(`${path}?${query}: ${reply.status}`)
    return reply.body
  }
  const row = (name: string, ours: SequentialCost, whole: SequentialCost, reference: SequentialCost, stock: SequentialCost) =>
    console.log(
      `| ${name} | ${ours.rate.toFixed(0)} | ${ours.cpuMs.toFixed(2)} | ${whole.cpuMs.toFixed(2)} | ${reference.rate.toFixed(0)} | ${stock.rate.toFixed(0)} | ${stock.cpuMs.toFixed(2)} | ${(ours.rate / stock.rate).toFixed(1)}× | ${(stock.cpuMs / whole.cpuMs).toFixed(1)}× |`,
    )
  let seeded = 0
  for (const size of SIZES) {
    await db.addArticles(size - seeded)
    seeded = size
    // Statistics as the plugin refreshes them on start (sqlite-read-tuning.ts).
    await (payload.db as unknown as { client: { execute: (s: string) => Promise<unknown> } }).client.execute('ANALYZE')
    // …and the SQL path's own connection reopened to see them (as the plugin does after its ANALYZE).
    sqlReaderOf(payload)?.refresh()
    console.log(`\n${size.toLocaleString('en')} articles — req/s sequential in one process; CPU ms per request\n`)
    console.log('| answer | SQL path req/s | SQL CPU ms | whole miss CPU ms | reference req/s | stock REST req/s | stock CPU ms | SQL ÷ stock (rate) | stock ÷ whole miss (CPU) |')
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    const where = await buildListWhere(payload, options, params)
    const stockList = `/articles${stringify({ where, sort: '-publishedAt,-id', depth: 1, limit: 12, page: 1, locale: 'zh' }, { addQueryPrefix: true })}`
    row(
      'list (category+region, 12)',
      await measure(async () => JSON.stringify(await fast.list(payload, options, params))),
      await measure(() => miss('/articles', `category=${params.category}&region=${params.region}`)),
      await measure(async () => JSON.stringify(await ref.list(payload, options, params))),
      await measure(() => rest(stockList)),
    )
    if (size !== SIZES[1]) continue
    const first = (await fast.list(payload, options, params)).docs[0]!
    row(
      'one article',
      await measure(async () => JSON.stringify(await fast.detail(payload, options, first.slug, 'zh'))),
      await measure(() => miss(`/articles/${first.slug}`)),
      await measure(async () => JSON.stringify(await ref.detail(payload, options, first.slug, 'zh'))),
      await measure(() => rest(`/articles/${first.id}?depth=1&locale=zh`)),
    )
    const pages = Math.ceil((await payload.count({ collection: 'regions' })).totalDocs / 100)
    row(
      `region tree (stock: ${pages} pages of 100)`,
      await measure(async () => JSON.stringify(await fast.tree(payload, options, 'zh'))),
      await measure(() => miss('/regions')),
      await measure(async () => JSON.stringify(await ref.tree(payload, options, 'zh'))),
      await measure(async () => {
        for (let p = 1; p <= pages; p++) await rest(`/regions?limit=100&page=${p}&depth=0&locale=zh`)
      }),
    )
  }
  await db.close()
  db.remove()
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
