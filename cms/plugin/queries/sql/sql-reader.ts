import type { Payload } from 'payload'
import { type SQL, sql } from 'drizzle-orm'

export type Dialect = 'sqlite' | 'postgres'

/** Raw rows through the adapter's current Drizzle instance (read per call: a reconnect replaces it), and its table names: all the SQL read path needs. */
export interface SqlReader {
  dialect: Dialect
  /**
   * The rows of `query`. Given its column names, SQLite returns them as one JSON text (json_group_array over the
   * query, in its order): libsql's driver spends microseconds per returned cell, far more than SQLite's own work.
   */
  rows: <T = Record<string, unknown>>(query: SQL, columns?: readonly string[]) => Promise<T[]>
  /** The quoted table of a collection slug plus a Payload suffix ('', '_locales', '_rels', '_credits'…). */
  table: (slug: string, suffix?: string) => SQL
}

interface DrizzleAdapterLike {
  name?: string
  drizzle?: { all?: (q: SQL) => Promise<unknown[]>; execute?: (q: SQL) => Promise<{ rows: unknown[] }> }
  tables?: Record<string, unknown>
  tableNameMap?: Map<string, string>
}

// Payload's default table name for a slug (to-snake-case): "article-views" → "article_views".
const snake = (slug: string) => slug.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()

const readers = new WeakMap<object, SqlReader | null>()

/** The SQL reader for this Payload, or null when its adapter is not one of Payload's Drizzle adapters. */
export const sqlReaderOf = (payload: Payload): SqlReader | null => {
  const db = payload.db as unknown as DrizzleAdapterLike
  const known = readers.get(db)
  if (known !== undefined) return known
  let reader: SqlReader | null = null
  if ((db.name === 'sqlite' || db.name === 'postgres') && db.drizzle && db.tables && db.tableNameMap) {
    const tables = db.tables
    const names = db.tableNameMap
    const table = (slug: string, suffix = '') => {
      const base = names.get(snake(slug)) ?? snake(slug)
      const name = `${base}${suffix}`
      if (!tables[name]) throw new Error(`No table ${name}`)
      return sql`${sql.identifier(name)}`
    }
    const all = async <T>(q: SQL) => (await db.drizzle!.all!(q)) as T[]
    reader =
      db.name === 'sqlite'
        ? {
            dialect: 'sqlite',
            table,
            rows: async <T>(q: SQL, columns?: readonly string[]) => {
              // json_object takes at most SQLITE_MAX_FUNCTION_ARG (127) arguments.
              if (!columns || columns.length > 60) return all<T>(q)
              const pairs = sql.join(columns.map((c) => sql`${c}, q.${sql.identifier(c)}`), sql`, `)
              const [row] = await all<{ j: string }>(sql`SELECT json_group_array(json_object(${pairs})) AS j FROM (${q}) q`)
              return JSON.parse(row?.j ?? '[]') as T[]
            },
          }
        : { dialect: 'postgres', table, rows: async <T>(q: SQL) => (await db.drizzle!.execute!(q)).rows as T[] }
  }
  readers.set(db, reader)
  return reader
}
