import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import type { ResponseCache } from './response-cache'

/** Any change to public content drops the cached public responses (again after the transaction commits). */
export const invalidateOnChange =
  (cache: ResponseCache, collection: string): CollectionAfterChangeHook =>
  ({ req, doc }) => {
    cache.invalidate(`${collection} changed`, { inTransaction: Boolean(req.transactionID) })
    return doc
  }

export const invalidateOnDelete =
  (cache: ResponseCache, collection: string): CollectionAfterDeleteHook =>
  ({ req, doc }) => {
    cache.invalidate(`${collection} deleted`, { inTransaction: Boolean(req.transactionID) })
    return doc
  }
