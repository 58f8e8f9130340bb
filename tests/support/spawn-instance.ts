import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ControlCall } from './news-instance'

export interface Instance {
  origin: string
  /** Runs a Local API call inside the instance's process. */
  control: <T = any>(call: ControlCall) => Promise<T>
  /** True while the process is alive. */
  alive: () => boolean
  stop: () => Promise<void>
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Starts `tests/support/news-instance.ts` in its own Node process (own process group) on the given database. */
export const spawnInstance = (databaseUrl: string, env: Record<string, string> = {}, readyTimeoutMs = 90_000): Promise<Instance> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('npx', ['tsx', 'tests/support/news-instance.ts'], {
      cwd: root,
      // Lexical's Node entry points use top-level await that can stall module loading on Node 20 (exit 13);
      // its "production" export condition avoids them.
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=production`.trim() },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    let exited = false
    const timer = setTimeout(() => {
      stopGroup()
      reject(new Error(`instance not ready within ${readyTimeoutMs} ms:\n${output.slice(-4000)}`))
    }, readyTimeoutMs)
    const stopGroup = (signal: NodeJS.Signals = 'SIGTERM') => {
      try {
        if (child.pid) process.kill(-child.pid, signal)
      } catch {
        // already gone
      }
    }
    child.on('exit', (code) => {
      exited = true
      clearTimeout(timer)
      reject(new Error(`instance exited (${code}) before ready:\n${output.slice(-4000)}`))
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const ready = /READY (\d+)/.exec(output)
      if (!ready) return
      clearTimeout(timer)
      child.stdout!.removeAllListeners('data')
      child.stdout!.resume()
      const origin = `http://127.0.0.1:${ready[1]}`
      resolve({
        origin,
        alive: () => !exited,
        control: async (call) => {
          const response = await fetch(`${origin}/__control`, { method: 'POST', body: JSON.stringify(call) })
          const json = await response.json()
          if (!response.ok) throw new Error(`control ${call.op} failed: ${json?.error}`)
          return json
        },
        stop: () =>
          new Promise<void>((done) => {
            if (exited) return done()
            const hard = setTimeout(() => stopGroup('SIGKILL'), 10_000)
            child.once('exit', () => {
              clearTimeout(hard)
              done()
            })
            stopGroup()
          }),
      })
    })
  })
