// `npm start`: builds when no build exists or the sources changed since it was made, then runs the compiled
// production server. On first start the server writes a random PAYLOAD_SECRET into the git-ignored
// .payload-secret (unless the environment sets one).
import { spawn, spawnSync } from 'node:child_process'
import { buildState } from './build-stamp.mjs'

const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
const state = buildState()

if (state !== 'current') {
  const why = state === 'missing' ? 'no production build yet' : 'the sources changed since the last build'
  console.log(`start: ${why}, building widgets, server and admin (about a minute)…`)
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// Lexical's development entry files use top-level await, which Node 20 sometimes abandons while loading (exit 13);
// the `production` condition selects its builds without it. Should it still happen, nothing has run: start again.
const UNSETTLED_TOP_LEVEL_AWAIT = 13
let attempts = 0
let server
const start = () => {
  attempts++
  const startedAt = Date.now()
  server = spawn(process.execPath, ['--enable-source-maps', '--conditions=production', 'dist/server/main.mjs', '--first-start'], { stdio: 'inherit', env })
  server.on('exit', (code, signal) => {
    if (code === UNSETTLED_TOP_LEVEL_AWAIT && attempts < 3 && Date.now() - startedAt < 60_000) {
      console.log('start: the server stopped while loading (exit 13); starting it again')
      return start()
    }
    process.exit(code ?? (signal ? 1 : 0))
  })
}
start()
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
