import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook, Payload, PayloadRequest } from 'payload'
import { type SQL, sql } from 'drizzle-orm'
import type { ResolvedOptions } from '../../options'
import { sqlReaderOf } from './sql-reader'

type Id = string | number

interface DrizzleAdapterLike {
  drizzle: unknown
  sessions?: Record<string | number, { db?: unknown } | undefined>
  execute: (args: { db?: unknown; drizzle: unknown; sql: SQL }) => Promise<unknown>
}

/**
 * The list entries (collections/article-list-entries.ts) of one article or of all: rebuilt from the article row and
 * its region relations as the save wrote them, never from a hook's `doc` (a draft save leaves the published row as it
 * was). Null for databases without the SQL read path.
 */
const entriesOf = (payload: Payload, options: ResolvedOptions) => {
  const r = sqlReaderOf(payload)
  if (!r) return null
  const { slugs } = options
  const entries = r.table(slugs.articleListEntries)
  const articles = r.table(slugs.articles)
  const rels = r.table(slugs.articles, '_rels')
  const adapter = payload.db as unknown as DrizzleAdapterLike
  // Inside the edit's transaction when there is one, so the entries commit or roll back with the article.
  const run = async (statement: SQL, req?: PayloadRequest) => {
    const id = req?.transactionID ? await req.transactionID : undefined
    await adapter.execute({ db: id !== undefined ? adapter.sessions?.[id]?.db : undefined, drizzle: adapter.drizzle, sql: statement })
  }
  const sourceFrom = (only: SQL) => sql`FROM ${articles} a JOIN ${rels} x ON x.parent_id = a.id AND x.path = 'regions'
    WHERE a._status = 'published' AND a.nationwide = FALSE${only}`
  const source = (only: SQL) => sql`SELECT a.id, x.regions_id, a.category_id, a.published_at, a.featured ${sourceFrom(only)}`
  const insert = (only: SQL) => sql`INSERT INTO ${entries} (article_id, region_id, category_id, published_at, featured) ${source(only)}`
  return {
    refresh: async (id: Id, req?: PayloadRequest) => {
      await run(sql`DELETE FROM ${entries} WHERE article_id = ${id}`, req)
      await run(insert(sql` AND a.id = ${id}`), req)
    },
    remove: (id: Id, req?: PayloadRequest) => run(sql`DELETE FROM ${entries} WHERE article_id = ${id}`, req),
    /** A fingerprint (count and sums) of the entries there are and of those there should be. */
    fingerprints: async () => {
      const print = (side: 'have' | 'want', from: SQL) =>
        sql`SELECT ${sql.raw(`'${side}'`)} AS side, count(*) AS n, sum(article_id) AS a, sum(region_id) AS r, sum(category_id) AS c FROM (${from}) s`
      const rows = await r.query<Record<string, unknown>>(
        'list-entries-fingerprints',
        () =>
          sql`${print('have', sql`SELECT article_id, region_id, category_id FROM ${entries}`)} UNION ALL ${print('want', sql`SELECT a.id AS article_id, x.regions_id AS region_id, a.category_id ${sourceFrom(sql``)}`)}`,
      )
      const text = (row?: Record<string, unknown>) => ['n', 'a', 'r', 'c'].map((k) => String(row?.[k] ?? 0)).join('/')
      return { have: text(rows.find((row) => row.side === 'have')), want: text(rows.find((row) => row.side === 'want')) }
    },
    rebuild: async (req: PayloadRequest) => {
      await run(sql`DELETE FROM ${entries}`, req)
      await run(insert(sql``), req)
    },
  }
}

/** After every save: the article's entries as its row now says. */
export const refreshListEntries =
  (options: ResolvedOptions): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await entriesOf(req.payload, options)?.refresh(doc.id as Id, req)
    return doc
  }

// Before, not after: an entry references the article, and the database nulls that reference on delete.
export const removeListEntries =
  (options: ResolvedOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await entriesOf(req.payload, options)?.remove(id, req)
  }

/**
 * At start: rebuilds the entries when their count or sums differ from the ones the articles call for (a database
 * migrated before they existed, articles written while the plugin was disabled or around Payload's hooks, a save
 * that failed halfway where writes run without transactions).
 */
export const reconcileListEntries = async (payload: Payload, options: ResolvedOptions) => {
  const entries = entriesOf(payload, options)
  if (!entries) return
  const { have, want } = await entries.fingerprints()
  if (have === want) return
  payload.logger.info(`regionalNews: rebuilding the list's region entries (${have} found, ${want} expected)`)
  const req = { payload, context: {} } as PayloadRequest
  const transactionID = await payload.db.beginTransaction()
  if (transactionID !== null) req.transactionID = transactionID
  try {
    await entries.rebuild(req)
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}
