import { buildVersionCollectionFields, type FlattenedField, type Payload } from 'payload'

/** How the guard treats a field in `where` and `sort`. */
export type FieldKind = 'id' | 'text' | 'number' | 'date' | 'checkbox' | 'select' | 'relationship' | 'json' | 'point' | 'container'

export interface QueryField {
  kind: FieldKind
  /** kind "id": the collection's id type. */
  idType?: IdType
  hasMany: boolean
  localized: boolean
  /** select: allowed values (PostgreSQL stores them as enums, so anything else is a 500 there). */
  options?: ReadonlySet<string>
  /** relationship/upload: target collections. */
  relationTo?: readonly string[]
  /** relationTo given as a list (even of one): stored as `{ relationTo, value }`. */
  polymorphic?: boolean
  /** group, array, named tab, blocks. */
  children?: FieldMap
}

export type FieldMap = ReadonlyMap<string, QueryField>
export type IdType = 'number' | 'text'

export interface EndpointRoute {
  method: string
  path: string
  /** One of Payload's own endpoints (validated by kind) rather than a custom one (passed through). */
  builtIn: boolean
}

export interface CollectionSchema {
  slug: string
  idType: IdType
  fields: FieldMap
  /** Fields of `/versions` queries, when the collection keeps versions. */
  versionFields?: FieldMap
  upload: boolean
  pasteURL: boolean
  auth: boolean
  joins: ReadonlySet<string>
  /** In Payload's matching order; `false` = the collection has no REST API. */
  endpoints: EndpointRoute[] | false
}

export interface RestSchema {
  apiRoute: string
  locales: readonly string[]
  collections: ReadonlyMap<string, CollectionSchema>
  rootEndpoints: EndpointRoute[]
  /** MongoDB supports the `all` operator; the SQL adapters fail on it. */
  supportsAll: boolean
}

type AnyField = FlattenedField & Record<string, any>

const optionValues = (options: unknown[]): Set<string> =>
  new Set(options.map((option) => (typeof option === 'string' ? option : String((option as { value: unknown }).value))))

const toQueryFields = (fields: readonly AnyField[], idType: IdType | undefined): FieldMap => {
  const map = new Map<string, QueryField>()
  if (idType) map.set('id', { kind: 'id', idType, hasMany: false, localized: false })
  for (const field of fields) {
    // Hidden fields (hash, salt…) and computed ones cannot be queried; join fields are not stored.
    if (!field.name || field.hidden === true || field.virtual || (field.type as string) === 'join' || (field.type as string) === 'ui') continue
    if (field.name === 'id' && idType) continue
    const base = { hasMany: Boolean(field.hasMany), localized: Boolean(field.localized) }
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'code':
        map.set(field.name, { ...base, kind: 'text' })
        break
      case 'number':
        map.set(field.name, { ...base, kind: 'number' })
        break
      case 'date':
        map.set(field.name, { ...base, kind: 'date' })
        break
      case 'checkbox':
        map.set(field.name, { ...base, kind: 'checkbox' })
        break
      case 'select':
      case 'radio':
        map.set(field.name, { ...base, kind: 'select', options: optionValues(field.options ?? []) })
        break
      case 'relationship':
      case 'upload': {
        const polymorphic = Array.isArray(field.relationTo)
        const relationTo = (polymorphic ? field.relationTo : [field.relationTo]) as string[]
        map.set(field.name, { ...base, kind: 'relationship', relationTo, polymorphic })
        break
      }
      case 'json':
      case 'richText':
        map.set(field.name, { ...base, kind: 'json' })
        break
      case 'point':
        map.set(field.name, { ...base, kind: 'point' })
        break
      case 'group':
      case 'tab':
      case 'array':
        map.set(field.name, { ...base, kind: 'container', children: toQueryFields(field.flattenedFields ?? [], undefined) })
        break
      case 'blocks': {
        const blocks = (field.blocks ?? []) as { slug: string; flattenedFields?: AnyField[] }[]
        const children = new Map<string, QueryField>([
          ['blockType', { kind: 'select', hasMany: false, localized: false, options: new Set(blocks.map((b) => b.slug)) }],
          ['blockName', { kind: 'text', hasMany: false, localized: false }],
          ['id', { kind: 'text', hasMany: false, localized: false }],
        ])
        for (const block of blocks) for (const [name, child] of toQueryFields(block.flattenedFields ?? [], undefined)) children.set(name, child)
        map.set(field.name, { ...base, kind: 'container', children })
        break
      }
      default:
        // An unknown field type is not queryable through the guard rather than guessed at.
        break
    }
  }
  return map
}

/** What Payload's REST API of this instance accepts, derived once at startup from its sanitized config. */
export const buildRestSchema = (payload: Payload): RestSchema => {
  const defaultIdType: IdType = payload.db.defaultIDType === 'number' ? 'number' : 'text'
  const collections = new Map<string, CollectionSchema>()
  for (const [slug, { config, customIDType }] of Object.entries(payload.collections)) {
    const idType: IdType = customIDType ? (customIDType === 'number' ? 'number' : 'text') : defaultIdType
    const endpoints = config.endpoints === false ? false : (config.endpoints ?? []).map((e) => ({
      method: e.method,
      path: e.path,
      builtIn: isBuiltIn(slug, Boolean(config.auth), Boolean(config.upload), `${e.method} ${e.path}`),
    }))
    collections.set(slug, {
      slug,
      idType,
      fields: toQueryFields(config.flattenedFields as AnyField[], idType),
      versionFields: config.versions
        ? toQueryFields(buildVersionCollectionFields(payload.config, config, true) as AnyField[], idType)
        : undefined,
      upload: Boolean(config.upload),
      pasteURL: Boolean(config.upload && (config.upload as { pasteURL?: unknown }).pasteURL),
      auth: Boolean(config.auth),
      joins: new Set(config.flattenedFields.filter((f) => f.type === 'join').map((f) => f.name)),
      endpoints,
    })
  }
  const localization = payload.config.localization
  return {
    apiRoute: payload.config.routes.api,
    locales: localization ? localization.localeCodes : [],
    collections,
    rootEndpoints: (payload.config.endpoints ?? []).map((e) => ({ method: e.method, path: e.path, builtIn: false })),
    supportsAll: payload.db.name === 'mongoose',
  }
}

/** Payload's own endpoints (method + path), by the kind of collection that gets them. */
const BUILT_IN = {
  all: new Set([
    'get /count', 'post /', 'delete /', 'delete /:id', 'post /access/:id?', 'get /versions', 'post /:id/duplicate', 'get /',
    'get /:id', 'get /versions/:id', 'post /versions/:id', 'patch /', 'patch /:id',
  ]),
  auth: new Set([
    'post /forgot-password', 'get /init', 'post /login', 'post /logout', 'get /me', 'post /refresh-token',
    'post /first-register', 'post /reset-password', 'post /unlock', 'post /verify/:id', 'post /:id/api-key/reveal',
  ]),
  upload: new Set(['get /paste-url/:id?', 'get /file/:filename']),
  'payload-jobs': new Set(['get /run', 'get /handle-schedules']),
  'payload-preferences': new Set(['get /:key', 'delete /:key', 'post /:key']),
}

const isBuiltIn = (slug: string, auth: boolean, upload: boolean, route: string) =>
  BUILT_IN.all.has(route) ||
  (auth && BUILT_IN.auth.has(route)) ||
  (upload && BUILT_IN.upload.has(route)) ||
  (slug === 'payload-jobs' && BUILT_IN['payload-jobs'].has(route)) ||
  (slug === 'payload-preferences' && BUILT_IN['payload-preferences'].has(route))
