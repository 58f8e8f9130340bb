import type { ResponseCache } from '../cache/response-cache'
import type { ConcurrencyLimit } from './concurrency-limit'

// Miss latency buckets in seconds (Prometheus convention).
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** A latency histogram of miss computations. */
export const createMissStats = () => {
  const counts = new Array<number>(BUCKETS.length).fill(0)
  let count = 0
  let sumSeconds = 0
  return {
    observe(ms: number) {
      const seconds = ms / 1000
      count++
      sumSeconds += seconds
      for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) counts[i]!++
    },
    get snapshot() {
      return { counts, count, sumSeconds }
    },
  }
}

export type MissStats = ReturnType<typeof createMissStats>

const PREFIX = 'regional_news'

/** The cache's and the miss path's figures in Prometheus' text exposition format (version 0.0.4). */
export const metricsText = (cache: ResponseCache, misses: MissStats, computing: ConcurrencyLimit): string => {
  const lines: string[] = []
  const metric = (name: string, type: 'counter' | 'gauge', help: string, value: number) =>
    lines.push(`# HELP ${PREFIX}_${name} ${help}`, `# TYPE ${PREFIX}_${name} ${type}`, `${PREFIX}_${name} ${value}`)
  const { stats } = cache
  metric('cache_hits_total', 'counter', 'Public responses answered from the cache.', stats.hits)
  metric('cache_stale_hits_total', 'counter', 'Responses past their time to live served while one request refreshed them.', stats.staleHits)
  metric('cache_misses_total', 'counter', 'Public responses computed from the database.', stats.misses)
  metric('cache_invalidations_total', 'counter', 'Invalidations (edits, notices from other instances, full drops).', stats.invalidations)
  metric('cache_invalidated_entries_total', 'counter', 'Entries removed by invalidations.', stats.invalidatedEntries)
  metric('cache_evictions_total', 'counter', 'Entries evicted to stay within the memory budget.', stats.evictions)
  metric('cache_entries', 'gauge', 'Entries in the cache.', cache.size)
  metric('cache_bytes', 'gauge', 'Bytes held by cached bodies and their compressed forms.', cache.bytes)
  metric('cache_max_bytes', 'gauge', 'The cache memory budget.', cache.limits.maxBytes)
  metric('misses_running', 'gauge', 'Miss computations running now.', computing.running)
  metric('misses_queued', 'gauge', 'Miss computations waiting for a slot.', computing.queued)
  const { counts, count, sumSeconds } = misses.snapshot
  const name = `${PREFIX}_miss_duration_seconds`
  lines.push(`# HELP ${name} Time to compute a public response on a miss.`, `# TYPE ${name} histogram`)
  BUCKETS.forEach((bound, i) => lines.push(`${name}_bucket{le="${bound}"} ${counts[i]}`))
  lines.push(`${name}_bucket{le="+Inf"} ${count}`, `${name}_sum ${sumSeconds.toFixed(6)}`, `${name}_count ${count}`)
  return `${lines.join('\n')}\n`
}
