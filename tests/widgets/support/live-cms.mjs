import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

/**
 * Starts the real CMS (production build, fresh seeded SQLite database) for the widgets' live-data tests and
 * returns its URL; '' when no build exists (the live tests then use the fixture API and say so).
 */
export async function startLiveCms() {
  if (!existsSync('cms/.next/BUILD_ID') || !existsSync('dist/server/main.mjs')) {
    console.warn('widgets: no production build (npm run build): live-data tests use the fixture API')
    return ''
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce()
    } catch (error) {
      // Node 20 sometimes exits 13 while loading a module graph with top-level await, before running anything.
      if (error.code !== 13 || attempt >= 3) throw error
      console.warn('widgets: CMS exited with 13 while loading; starting it again')
    }
  }
}

async function startOnce() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rn-wtr-'))
  const port = await freePort()
  let output = ''
  const child = spawn(process.execPath, ['--enable-source-maps', '--conditions=production', 'dist/server/main.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_SECRET: 'widget-tests-secret-0123456789abcdef',
      ADMIN_EMAIL: 'widgets@example.com',
      ADMIN_PASSWORD: 'Widget-tests-123',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const cleanup = () => {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', cleanup)
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1))
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CMS not ready:\n${output}`)), 180_000)
    const onData = (chunk) => {
      output += chunk
      if (output.includes('regional news CMS ready')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(Object.assign(new Error(`CMS exited with ${code}:\n${output}`), { code }))
    })
  })
  console.log(`widgets: live-data tests against the real CMS at http://127.0.0.1:${port}`)
  return `http://127.0.0.1:${port}`
}
