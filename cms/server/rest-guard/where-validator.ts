import { quote, HttpError } from '../../plugin/http/http-error'
import type { FieldKind, FieldMap, QueryField, RestSchema } from './rest-schema'
import { assertCleanText } from './unicode-hygiene'

export const MAX_WHERE_DEPTH = 6
export const MAX_CONDITIONS = 50
export const MAX_LIST_ITEMS = 500
export const MAX_VALUE_LENGTH = 1000
const MAX_PATH_SEGMENTS = 6
const MAX_RELATION_HOPS = 2
export const MAX_ID = 2_147_483_647 // PostgreSQL serial ids are 32-bit: larger values are a 500 there

const EQUALITY = ['equals', 'not_equals', 'exists']
const LISTS = ['in', 'not_in']
const ORDER = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const TEXT_SEARCH = ['like', 'not_like', 'contains']

/** Operators per field kind: the admin's own filter table, plus `like` and friends on every text-like field. */
const OPERATORS: Record<FieldKind, readonly string[]> = {
  id: [...EQUALITY, ...LISTS, ...ORDER],
  text: [...EQUALITY, ...LISTS, ...TEXT_SEARCH],
  number: [...EQUALITY, ...LISTS, ...ORDER],
  date: [...EQUALITY, ...LISTS, ...ORDER],
  checkbox: EQUALITY,
  select: [...EQUALITY, ...LISTS],
  relationship: [...EQUALITY, ...LISTS],
  json: ['exists'],
  point: ['equals', 'not_equals', 'exists', 'near', 'within', 'intersects'],
  container: [],
}

export interface WhereSummary {
  conditions: number
  /** Set when the query pins `id` to an explicit list (the admin loads relationship labels that way). */
  idListLength?: number
}

interface Walk {
  schema: RestSchema
  conditions: number
  idListLength?: number
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Resolves a dotted path ("category.slug", "title.en", "credits.label", "version._status") to its field. */
export const resolveField = (fields: FieldMap, path: string, schema: RestSchema, what = 'where', maxHops = MAX_RELATION_HOPS): QueryField => {
  const segments = path.split('.')
  if (segments.length > MAX_PATH_SEGMENTS || !segments.every((s) => /^\w{1,64}$/.test(s))) {
    throw new HttpError(400, `${what}: malformed field path ${quote(path)}`)
  }
  let map: FieldMap | undefined = fields
  let field: QueryField | undefined
  let hops = 0
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    if (field) {
      if (field.localized && schema.locales.includes(segment)) continue
      if (field.kind === 'container') map = field.children
      else if (field.kind === 'relationship' && field.polymorphic) {
        // Polymorphic: only its two stored parts can be addressed.
        if (segment === 'value' && i === segments.length - 1) return { ...field, polymorphic: false }
        if (segment === 'relationTo' && i === segments.length - 1) {
          return { kind: 'select', hasMany: false, localized: false, options: new Set(field.relationTo) }
        }
        throw new HttpError(400, `${what}: ${quote(path)} may only address "value" or "relationTo"`)
      } else if (field.kind === 'relationship') {
        if (++hops > maxHops) throw new HttpError(400, `${what}: ${quote(path)} follows too many relationships`)
        map = schema.collections.get(field.relationTo![0]!)?.fields
      } else {
        throw new HttpError(400, `${what}: ${quote(path)} goes inside a field that has no sub-fields`)
      }
    }
    field = map?.get(segment)
    if (!field) throw new HttpError(400, `${what}: unknown field ${quote(path)}`)
  }
  return field!
}

const idOf = (schema: RestSchema, collections: readonly string[]) =>
  collections.every((slug) => schema.collections.get(slug)?.idType === 'number') ? 'number' : 'text'

const checkId = (value: unknown, idType: 'number' | 'text', path: string) => {
  if (idType === 'number') {
    const text = typeof value === 'number' ? String(value) : value
    if (typeof text !== 'string' || !/^[1-9]\d{0,9}$/.test(text) || Number(text) > MAX_ID) {
      throw new HttpError(400, `where: ${quote(path)} takes whole-number ids`)
    }
    return
  }
  if (typeof value !== 'string' || !/^[\w-]{1,255}$/.test(value)) throw new HttpError(400, `where: ${quote(path)} takes ids`)
}

const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/

const checkScalar = (field: QueryField, value: unknown, path: string, schema: RestSchema) => {
  // JSON `null` is how a query asks for "empty".
  if (value === null) return
  switch (field.kind) {
    case 'id':
      return checkId(value, field.idType ?? 'text', path)
    case 'relationship': {
      if (isObject(value) && field.polymorphic) {
        if (!field.relationTo!.includes(String(value.relationTo))) throw new HttpError(400, `where: ${quote(path)} has an unknown relationTo`)
        return checkId(value.value, idOf(schema, [String(value.relationTo)]), path)
      }
      return checkId(value, idOf(schema, field.relationTo!), path)
    }
    case 'number':
      if (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && NUMBER.test(value)) return
      throw new HttpError(400, `where: ${quote(path)} takes numbers`)
    case 'date': {
      const time = typeof value === 'string' && value.length <= 40 ? Date.parse(value) : NaN
      if (Number.isFinite(time) && Math.abs(time) < 253_402_300_800_000) return
      throw new HttpError(400, `where: ${quote(path)} takes dates (ISO 8601)`)
    }
    case 'checkbox':
      if (value === true || value === false || value === 'true' || value === 'false') return
      throw new HttpError(400, `where: ${quote(path)} takes true or false`)
    case 'select':
      if (typeof value === 'string' && field.options!.has(value)) return
      throw new HttpError(400, `where: ${quote(path)} takes one of ${[...field.options!].slice(0, 12).join(', ')}`)
    case 'text':
    case 'json':
      if (typeof value === 'number' || typeof value === 'boolean') return
      if (typeof value !== 'string') throw new HttpError(400, `where: ${quote(path)} takes a string`)
      if (value.length > MAX_VALUE_LENGTH) throw new HttpError(400, `where: value for ${quote(path)} is longer than ${MAX_VALUE_LENGTH}`)
      assertCleanText(value, `where: value for ${quote(path)}`)
      return
    case 'point':
      return
    default:
      throw new HttpError(400, `where: ${quote(path)} cannot be compared`)
  }
}

const listOf = (value: unknown, path: string, op: string): unknown[] => {
  // Payload splits a plain string on commas.
  const list = Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? value.split(',') : typeof value === 'number' ? [value] : undefined
  if (!list) throw new HttpError(400, `where: ${quote(path)} ${op} takes a list`)
  if (list.length === 0 || list.length > MAX_LIST_ITEMS) throw new HttpError(400, `where: ${quote(path)} ${op} takes 1 to ${MAX_LIST_ITEMS} values`)
  return list
}

/** Returns the length of an `id in [...]` list, if that is what this condition is. */
const checkCondition = (walk: Walk, field: QueryField, path: string, operators: unknown): number | undefined => {
  let idList: number | undefined
  if (!isObject(operators) || Object.keys(operators).length === 0) {
    throw new HttpError(400, `where: ${quote(path)} needs an operator, e.g. [${path}][equals]=…`)
  }
  const allowed = [...OPERATORS[field.kind], ...(field.kind === 'relationship' && walk.schema.supportsAll ? ['all'] : [])]
  for (const [op, value] of Object.entries(operators)) {
    if (++walk.conditions > MAX_CONDITIONS) throw new HttpError(400, `where: more than ${MAX_CONDITIONS} conditions`)
    if (!allowed.includes(op)) {
      throw new HttpError(400, `where: operator ${quote(op)} does not apply to ${quote(path)}${allowed.length ? ` (use ${allowed.join(', ')})` : ''}`)
    }
    if (op === 'exists') {
      if (![true, false, 'true', 'false'].includes(value as never)) throw new HttpError(400, `where: ${quote(path)} exists takes true or false`)
    } else if (LISTS.includes(op) || op === 'all') {
      const list = listOf(value, path, op)
      for (const item of list) checkScalar(field, item, path, walk.schema)
      if (field.kind === 'id' && op === 'in') idList = list.length
    } else if (op === 'near') {
      const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : []
      if (parts.length < 2 || parts.length > 4 || !parts.every((p) => NUMBER.test(p))) throw new HttpError(400, `where: ${quote(path)} near takes "lng,lat[,max[,min]]"`)
    } else if (op === 'within' || op === 'intersects') {
      if (!isObject(value) || typeof value.type !== 'string' || !Array.isArray(value.coordinates)) throw new HttpError(400, `where: ${quote(path)} ${op} takes GeoJSON`)
    } else {
      if (Array.isArray(value)) throw new HttpError(400, `where: ${quote(path)} ${op} takes one value, not a list`)
      if (isObject(value) && !field.polymorphic) {
        throw new HttpError(400, `where: ${quote(path)} ${op} takes a value, not an object`)
      }
      if ((op === 'like' || op === 'not_like' || op === 'contains') && typeof value !== 'string') {
        throw new HttpError(400, `where: ${quote(path)} ${op} takes a string`)
      }
      checkScalar(field, value, path, walk.schema)
    }
  }
  return idList
}

const walkWhere = (walk: Walk, fields: FieldMap, where: unknown, depth: number, topLevel: boolean) => {
  if (depth > MAX_WHERE_DEPTH) throw new HttpError(400, `where: and/or nested deeper than ${MAX_WHERE_DEPTH}`)
  if (!isObject(where)) throw new HttpError(400, 'where: expected an object of conditions')
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new HttpError(400, `where: "${key}" takes a list, e.g. where[${key}][0][field][equals]=…`)
      if (value.length > MAX_CONDITIONS) throw new HttpError(400, `where: more than ${MAX_CONDITIONS} conditions`)
      for (const item of value) walkWhere(walk, fields, item, depth + 1, topLevel && key === 'and')
      continue
    }
    const idList = checkCondition(walk, resolveField(fields, key, walk.schema), key, value)
    // Only an id list that constrains the whole result (top level or under top-level "and") bounds its size.
    if (idList !== undefined && topLevel) walk.idListLength = Math.min(walk.idListLength ?? Infinity, idList)
  }
}

/** Validates a `where` (parsed from brackets or JSON) against the collection's fields. Throws a 400 HttpError. */
export const validateWhere = (schema: RestSchema, fields: FieldMap, where: unknown): WhereSummary => {
  let parsed = where
  if (typeof where === 'string') {
    try {
      parsed = JSON.parse(where)
    } catch {
      throw new HttpError(400, 'where: not valid JSON (use where[field][operator]=value or a JSON object)')
    }
  }
  const walk: Walk = { schema, conditions: 0 }
  walkWhere(walk, fields, parsed, 0, true)
  return { conditions: walk.conditions, idListLength: walk.idListLength }
}
