/**
 * `npm start`: builds once when no build exists, then runs the production server (cms/server/main.ts) with
 * NODE_ENV=production. Rebuild after changing the code with `npm run build`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolveSecret } from '../cms/secret'

const built = existsSync('cms/.next/BUILD_ID') && existsSync('dist/widgets/v1/widgets.js')
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }

// First start: generate PAYLOAD_SECRET into the git-ignored .payload-secret unless the environment sets one.
resolveSecret(process.cwd(), { generate: true })

if (!built) {
  console.log('start: no production build yet, building widgets and admin (about a minute)…')
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawnSync(process.execPath, ['--import', 'tsx', 'cms/server/main.ts'], { stdio: 'inherit', env })
process.exit(server.status ?? 1)
