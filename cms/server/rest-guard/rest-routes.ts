import { quote, HttpError } from '../../plugin/http/http-error'
import type { EndpointKind } from './rest-params'
import type { CollectionSchema, EndpointRoute, RestSchema } from './rest-schema'
import { MAX_ID } from './where-validator'

export interface RestRoute {
  /** `custom`: an endpoint added by config or a plugin; only the generic checks apply. */
  kind: EndpointKind | 'custom'
  collection?: CollectionSchema
  versions: boolean
}

type Match = Record<string, string> | undefined

/** Payload endpoint paths here are literals, `:param` and a trailing `:param?`; anything fancier is "unknown". */
const matchPath = (pattern: string, segments: string[]): Match | 'unknown' => {
  const parts = pattern.split('/').filter(Boolean)
  if (parts.some((p) => /[*(){}+]/.test(p) || (p.endsWith('?') && p !== parts[parts.length - 1]))) return 'unknown'
  const params: Record<string, string> = {}
  for (let i = 0; i < Math.max(parts.length, segments.length); i++) {
    const part = parts[i]
    const segment = segments[i]
    if (part === undefined) return undefined
    if (part.startsWith(':')) {
      const optional = part.endsWith('?')
      if (segment === undefined) return optional ? params : undefined
      params[part.slice(1, optional ? -1 : undefined)] = segment
    } else if (part !== segment) return undefined
  }
  return params
}

const KINDS: Record<string, EndpointKind> = {
  'get /': 'find', 'get /count': 'count', 'get /:id': 'findByID', 'get /versions': 'findVersions',
  'get /versions/:id': 'findVersionByID', 'post /versions/:id': 'restoreVersion', 'post /': 'create', 'patch /': 'update',
  'patch /:id': 'updateByID', 'delete /': 'delete', 'delete /:id': 'deleteByID', 'post /:id/duplicate': 'duplicate',
  'post /access/:id?': 'docAccess', 'get /me': 'me', 'post /login': 'login', 'post /logout': 'logout',
  'get /file/:filename': 'file', 'get /paste-url/:id?': 'pasteURL', 'get /run': 'jobsRun', 'get /handle-schedules': 'jobsSchedules',
  'get /:key': 'preference', 'delete /:key': 'preference', 'post /:key': 'preference',
}

const checkDocumentId = (collection: CollectionSchema, id: string) => {
  const ok = collection.idType === 'number' ? /^[1-9]\d{0,9}$/.test(id) && Number(id) <= MAX_ID : /^[\w-]{1,255}$/.test(id)
  if (!ok) throw new HttpError(400, `Malformed id ${quote(id)}: ${collection.slug} ids are ${collection.idType === 'number' ? 'positive whole numbers' : 'word characters'}`)
}

const checkParams = (collection: CollectionSchema, kind: EndpointKind, params: Record<string, string>) => {
  if (params.id !== undefined && kind !== 'authAction') checkDocumentId(collection, params.id)
  if (kind === 'authAction' && params.id !== undefined && !/^[\w-]{1,255}$/.test(params.id)) throw new HttpError(400, 'Malformed token')
  if (params.filename !== undefined && (params.filename.length > 255 || params.filename.startsWith('.'))) {
    throw new HttpError(400, 'Malformed file name')
  }
  if (params.key !== undefined && !/^[\w.:@-]{1,255}$/.test(params.key)) throw new HttpError(400, 'Malformed preference key')
}

type Picked = { endpoint: EndpointRoute; params: Record<string, string> } | { endpoint?: undefined; sawUnknown: boolean; otherMethod: boolean }

const pick = (endpoints: EndpointRoute[], method: string, segments: string[]): Picked => {
  let sawUnknown = false
  let otherMethod = false
  for (const endpoint of endpoints) {
    const matched = matchPath(endpoint.path, segments)
    if (matched === 'unknown') {
      sawUnknown = true
      continue
    }
    if (!matched) continue
    if (endpoint.method === method) return { endpoint, params: matched }
    otherMethod = true
  }
  return { sawUnknown, otherMethod }
}

/**
 * Finds the endpoint Payload's router would run for this path, first match wins as in Payload, and checks its
 * path parameters (ids of the collection's type, file names, preference keys). Throws 404/405 JSON rejections.
 */
export const matchRestRoute = (schema: RestSchema, httpMethod: string, segments: string[]): RestRoute => {
  const method = httpMethod === 'HEAD' ? 'get' : httpMethod.toLowerCase()
  const [first, ...rest] = segments
  const collection = first === undefined ? undefined : schema.collections.get(first)
  if (!collection) {
    const found = pick(schema.rootEndpoints, method, segments)
    if (found.endpoint) return { kind: found.endpoint.path === '/access' ? 'rootAccess' : 'custom', versions: false }
    if (found.sawUnknown || method === 'options') return { kind: 'custom', versions: false }
    throw new HttpError(found.otherMethod ? 405 : 404, found.otherMethod ? `Method ${httpMethod} not allowed here` : 'No such API route')
  }
  if (collection.endpoints === false) throw new HttpError(404, `${collection.slug} has no REST API`)
  const found = pick(collection.endpoints, method, rest)
  if (!found.endpoint) {
    if (found.sawUnknown || method === 'options') return { kind: 'custom', collection, versions: false }
    throw new HttpError(found.otherMethod ? 405 : 404, found.otherMethod ? `Method ${httpMethod} not allowed here` : 'No such API route')
  }
  const { endpoint, params } = found
  if (!endpoint.builtIn) return { kind: 'custom', collection, versions: false }
  const kind = KINDS[`${endpoint.method} ${endpoint.path}`] ?? 'authAction'
  const versions = kind === 'findVersions' || kind === 'findVersionByID' || kind === 'restoreVersion'
  if (versions && !collection.versionFields) throw new HttpError(404, `${collection.slug} keeps no versions`)
  // Payload answers this with a 400 it logs as an error.
  if (kind === 'pasteURL' && !collection.pasteURL) throw new HttpError(404, `Pasting from a URL is not enabled for ${collection.slug}`)
  checkParams(collection, kind, params)
  return { kind, collection, versions }
}
