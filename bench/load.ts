import { createRequire } from 'node:module'

// autocannon ships no types; this is the slice of its programmatic API the benchmark uses.
interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
  '2xx': number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration: number
  timeout: number
  headers?: Record<string, string>
  requests?: { method: 'GET'; path: string; headers?: Record<string, string> }[]
}) => Promise<AutocannonResult>

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

export interface Load {
  /** Units per second: requests per second divided by the requests a unit takes. */
  rps: number
  /** Per-request latency, ms. */
  p50: number
  p99: number
  /** Requests that failed or took longer than the timeout (60 s). */
  failed: number
}

/**
 * Drives `origin` with `connections` concurrent keep-alive connections for `seconds` after a short warm-up. A unit is
 * one request per path, in order (several when stock REST needs pages to return what the public path returns at once).
 */
export const load = async (
  origin: string,
  paths: string[],
  { connections, seconds, warmup, headers = {} }: { connections: number; seconds: number; warmup: number; headers?: Record<string, string> },
): Promise<Load> => {
  const run = (duration: number) =>
    autocannon({
      url: `${origin}${paths[0]}`,
      connections,
      duration,
      timeout: 60,
      headers,
      requests: paths.map((path) => ({ method: 'GET', path, headers })),
    })
  if (warmup > 0) await run(warmup)
  const result = await run(seconds)
  if (result.non2xx > 0) throw new Error(`${origin}${paths[0]}: ${result.non2xx} non-2xx responses`)
  return { rps: result.requests.average / paths.length, p50: result.latency.p50, p99: result.latency.p99, failed: result.errors + result.timeouts }
}
