import type { QueryObject, QueryValue } from './bracket-query'
import { quote, HttpError } from '../../plugin/http/http-error'
import type { CollectionSchema, FieldMap, RestSchema } from './rest-schema'
import { resolveField, validateWhere } from './where-validator'

export const MAX_DEPTH = 3
export const MAX_LIMIT = 100
/** The admin loads relationship labels with `where[id][in]=…&limit=250`: a list of ids bounds the result itself. */
export const MAX_LIMIT_FOR_ID_LIST = 500
export const MAX_PAGE = 10_000
const MAX_SORT_FIELDS = 4
const MAX_SELECT_KEYS = 200
const MAX_SELECT_DEPTH = 6

/** Payload's built-in endpoints, by what their parameters mean. */
export type EndpointKind =
  | 'find' | 'count' | 'findByID' | 'findVersions' | 'findVersionByID' | 'restoreVersion'
  | 'create' | 'update' | 'updateByID' | 'delete' | 'deleteByID' | 'duplicate' | 'docAccess'
  | 'me' | 'login' | 'logout' | 'authAction' | 'file' | 'pasteURL' | 'jobsRun' | 'jobsSchedules' | 'preference' | 'rootAccess'

export interface ParamContext {
  schema: RestSchema
  collection?: CollectionSchema
  /** Fields `where` and `sort` refer to (the versions' fields for version endpoints). */
  fields?: FieldMap
}

type Check = (value: QueryValue, name: string, ctx: ParamContext, query: QueryObject) => void

const single = (value: QueryValue, name: string): string => {
  if (typeof value !== 'string') throw new HttpError(400, `"${name}" must be given once, as a plain value`)
  return value
}

const integer = (min: number, max: number): Check => (value, name) => {
  const text = single(value, name)
  if (!/^\d{1,9}$/.test(text)) throw new HttpError(400, `"${name}" must be a whole number`)
  const n = Number(text)
  if (n < min || n > max) throw new HttpError(400, `"${name}" must be between ${min} and ${max}`)
}

const boolean: Check = (value, name) => {
  if (!['true', 'false'].includes(single(value, name))) throw new HttpError(400, `"${name}" must be true or false`)
}

const locale = (extra: string[]): Check => (value, name, { schema }) => {
  const text = single(value, name)
  if (![...schema.locales, ...extra].includes(text)) throw new HttpError(400, `"${name}" must be one of ${[...schema.locales, ...extra].join(', ')}`)
}

const readLocale = locale(['all', '*'])
const writeLocale = locale([])
const fallbackLocale = locale(['none', 'null', 'false', ''])

const localeList: Check = (value, name, ctx) => {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined
  if (!list || list.length > ctx.schema.locales.length) throw new HttpError(400, `"${name}" must list locales`)
  for (const item of list) writeLocale(item, name, ctx, {})
}

const limit: Check = (value, name, ctx, query) => {
  const text = single(value, name)
  if (!/^\d{1,9}$/.test(text)) throw new HttpError(400, `"${name}" must be a whole number`)
  const n = Number(text)
  if (n >= 1 && n <= MAX_LIMIT) return
  // Above the usual cap only when the where pins an id list (which bounds the result by itself).
  const pinned = n <= MAX_LIMIT_FOR_ID_LIST && query.where !== undefined && ctx.fields ? validateWhere(ctx.schema, ctx.fields, query.where).idListLength : undefined
  if (pinned === undefined) throw new HttpError(400, `"${name}" must be between 1 and ${MAX_LIMIT}`)
}

const where: Check = (value, _name, ctx) => {
  if (!ctx.fields) throw new HttpError(400, '"where" is not supported here')
  validateWhere(ctx.schema, ctx.fields, value)
}

const SORTABLE = new Set(['id', 'text', 'number', 'date', 'checkbox', 'select', 'relationship'])

const sort: Check = (value, name, ctx) => {
  const list = (Array.isArray(value) ? value : [value]).flatMap((item): QueryValue[] => (typeof item === 'string' ? item.split(',') : [item]))
  if (list.length > MAX_SORT_FIELDS) throw new HttpError(400, `"sort" takes at most ${MAX_SORT_FIELDS} fields`)
  for (const item of list) {
    if (typeof item !== 'string' || item === '' || item === '-') throw new HttpError(400, '"sort" takes field names, optionally prefixed with "-"')
    const field = resolveField(ctx.fields ?? new Map(), item.replace(/^-/, ''), ctx.schema, 'sort', 0)
    if (!SORTABLE.has(field.kind) || field.hasMany || field.polymorphic) {
      throw new HttpError(400, `sort: ${quote(item)} cannot be sorted on`)
    }
  }
}

const selectShape = (value: QueryValue, name: string, depth: number, budget: { keys: number }) => {
  if (typeof value === 'string') {
    // `select=title,slug` is accepted by Payload too; leaves are true/false.
    if (depth > 0 ? !['true', 'false'].includes(value) : !/^[\w.-]+(,[\w.-]+)*$/.test(value)) {
      throw new HttpError(400, `"${name}" takes field names with true or false`)
    }
    return
  }
  if (Array.isArray(value) || depth >= MAX_SELECT_DEPTH) throw new HttpError(400, `"${name}" is malformed or nested too deeply`)
  for (const [key, child] of Object.entries(value)) {
    if (!/^[\w-]{1,64}$/.test(key) || ++budget.keys > MAX_SELECT_KEYS) throw new HttpError(400, `"${name}": bad or too many keys`)
    selectShape(child, name, depth + 1, budget)
  }
}

const select: Check = (value, name) => selectShape(value, name, 0, { keys: 0 })

const populate: Check = (value, name, ctx) => {
  if (typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, '"populate" takes populate[collection][field]=true')
  for (const [slug, fields] of Object.entries(value)) {
    if (!ctx.schema.collections.has(slug)) throw new HttpError(400, `populate: unknown collection ${quote(slug)}`)
    selectShape(fields, name, 1, { keys: 0 })
  }
}

const joins: Check = (value, name, ctx) => {
  if (value === 'false') return
  if (typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, '"joins" takes false or joins[field][limit|page|sort|count]=…')
  for (const [field, options] of Object.entries(value)) {
    if (!ctx.collection?.joins.has(field)) throw new HttpError(400, `joins: ${quote(field)} is not a join field`)
    if (options === 'false') continue
    if (typeof options !== 'object' || Array.isArray(options)) throw new HttpError(400, `joins: ${quote(field)} is malformed`)
    for (const [key, option] of Object.entries(options)) {
      if (key === 'limit') integer(1, MAX_LIMIT)(option, `${name}.limit`, ctx, {})
      else if (key === 'page') integer(1, MAX_PAGE)(option, `${name}.page`, ctx, {})
      else if (key === 'count') boolean(option, `${name}.count`, ctx, {})
      else if (key === 'sort') selectShape(option, name, 0, { keys: 0 })
      else if (key !== 'where') throw new HttpError(400, `joins: unknown option ${quote(key)}`)
    }
  }
}

const text = (pattern: RegExp, hint: string): Check => (value, name) => {
  if (!pattern.test(single(value, name))) throw new HttpError(400, `"${name}" ${hint}`)
}

const CHECKS: Record<string, Check> = {
  depth: integer(0, MAX_DEPTH),
  limit,
  page: integer(1, MAX_PAGE),
  where,
  sort,
  select,
  populate,
  joins,
  locale: readLocale,
  'fallback-locale': fallbackLocale,
  fallbackLocale,
  draft: boolean,
  trash: boolean,
  pagination: boolean,
  autosave: boolean,
  overrideLock: boolean,
  flattenLocales: boolean,
  publishAllLocales: boolean,
  unpublishAllLocales: boolean,
  publishSpecificLocale: writeLocale,
  selectedLocales: localeList,
  allSessions: boolean,
  allQueues: boolean,
  silent: boolean,
  disableScheduling: boolean,
  queue: text(/^[\w-]{1,64}$/, 'must be a queue name'),
  src: text(/^https?:\/\/[^\s]{1,2040}$/, 'must be an http(s) URL'),
}

const LOCALE = ['locale', 'fallback-locale', 'fallbackLocale']
const READ = [...LOCALE, 'depth', 'populate', 'select']

/** The parameters each endpoint reads (from Payload's handlers); anything else is refused. */
const ALLOWED: Record<EndpointKind, readonly string[]> = {
  find: [...READ, 'draft', 'joins', 'limit', 'page', 'pagination', 'sort', 'trash', 'where'],
  count: [...LOCALE, 'draft', 'trash', 'where'],
  findByID: [...READ, 'draft', 'joins', 'trash', 'flattenLocales'],
  findVersions: [...READ, 'limit', 'page', 'pagination', 'sort', 'trash', 'where'],
  findVersionByID: [...READ, 'trash'],
  restoreVersion: [...READ, 'draft'],
  create: [...READ, 'autosave', 'draft', 'publishAllLocales', 'publishSpecificLocale'],
  update: [...READ, 'draft', 'limit', 'overrideLock', 'publishAllLocales', 'sort', 'trash', 'unpublishAllLocales', 'where'],
  updateByID: [...READ, 'autosave', 'draft', 'overrideLock', 'publishAllLocales', 'publishSpecificLocale', 'trash', 'unpublishAllLocales'],
  delete: [...READ, 'overrideLock', 'trash', 'where'],
  deleteByID: [...READ, 'overrideLock', 'trash'],
  duplicate: [...READ, 'draft', 'selectedLocales'],
  docAccess: LOCALE,
  me: [...READ, 'draft', 'joins'],
  login: [...LOCALE, 'depth'],
  logout: [...LOCALE, 'allSessions'],
  authAction: [...LOCALE, 'depth'],
  file: [],
  pasteURL: [...LOCALE, 'src'],
  jobsRun: ['queue', 'limit', 'allQueues', 'silent', 'disableScheduling'],
  jobsSchedules: ['queue', 'allQueues'],
  preference: [...LOCALE, 'depth'],
  rootAccess: LOCALE,
}

const WRITES: ReadonlySet<EndpointKind> = new Set(['create', 'update', 'updateByID', 'restoreVersion', 'duplicate'])

/** Checks every query parameter an endpoint of this kind receives; throws a 400 HttpError. */
export const validateParams = (kind: EndpointKind, query: QueryObject, ctx: ParamContext) => {
  if (kind === 'file') return // only cache-busting keys arrive here; the parser already checked their characters
  const allowed = ALLOWED[kind]
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) {
      throw new HttpError(400, `Unknown parameter ${quote(name)}${allowed.length ? `; this endpoint takes ${allowed.join(', ')}` : ''}`)
    }
    if (name === 'locale' && WRITES.has(kind)) writeLocale(value, name, ctx, query)
    else if (kind === 'jobsRun' && name === 'limit') integer(1, MAX_LIMIT)(value, name, ctx, query)
    else CHECKS[name]!(value, name, ctx, query)
  }
  if ((kind === 'update' || kind === 'delete') && query.where === undefined) {
    throw new HttpError(400, 'Bulk update and delete need a "where"')
  }
  // Without pagination Payload returns every match unless a limit is set.
  if (query.pagination === 'false' && query.limit === undefined) throw new HttpError(400, '"pagination=false" needs a "limit"')
}
