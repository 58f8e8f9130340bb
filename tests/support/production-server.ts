import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface RunningServer {
  url: string
  port: number
  process: ChildProcess
  /** Everything the server printed so far. */
  output: () => string
  stop: () => Promise<void>
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

export interface SeededServer extends RunningServer {
  /** The server's own temporary folder (its SQLite database is `cms.db` there); removed by `stop()`. */
  dir: string
}

/**
 * The production server on a fresh SQLite database of its own, seeded with the demo content and this admin (what
 * the end-to-end suites share); `stop()` also removes its folder.
 */
export const startSeededServer = async (name: string, admin: { email: string; password: string }): Promise<SeededServer> => {
  const dir = mkdtempSync(path.join(tmpdir(), `rn-${name}-`))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    const server = await startProductionServer({
      DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
      PAYLOAD_SECRET: `${name}-secret-${randomBytes(16).toString('hex')}`,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    })
    return { ...server, dir, stop: () => server.stop().then(remove) }
  } catch (error) {
    remove()
    throw error
  }
}

/**
 * Starts the production server (cms/demo/main.ts, NODE_ENV=production) as a child process, as `npm start`
 * does after building; resolves once it prints that it is ready.
 */
export const startProductionServer = (env: Record<string, string | undefined>, options: { timeoutMs?: number } = {}): Promise<RunningServer> =>
  startOnce(env, options)

const startOnce = async (env: Record<string, string | undefined>, { timeoutMs = 120_000 } = {}): Promise<RunningServer> => {
  const port = await freePort()
  let output = ''
  // Uploads go to a directory of this server's own, never into the checkout's data/media.
  const media = env.MEDIA_DIR || env.REGIONAL_NEWS_ROOT ? undefined : mkdtempSync(path.join(tmpdir(), 'rn-media-'))
  const child = spawn(process.execPath, ['--enable-source-maps', '--conditions=production', 'dist/server/main.mjs'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', HOST: '127.0.0.1', PORT: String(port), ...(media ? { MEDIA_DIR: media } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const removeMedia = () => {
    if (media) rmSync(media, { recursive: true, force: true })
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        removeMedia()
        return resolve()
      }
      child.once('exit', () => {
        removeMedia()
        resolve()
      })
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const check = () => {
      if (output.includes('regional news CMS ready')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(Object.assign(new Error(`server exited with ${code}:\n${output}`), { output, code }))
    })
  })
  return { url: `http://127.0.0.1:${port}`, port, process: child, output: () => output, stop }
}
