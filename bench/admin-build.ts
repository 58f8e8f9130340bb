/**
 * What the newsroom admin components cost (issue 12's budgets): `next build` time, and the JavaScript an admin page
 * loads first, with the plugin's `adminComponents` on (the default) and off (`ADMIN_COMPONENTS=off`: Payload's stock
 * field, no dashboard, no embed builder, no province filter), in the same run.
 *
 *   npm run bench:admin      (needs `npm run build:widgets build:server` once; builds the admin twice, ~10 min)
 *
 * For each setting: regenerate the import map, `next build cms` from an empty cms/.next (wall clock and CPU time of
 * the build's processes), start the production server on a fresh seeded SQLite database, log in in Chromium and
 * load each admin page; every script it loads until the network is idle is counted at its gzip size (zlib level 6,
 * what Next's compression sends). The chart library (uPlot), fetched only where a chart is drawn, is shown apart
 * and not counted. Off first, then on: the checkout is left with the ordinary build and its own import map.
 * Budgets: build +15 s at most; +60 kB gzip at most on any page. Exit 1 when one is exceeded.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { adminPage } from '../tests/support/admin-session'
import { launchChromium } from '../tests/support/chromium'
import { startProductionServer } from '../tests/support/production-server'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const IMPORT_MAP = path.join(root, 'cms/app/(payload)/admin/importMap.js')
const BUDGET = { buildSeconds: 15, firstLoadGzip: 60_000 }
const ADMIN = { email: 'bench-admin@example.com', password: 'Bench-admin-pass-123' }
/** The pages an editor opens; the embed builder exists only with the components on. */
const PAGES = ['/admin', '/admin/collections/articles/create', '/admin/collections/regions', '/admin/embed']

type Setting = 'off' | 'on'
interface BuildFigures {
  wall: number
  cpu: number
}
interface PageFigures {
  scripts: number
  gzip: number
  chartGzip: number
}

const envFor = (setting: Setting) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...(setting === 'off' ? { ADMIN_COMPONENTS: 'off' } : {}) })

const run = (setting: Setting, command: string[]) => {
  // GNU time: wall seconds, then user and system CPU seconds of the command and every process it waited for.
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', ...command], { cwd: root, env: envFor(setting), encoding: 'utf8', maxBuffer: 64 << 20 })
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed (${setting}):\n${result.stdout}\n${result.stderr}`)
  const [wall, user, sys] = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(result.stderr)!.slice(1).map(Number) as [number, number, number]
  return { wall, cpu: user + sys }
}

const build = (setting: Setting): BuildFigures => {
  run(setting, ['npm', 'run', 'generate:importmap'])
  rmSync(path.join(root, 'cms/.next'), { recursive: true, force: true })
  return run(setting, ['npm', 'run', 'build:cms'])
}

/** uPlot's own chunk: the chart library, fetched only by the chart. */
const isChartLibrary = (source: string) => source.includes('uplot') && source.includes('u-over')

const measurePages = async (setting: Setting): Promise<Map<string, PageFigures>> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rn-bench-admin-'))
  const server = await startProductionServer(
    { DATABASE_URL: `file:${path.join(dir, 'cms.db')}`, PAYLOAD_SECRET: 'bench-admin-secret-0123456789abcdef01234', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...(setting === 'off' ? { ADMIN_COMPONENTS: 'off' } : {}) },
    { timeoutMs: 240_000 },
  )
  const browser = await launchChromium()
  const figures = new Map<string, PageFigures>()
  try {
    const { page } = await adminPage(browser, server, ADMIN)
    const state = await page.context().storageState()
    await page.context().close()
    for (const pathname of PAGES) {
      // A fresh context per page: nothing cached from the page before, as on a first visit.
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 }, storageState: state })
      const tab = await context.newPage()
      const bodies: Promise<Buffer | undefined>[] = []
      tab.on('response', (response) => {
        if (response.request().resourceType() === 'script' && response.ok()) bodies.push(response.body().catch(() => undefined))
      })
      const response = await tab.goto(`${server.url}${pathname}`, { waitUntil: 'networkidle', timeout: 120_000 })
      if (response?.ok()) {
        const figure: PageFigures = { scripts: 0, gzip: 0, chartGzip: 0 }
        for (const body of await Promise.all(bodies)) {
          if (!body) continue
          const gzip = gzipSync(body, { level: 6 }).length
          if (isChartLibrary(body.toString('utf8'))) figure.chartGzip += gzip
          else {
            figure.scripts += 1
            figure.gzip += gzip
          }
        }
        figures.set(pathname, figure)
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return figures
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`
const s = (n: number) => `${n.toFixed(1)} s`

const original = readFileSync(IMPORT_MAP, 'utf8')
const restore = () => writeFileSync(IMPORT_MAP, original)
process.on('SIGINT', () => {
  restore()
  process.exit(130)
})

const builds = {} as Record<Setting, BuildFigures>
const pages = {} as Record<Setting, Map<string, PageFigures>>
try {
  for (const setting of ['off', 'on'] as const) {
    console.log(`adminComponents ${setting}: building…`)
    builds[setting] = build(setting)
    console.log(`  next build ${s(builds[setting].wall)} wall, ${s(builds[setting].cpu)} CPU; measuring pages…`)
    pages[setting] = await measurePages(setting)
  }
} finally {
  restore()
}

console.log('\n| next build | off | on | on − off | on / off |\n| --- | ---: | ---: | ---: | ---: |')
for (const key of ['wall', 'cpu'] as const)
  console.log(`| ${key === 'wall' ? 'wall clock' : 'CPU (user + sys)'} | ${s(builds.off[key])} | ${s(builds.on[key])} | ${s(builds.on[key] - builds.off[key])} | ${(builds.on[key] / builds.off[key]).toFixed(2)}× |`)

console.log('\n| page (JS loaded first, gzip) | off | on | on − off | chart library (not counted) |\n| --- | ---: | ---: | ---: | ---: |')
let worstGzip = 0
for (const pathname of PAGES) {
  const off = pages.off.get(pathname)
  const on = pages.on.get(pathname)
  if (!on) continue
  const delta = on.gzip - (off?.gzip ?? 0)
  if (off) worstGzip = Math.max(worstGzip, delta)
  console.log(`| ${pathname} | ${off ? `${kB(off.gzip)} (${off.scripts} files)` : 'no such page'} | ${kB(on.gzip)} (${on.scripts} files) | ${off ? `+${kB(delta)}` : '—'} | ${on.chartGzip ? kB(on.chartGzip) : '—'} |`)
}

const buildDelta = builds.on.wall - builds.off.wall
const cpuDelta = builds.on.cpu - builds.off.cpu
console.log(`\nbudgets: next build +${s(buildDelta)} wall (+${s(cpuDelta)} CPU) of ${BUDGET.buildSeconds} s; first-load JS +${kB(worstGzip)} of ${kB(BUDGET.firstLoadGzip)} (worst page present in both)`)
// The wall clock of a shared machine also counts other processes: the CPU delta is the steadier figure.
if (Math.min(buildDelta, cpuDelta) > BUDGET.buildSeconds || worstGzip > BUDGET.firstLoadGzip) process.exitCode = 1
