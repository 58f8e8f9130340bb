import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { responseCache } from '../read-path/response-cache'

/** Any change to public content drops the cached public responses (again after the transaction commits). */
export const invalidateOnChange =
  (collection: string): CollectionAfterChangeHook =>
  ({ req, doc }) => {
    responseCache.invalidate(`${collection} changed`, { inTransaction: Boolean(req.transactionID) })
    return doc
  }

export const invalidateOnDelete =
  (collection: string): CollectionAfterDeleteHook =>
  ({ req, doc }) => {
    responseCache.invalidate(`${collection} deleted`, { inTransaction: Boolean(req.transactionID) })
    return doc
  }
