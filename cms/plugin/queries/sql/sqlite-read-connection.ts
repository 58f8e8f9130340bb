import { createRequire } from 'node:module'

/** A read-only SQLite connection of the read path's own, its statements prepared once per SQL text. */
export interface SqliteReadConnection {
  /** Row objects of a statement, run to completion. */
  all: (text: string, args: unknown[]) => unknown[]
  /** The first column of the first row (the whole row set to completion first, so no read snapshot stays open). */
  cell: (text: string, args: unknown[]) => unknown
  close: () => void
}

interface NativeStatement {
  raw: (on?: boolean) => NativeStatement
  all: (...args: unknown[]) => unknown[]
}
interface NativeDatabase {
  prepare: (text: string) => NativeStatement
  exec: (text: string) => void
  close: () => void
  inTransaction: boolean
}

// The page cache the read path's statements need (as sqlite-read-tuning.ts sets on the adapter's connection).
const CACHE_KIB = 64 * 1024
const BUSY_TIMEOUT_MS = 5_000

/** libsql's native binding, the one Payload's SQLite adapter itself opens files with (resolved through it). */
const nativeDatabase = (): (new (path: string) => NativeDatabase) | undefined => {
  try {
    const here = createRequire(import.meta.url)
    const client = createRequire(here.resolve('@payloadcms/db-sqlite')).resolve('@libsql/client')
    return createRequire(client)('libsql') as new (path: string) => NativeDatabase
  } catch {
    return undefined
  }
}

/**
 * Opens the database file of a `file:` URL a second time, for reads only. The adapter's client prepares every
 * statement afresh (about a quarter of a list miss); here each SQL text is prepared once and kept. It sees committed
 * rows only, which is what a public reader may see; a write on the adapter's connection is visible to the next
 * statement once committed (WAL). Undefined for in-memory or remote databases, or when libsql cannot be loaded.
 */
export const openSqliteReadConnection = (url: string | undefined): SqliteReadConnection | null => {
  if (!url?.startsWith('file:')) return null
  const file = url.slice('file:'.length)
  if (!file || file.includes(':memory:') || file.includes('?') || file.includes('mode=memory')) return null
  const Database = nativeDatabase()
  if (!Database) return null
  let db: NativeDatabase
  try {
    db = new Database(file)
    db.exec(`PRAGMA busy_timeout=${BUSY_TIMEOUT_MS}; PRAGMA cache_size=-${CACHE_KIB}; PRAGMA query_only=1`)
  } catch {
    return null
  }
  const prepared = new Map<string, NativeStatement>()
  const statement = (text: string, raw: boolean) => {
    const key = raw ? `raw:${text}` : text
    let found = prepared.get(key)
    if (!found) prepared.set(key, (found = raw ? db.prepare(text).raw(true) : db.prepare(text)))
    return found
  }
  return {
    all: (text, args) => statement(text, false).all(...args),
    cell: (text, args) => (statement(text, true).all(...args)[0] as unknown[] | undefined)?.[0],
    close: () => {
      prepared.clear()
      db.close()
    },
  }
}
