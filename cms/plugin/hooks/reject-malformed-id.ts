import { type CollectionBeforeOperationHook, NotFound } from 'payload'

/** Largest id a PostgreSQL `serial` column holds; SQLite ids stay far below it too. */
const MAX_SERIAL = 2_147_483_647
const OBJECT_ID = /^[0-9a-f]{24}$/i

/**
 * An id that cannot name a document of this database (`abc` where ids are numbers, digits past the integer
 * range) answers 404 before the query runs: the database would otherwise reject it with an error that
 * Payload reports as a 500. Collections given their own `id` field are left alone.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  if (collection.fields.some((field) => 'name' in field && field.name === 'id')) return args
  // Payload's REST router has already turned the path segment into a number (NaN for `abc`) where ids are numbers.
  const wellFormed =
    req.payload.db.defaultIDType === 'number'
      ? typeof id === 'number'
        ? Number.isInteger(id) && id >= 0 && id <= MAX_SERIAL
        : /^\d{1,10}$/.test(String(id)) && Number(id) <= MAX_SERIAL
      : OBJECT_ID.test(String(id))
  if (!wellFormed) throw new NotFound(req.t)
  return args
}
