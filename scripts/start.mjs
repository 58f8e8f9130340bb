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

// The "production" condition gives Lexical's plain builds, not its Node entry whose top-level await can leave
// the module graph unsettled on Node 20 (see scripts/lexical-entry.mjs).
const server = spawn(process.execPath, ['--enable-source-maps', '--conditions=production', 'dist/server/main.mjs', '--first-start'], { stdio: 'inherit', env })
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
