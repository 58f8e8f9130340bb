// `npm start`: builds once when no build exists, then runs the compiled production server. On first start the
// server writes a random PAYLOAD_SECRET into the git-ignored .payload-secret (unless the environment sets one).
// Rebuild after changing the code with `npm run build`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
const built = ['cms/.next/BUILD_ID', 'dist/widgets/v1/widgets.js', 'dist/server/main.mjs'].every((file) => existsSync(file))

if (!built) {
  console.log('start: no production build yet, building widgets, server and admin (about a minute)…')
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
