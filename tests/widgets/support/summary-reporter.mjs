import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Writes the run's pass/fail counts for scripts/run-tests.ts (WTR prints no plain summary line). */
export const summaryReporter = () => ({
  onTestRunFinished({ sessions }) {
    let passed = 0
    let failed = 0
    const walk = (suite) => {
      for (const test of suite?.tests ?? []) {
        if (test.skipped) continue
        if (test.passed) passed++
        else failed++
      }
      for (const child of suite?.suites ?? []) walk(child)
    }
    for (const session of sessions) {
      walk(session.testResults)
      // A test file that failed to load or threw outside a test has no results: count it once.
      if (!session.passed && (session.errors?.length ?? 0) > 0) failed++
    }
    const dir = process.env.TEST_RESULTS_DIR
    if (dir) {
      mkdirSync(dir, { recursive: true })
      writeFileSync(path.join(dir, 'wtr.json'), JSON.stringify({ passed, failed }))
    }
  },
})
