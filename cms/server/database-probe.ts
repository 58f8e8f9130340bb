import type { Payload } from 'payload'

export const PROBE_TIMEOUT_MS = 1_500
// A healthy answer is trusted briefly; a failed one longer, so an outage costs one probe per 5 s.
const REMEMBER_UP_MS = 1_000
const REMEMBER_DOWN_MS = 5_000

type Adapter = {
  pool?: { query: (sql: string) => Promise<unknown> }
  client?: { execute: (sql: string) => Promise<unknown> }
  connection?: { db?: { admin: () => { ping: () => Promise<unknown> } } }
}

export interface DatabaseProbe {
  /** One trivial round trip through Payload's own pool, with a short timeout. */
  isUp: () => Promise<boolean>
  /** True while a recent probe found the database down (no new probe). */
  knownDown: () => boolean
}

/** "Is the database answering right now?" — asked only after a 5xx, so a healthy server never pays for it. */
export const createDatabaseProbe = (payload: Payload, timeoutMs = PROBE_TIMEOUT_MS): DatabaseProbe => {
  const db = payload.db as unknown as Adapter
  const ping = (): Promise<unknown> => {
    if (db.pool) return db.pool.query('SELECT 1')
    if (db.client?.execute) return db.client.execute('SELECT 1')
    if (db.connection?.db) return db.connection.db.admin().ping()
    return Promise.resolve()
  }
  let last: { at: number; up: Promise<boolean>; result?: boolean } | undefined
  const fresh = () => last && Date.now() - last.at < (last.result === false ? REMEMBER_DOWN_MS : REMEMBER_UP_MS)
  return {
    knownDown: () => Boolean(fresh() && last!.result === false),
    isUp: () => {
      if (fresh()) return last!.up
      const entry: NonNullable<typeof last> = {
        at: Date.now(),
        up: new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), timeoutMs)
          timer.unref()
          ping().then(
            () => resolve(true),
            () => resolve(false),
          ).finally(() => clearTimeout(timer))
        }),
      }
      entry.up.then((result) => {
        entry.result = result
        // Remembered from when the answer came, not from when it was asked.
        entry.at = Date.now()
      })
      last = entry
      return entry.up
    },
  }
}
