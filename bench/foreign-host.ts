/**
 * The front server in someone else's app (`npm run bench:foreign-host`; several minutes, never part of the tests).
 *
 * Generates, builds and starts the foreign host of tests/support/foreign-host.ts (the packed tarball, its own
 * config on a fresh PostgreSQL database, the README's server.ts; `npm run build:widgets && npm run build:package`
 * first), adds BENCH_ARTICLES (300) published articles through its REST API, then measures in the same run, at
 * BENCH_CONNECTIONS (20) for BENCH_SECONDS (10) after BENCH_WARMUP (2): its list endpoint on the front server
 * (warm cache) and the same page of the same list from its own stock Payload REST through Next. Bar: ≥ 50×.
 */
import { randomBytes } from 'node:crypto'
import { cpus } from 'node:os'
import pg from 'pg'
import { stringify } from 'qs-esm'
import { ADMIN, API, BASE_PATH, paragraph, startForeignHost } from '../tests/support/foreign-host'
import { load } from './load'

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)
const SECONDS = env('BENCH_SECONDS', 10)
const WARMUP = env('BENCH_WARMUP', 2)
const CONNECTIONS = env('BENCH_CONNECTIONS', 20)
const ARTICLES = env('BENCH_ARTICLES', 300)
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const CATEGORIES = ['harbour', 'rail', 'markets']
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const withAdmin = async (sql: string) => {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  await client.query(sql)
  await client.end()
}

const main = async () => {
  const name = `rn_bench_host_${randomBytes(4).toString('hex')}`
  await withAdmin(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const host = await startForeignHost({ databaseUrl: url.toString(), log: console.log })
  try {
    const { token } = (await host.rest('POST', '/staff/first-register', { ...ADMIN, roles: ['chief'] })) as { token: string }
    const categoryIds: number[] = []
    for (const slug of CATEGORIES) categoryIds.push(((await host.rest('POST', '/categories?locale=en', { name: slug, slug }, token)) as { doc: { id: number } }).doc.id)
    const started = Date.now()
    for (let n = 0; n < ARTICLES; n += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, ARTICLES - n) }, (_, i) =>
          host.rest('POST', '/articles?locale=en', { title: `Dispatch ${n + i}`, category: categoryIds[(n + i) % categoryIds.length], body: paragraph(`Report number ${n + i}.`), _status: 'published' }, token),
        ),
      )
    }
    console.log(`added ${ARTICLES} articles through the host's REST API in ${fmt((Date.now() - started) / 1000, 1)} s`)

    const ours = `${API}${BASE_PATH}/articles?category=${CATEGORIES[0]}&locale=en`
    const list = (await (await fetch(`${host.origin}${ours}`)).json()) as { docs: { id: number }[]; totalDocs: number }
    const where = { and: [{ category: { equals: categoryIds[0] } }, { _status: { equals: 'published' } }] }
    const stock = `${API}/articles${stringify({ where, sort: '-publishedAt,-id', depth: 1, limit: list.docs.length, page: 1, locale: 'en' }, { addQueryPrefix: true })}`
    const stockList = (await (await fetch(`${host.origin}${stock}`)).json()) as { docs: { id: number }[]; totalDocs: number }
    const ids = (docs: { id: number }[]) => docs.map((doc) => doc.id).join(',')
    if (ids(list.docs) !== ids(stockList.docs) || list.totalDocs !== stockList.totalDocs) {
      throw new Error(`stock REST and the front server disagree: ${ids(stockList.docs)} (${stockList.totalDocs}) vs ${ids(list.docs)} (${list.totalDocs})`)
    }
    console.log(`list: ${list.docs.length} of ${list.totalDocs}, identical ids and order both ways`)

    const options = { connections: CONNECTIONS, seconds: SECONDS, warmup: WARMUP, headers: { 'Accept-Encoding': 'gzip, deflate, br' } }
    const stockLoad = await load(host.origin, [stock], options)
    const oursLoad = await load(host.origin, [ours], options)
    const ratio = oursLoad.rps / stockLoad.rps
    console.log(
      [
        '',
        `Foreign host list (category, ${list.docs.length} of ${list.totalDocs}) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} CPUs, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s each`,
        '| path | req/s | p50 / p99 ms |',
        '| --- | --- | --- |',
        `| stock REST \`${API}/articles?where…\` (through Next) | ${fmt(stockLoad.rps)} | ${stockLoad.p50} / ${stockLoad.p99} |`,
        `| front server \`${API}${BASE_PATH}/articles\` (warm) | ${fmt(oursLoad.rps)} | ${oursLoad.p50} / ${oursLoad.p99} |`,
        '',
        `front server / stock REST: ${fmt(ratio, 1)}× (bar ≥ 50×: ${ratio >= 50 ? 'met' : 'NOT met'})`,
      ].join('\n'),
    )
  } finally {
    await host.stop()
    await withAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
