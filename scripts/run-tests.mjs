/**
 * `npm test`: every suite, in order — CMS (vitest: SQLite, PostgreSQL, MongoDB — the server MONGODB_URL names, else an
 * in-process wire-compatible stand-in — and the end-to-end suites against the production build), then the widgets in
 * Chromium (web test runner) — and one closing line `N passed, N failed` summing them all.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { buildState } from './build-stamp.mjs'

const results = path.resolve('.test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TEST_RESULTS_DIR: results }

const run = (label, command, args) => {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const { status } = spawnSync(command, args, { stdio: 'inherit', env })
  console.log(`━━ ${label} finished in ${Math.round((Date.now() - started) / 1000)} s (exit ${status})`)
  return status ?? 1
}

// Browser suites drive Debian's Chromium (no browser download): install it when missing and we may.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    run('install chromium', 'sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'])
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`)
  }
}

// The feed tests check well-formedness with libxml2's xmllint (Debian: libxml2-utils).
if (spawnSync('sh', ['-c', 'command -v xmllint']).status !== 0 && process.getuid?.() === 0) {
  run('install xmllint', 'sh', ['-c', 'apt-get install -y -qq libxml2-utils || (apt-get update -qq && apt-get install -y -qq libxml2-utils)'])
}

let passed = 0
let failed = 0
let broken = 0

// The browser and end-to-end suites test what users get: the built bundle and the production server.
if (buildState() !== 'current' || process.env.CI || process.argv.includes('--build')) {
  if (run('build', 'npm', ['run', 'build']) !== 0) broken++
}

const vitestJson = path.join(results, 'vitest.json')
const vitestExit = run('CMS suites (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  // A file that failed outside its tests (a failing beforeAll skips them all) has no failed test: count the file.
  failed += (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length
  if (vitestExit !== 0 && failed === 0) broken++
} else if (vitestExit !== 0) broken++

const wtrJson = path.join(results, 'wtr.json')
const wtrExit = run('widget suites (web test runner, Chromium)', 'npx', ['wtr', '--config', 'web-test-runner.config.mjs'])
if (existsSync(wtrJson)) {
  const report = JSON.parse(readFileSync(wtrJson, 'utf8'))
  passed += report.passed
  failed += report.failed
  if (wtrExit !== 0 && report.failed === 0) broken++
} else if (wtrExit !== 0) broken++

failed += broken
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
