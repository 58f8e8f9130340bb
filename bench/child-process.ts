import { type ChildProcess, spawn } from 'node:child_process'

export interface Child {
  /** The process started (the group's leader). */
  pid: number
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts a command in its own process group and resolves once a line of its output matches `ready`
 * (with the match), so the whole group can be stopped afterwards.
 */
export const startChild = (
  command: string,
  args: string[],
  { env, ready, timeoutMs = 180_000 }: { env?: Record<string, string>; ready: RegExp; timeoutMs?: number },
): Promise<{ child: Child; match: RegExpExecArray }> =>
  new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    let exited = false
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (proc.pid) process.kill(-proc.pid, sig)
      } catch {
        // already gone
      }
    }
    const child: Child = {
      pid: proc.pid!,
      output: () => output,
      stop: () =>
        new Promise((done) => {
          if (exited) return done()
          const hard = setTimeout(() => signal('SIGKILL'), 10_000)
          proc.once('exit', () => {
            clearTimeout(hard)
            done()
          })
          signal('SIGTERM')
        }),
    }
    const timer = setTimeout(() => {
      signal('SIGKILL')
      reject(new Error(`${command} ${args.join(' ')} not ready within ${timeoutMs} ms:\n${output.slice(-3000)}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.length > 200_000) output = output.slice(-100_000)
      const match = ready.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, match })
      }
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', onData)
    proc.on('exit', (code) => {
      exited = true
      clearTimeout(timer)
      reject(new Error(`${command} exited (${code}) before ready:\n${output.slice(-3000)}`))
    })
  })
