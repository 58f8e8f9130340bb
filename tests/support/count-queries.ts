import type { Payload } from 'payload'
import { sqlReaderOf } from '../../cms/plugin/queries/sql/sql-reader'

/**
 * Counts the statements the database driver runs while `fn` runs: libsql's execute/batch on SQLite, the pool's
 * query on PostgreSQL, plus those of the SQL read path's own SQLite connection. Undefined for adapters without a
 * wrapped driver.
 */
export const countQueries = async <T>(payload: Payload, fn: () => Promise<T>): Promise<{ result: T; queries: number } | undefined> => {
  const db = payload.db as unknown as { name: string; client?: Record<string, unknown>; pool?: Record<string, unknown> }
  const target = db.name === 'sqlite' ? db.client : db.name === 'postgres' ? db.pool : undefined
  if (!target) return undefined
  const methods = db.name === 'sqlite' ? ['execute', 'batch'] : ['query']
  let queries = 0
  const reader = sqlReaderOf(payload)
  const ownBefore = reader?.ownStatements ?? 0
  const originals = methods.map((m) => [m, target[m]] as const)
  for (const [m, original] of originals) {
    target[m] = function (this: unknown, ...args: unknown[]) {
      queries++
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    }
  }
  try {
    const result = await fn()
    return { result, queries: queries + (reader?.ownStatements ?? 0) - ownBefore }
  } finally {
    for (const [m, original] of originals) target[m] = original
  }
}
