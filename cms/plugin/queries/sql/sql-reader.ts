import type { Payload } from 'payload'
import { fillPlaceholders, type SQL, sql } from 'drizzle-orm'
import { openSqliteReadConnection, type SqliteReadConnection } from './sqlite-read-connection'

export type Dialect = 'sqlite' | 'postgres'

/** Values for a statement's placeholders (`sql.placeholder(name)`), by name. */
export type Values = Record<string, unknown>

/**
 * Raw rows of reusable statements, and the adapter's table names: all the SQL read path needs. A statement is built
 * once per shape (`key`): every value that varies between requests is a `sql.placeholder(name)`, so its SQL text is
 * made once and the statement prepared once (SQLite: on the reader's own connection; PostgreSQL: a named statement
 * the server plans once per connection) instead of Drizzle building and the driver preparing it on every request.
 */
export interface SqlReader {
  dialect: Dialect
  /**
   * The rows of the statement shaped `key` with these values. Given its column names, SQLite returns them as one
   * JSON text (json_group_array over the query, in its order): libsql spends microseconds per returned cell, far
   * more than SQLite's own work.
   */
  query: <T = Record<string, unknown>>(key: string, build: () => SQL, values?: Values, columns?: readonly string[]) => Promise<T[]>
  /** The quoted table of a collection slug plus a Payload suffix ('', '_locales', '_rels', '_credits'…). */
  table: (slug: string, suffix?: string) => SQL
  /**
   * SQLite: reopens the reader's own connection on its next statement. A connection keeps the table statistics it
   * loaded when it opened, so the planner sees a later ANALYZE (sqlite-read-tuning.ts) only through a new one.
   */
  refresh: () => void
  /** Statements run on the reader's own SQLite connection, which the driver's own counters do not see (tests count them). */
  readonly ownStatements: number
}

interface DrizzleAdapterLike {
  name?: string
  drizzle?: { dialect?: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } } }
  tables?: Record<string, unknown>
  tableNameMap?: Map<string, string>
  client?: { execute: (stmt: { sql: string; args: unknown[] }) => Promise<{ rows: unknown[] }> }
  clientConfig?: { url?: string }
  pool?: { query: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }> }
  destroy?: (...args: unknown[]) => Promise<unknown>
}

interface Shape {
  text: string
  params: unknown[]
  /** SQLite: the answer is one JSON text (see `query`). */
  json: boolean
  /** PostgreSQL: the statement's name on the server. */
  name: string
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
  const dialect = db.drizzle?.dialect
  if ((db.name === 'sqlite' || db.name === 'postgres') && dialect && db.tables && db.tableNameMap) {
    const tables = db.tables
    const names = db.tableNameMap
    const table = (slug: string, suffix = '') => {
      const base = names.get(snake(slug)) ?? snake(slug)
      const name = `${base}${suffix}`
      if (!tables[name]) throw new Error(`No table ${name}`)
      return sql`${sql.identifier(name)}`
    }
    const shapes = new Map<string, Shape>()
    const shapeOf = (key: string, build: () => SQL, columns?: readonly string[]): Shape => {
      let shape = shapes.get(key)
      if (shape) return shape
      let q = build()
      // json_object takes at most SQLITE_MAX_FUNCTION_ARG (127) arguments.
      const json = db.name === 'sqlite' && !!columns && columns.length <= 60
      if (json) q = sql`SELECT json_group_array(json_object(${sql.join(columns!.map((c) => sql`${sql.raw(`'${c}'`)}, q.${sql.identifier(c)}`), sql`, `)})) AS j FROM (${q}) q`
      const { sql: text, params } = dialect.sqlToQuery(q)
      shape = { text, params, json, name: `news_read_${shapes.size + 1}` }
      shapes.set(key, shape)
      return shape
    }
    let ownStatements = 0
    if (db.name === 'sqlite') {
      // The reader's own connection (file databases, WAL): statements prepared once, committed rows only. Else the client's.
      let connection: SqliteReadConnection | null | undefined
      let destroyed = false
      const own = () => {
        if (connection === undefined) connection = destroyed ? null : openSqliteReadConnection(db.clientConfig?.url)
        return connection
      }
      if (db.destroy) {
        const destroy = db.destroy
        db.destroy = async function (this: unknown, ...args: unknown[]) {
          destroyed = true
          connection?.close()
          connection = null
          return destroy.apply(this, args)
        }
      }
      reader = {
        dialect: 'sqlite',
        table,
        refresh: () => {
          if (destroyed || !connection) return
          connection.close()
          connection = undefined
        },
        get ownStatements() {
          return ownStatements
        },
        query: async <T>(key: string, build: () => SQL, values: Values = {}, columns?: readonly string[]) => {
          const shape = shapeOf(key, build, columns)
          const args = fillPlaceholders(shape.params, values)
          const conn = own()
          if (conn) {
            ownStatements++
            if (shape.json) return JSON.parse((conn.cell(shape.text, args) as string | null | undefined) ?? '[]') as T[]
            return conn.all(shape.text, args) as T[]
          }
          const rows = (await db.client!.execute({ sql: shape.text, args })).rows
          if (shape.json) return JSON.parse(((rows[0] as { j?: string } | undefined)?.j) ?? '[]') as T[]
          return rows as T[]
        },
      }
    } else {
      reader = {
        dialect: 'postgres',
        table,
        refresh: () => undefined,
        ownStatements: 0,
        query: async <T>(key: string, build: () => SQL, values: Values = {}) => {
          const shape = shapeOf(key, build)
          return (await db.pool!.query({ name: shape.name, text: shape.text, values: fillPlaceholders(shape.params, values) })).rows as T[]
        },
      }
    }
  }
  readers.set(db, reader)
  return reader
}

/** A placeholder per item, named `${prefix}0…`, with their values: an IN list whose length is part of the shape. */
export const placeholderList = (prefix: string, items: readonly unknown[]): { list: SQL; values: Values } => ({
  list: sql.join(items.map((_, i) => sql.placeholder(`${prefix}${i}`)), sql`, `),
  values: Object.fromEntries(items.map((item, i) => [`${prefix}${i}`, item])),
})
