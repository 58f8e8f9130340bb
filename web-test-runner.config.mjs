import net from 'node:net'
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { playwrightLauncher } from '@web/test-runner-playwright'
import { defaultReporter } from '@web/test-runner'
import { apiFixtureMiddleware } from './tests/widgets/support/api-fixture-plugin.mjs'
import { ssrFixtureMiddleware } from './tests/widgets/support/ssr-fixture-plugin.mjs'
import { startLiveCms } from './tests/widgets/support/live-cms.mjs'
import { summaryReporter } from './tests/widgets/support/summary-reporter.mjs'

/** A local port nothing listens on: the "API is down" case (connection refused). */
async function closedPortUrl() {
  const server = net.createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

/**
 * What the tests see as `window.__TEST_ENV__`: CMS_URL switches the live-data tests from the
 * fixture API to a real CMS (which must allow this origin via CORS); broken-API tests always use the fixture.
 */
const env = { cmsUrl: process.env.CMS_URL || (await startLiveCms()), downUrl: await closedPortUrl() }

export default {
  rootDir: '.',
  files: ['tests/widgets/**/*.test.ts'],
  nodeResolve: true,
  // Two cores shared with other engineers.
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  // widgets/tsconfig.json: useDefineForClassFields false, like the Vite build.
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'widgets/tsconfig.json', target: 'es2022' })],
  // ssr-page renders pages with widgets/ssr in this (Node) process, from the fixture API's data.
  middleware: [apiFixtureMiddleware(), ssrFixtureMiddleware()],
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8"><script>window.__TEST_ENV__ = ${JSON.stringify(env)}</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
}
