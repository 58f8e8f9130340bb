import type { Payload } from 'payload'
import type { ResolvedOptions } from '../options'
import { type SqlReader, sqlReaderOf } from './sql/sql-reader'

const checked = new WeakMap<object, boolean>()

/**
 * Media URLs are rebuilt in SQL the way Payload's own upload field builds them; a storage plugin that adds its own
 * URL hook (S3, …) would change them, so such a config keeps the reference read path.
 */
const standardMediaUrls = (payload: Payload, mediaSlug: string): boolean => {
  const fields = payload.collections[mediaSlug as never]?.config.fields ?? []
  const url = fields.find((f) => 'name' in f && f.name === 'url') as { hooks?: { afterRead?: unknown[] } } | undefined
  return (url?.hooks?.afterRead?.length ?? 0) <= 1
}

/**
 * The fast SQL reader when this Payload runs on one of its Drizzle adapters (SQLite, PostgreSQL) in a shape the
 * SQL path knows; otherwise null, and the caller answers through the reference (Local API) implementation.
 * PUBLIC_API_READ_PATH=reference forces the reference (for comparisons and benchmarks).
 */
export const fastReader = (payload: Payload, options: ResolvedOptions): SqlReader | null => {
  if (process.env.PUBLIC_API_READ_PATH === 'reference') return null
  const reader = sqlReaderOf(payload)
  if (!reader) return null
  let ok = checked.get(payload)
  if (ok === undefined) {
    ok = standardMediaUrls(payload, options.slugs.media)
    checked.set(payload, ok)
  }
  return ok ? reader : null
}
