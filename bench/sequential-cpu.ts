/** What one operation costs when run back to back in this process: operations per second and CPU ms per operation. */
export interface SequentialCost {
  rate: number
  cpuMs: number
}

/** Runs `fn` back to back for `seconds` after `warmup` untimed runs; CPU time is the whole process's. */
export const measureSequential = async (fn: () => Promise<unknown>, seconds: number, warmup = 20): Promise<SequentialCost> => {
  for (let i = 0; i < warmup; i++) await fn()
  const cpu = process.cpuUsage()
  const start = performance.now()
  let n = 0
  while (performance.now() - start < seconds * 1000) {
    await fn()
    n++
  }
  const elapsed = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  return { rate: n / elapsed, cpuMs: (used.user + used.system) / 1000 / n }
}
