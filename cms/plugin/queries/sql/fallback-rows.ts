import { type SQL, sql } from 'drizzle-orm'
import type { ResolvedOptions } from '../../options'

/**
 * A locale's fallback rows in a `_locales` table, as Payload's afterRead reads them: joined as `<alias>0`, `<alias>1`…
 * (one per fallback locale, none without fallback), and a column's fallback value across them.
 */
export interface FallbackRows {
  /** The fallback locales, in order. */
  chain: readonly string[]
  /** Part of every statement key: the joins and their bound locale codes depend on it. */
  key: string
  join: (table: SQL, alias: string, parent: SQL) => SQL
  /**
   * One fallback locale: its value (`localized` ignores an empty one, as Payload does). Several: the first that is
   * neither NULL nor '' (Payload's rule for a list; JSON columns are never '', and PostgreSQL's jsonb could not be
   * compared with it). None: NULL.
   */
  value: (alias: string, column: string, kind?: 'text' | 'other') => SQL
}

export const fallbackRows = (options: ResolvedOptions, locale: string): FallbackRows => {
  const chain = options.fallbackOf[locale] ?? []
  const col = (alias: string, i: number, column: string) => sql`${sql.identifier(`${alias}${i}`)}.${sql.identifier(column)}`
  return {
    chain,
    key: `${locale}>${chain.join(',')}`,
    join: (table, alias, parent) =>
      sql.join(
        chain.map((code, i) => {
          const row = sql.identifier(`${alias}${i}`)
          return sql`LEFT JOIN ${table} ${row} ON ${row}._parent_id = ${parent} AND ${row}._locale = ${code}`
        }),
        sql` `,
      ),
    value: (alias, column, kind = 'text') => {
      if (chain.length === 0) return sql`NULL`
      if (chain.length === 1) return col(alias, 0, column)
      return sql`COALESCE(${sql.join(chain.map((_, i) => (kind === 'text' ? sql`NULLIF(${col(alias, i, column)}, '')` : col(alias, i, column))), sql`, `)})`
    },
  }
}
