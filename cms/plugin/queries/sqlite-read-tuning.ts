import type { Payload } from 'payload'
import { sqlReaderOf } from './sql/sql-reader'

/**
 * SQLite settings the read path relies on. The planner chooses between indexes (walk a category by date, or start
 * from the tagged regions) by table statistics, which SQLite never gathers by itself; without them, or with the
 * sampled ones of `analysis_limit`, a list count visits every article of a category. So: a full ANALYZE at start
 * and again whenever the number of articles has changed by a fifth (checked every few minutes), and a page cache
 * large enough for the articles' index and table pages (the default 2 MB makes every random lookup a file read).
 */
const CHECK_INTERVAL_MS = 5 * 60_000
const REANALYZE_GROWTH = 0.2
const CACHE_KIB = 64 * 1024

interface SqliteAdapterLike {
  name?: string
  client?: { execute: (sql: string) => Promise<unknown> }
}

export interface SqliteReadTuning {
  /** Applies the page cache size and refreshes the statistics. */
  start: () => Promise<void>
  stop: () => void
}

/** Tuning for Payload on SQLite; undefined for other databases. */
export const sqliteReadTuning = (payload: Payload, articlesSlug: string): SqliteReadTuning | undefined => {
  const db = payload.db as unknown as SqliteAdapterLike
  if (db.name !== 'sqlite' || !db.client) return undefined
  const client = db.client
  let analyzedAt = -1
  let timer: NodeJS.Timeout | undefined

  const articleCount = async () =>
    (await payload.count({ collection: articlesSlug as never, overrideAccess: true })).totalDocs

  const analyze = async (count: number) => {
    await client.execute('PRAGMA analysis_limit=0')
    await client.execute('ANALYZE')
    analyzedAt = count
    // The read path's own connection plans with the statistics it loaded when opened.
    sqlReaderOf(payload)?.refresh()
  }

  const check = async () => {
    try {
      const count = await articleCount()
      if (Math.abs(count - analyzedAt) > Math.max(analyzedAt, 1) * REANALYZE_GROWTH) await analyze(count)
    } catch (error) {
      payload.logger.warn(`refreshing SQLite statistics failed: ${(error as Error).message}`)
    }
  }

  return {
    start: async () => {
      try {
        await client.execute(`PRAGMA cache_size=-${CACHE_KIB}`)
      } catch (error) {
        payload.logger.warn(`setting the SQLite page cache failed: ${(error as Error).message}`)
      }
      await check()
      timer = setInterval(() => void check(), CHECK_INTERVAL_MS)
      timer.unref()
    },
    stop: () => clearInterval(timer),
  }
}
