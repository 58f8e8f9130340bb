import type { IncomingMessage } from 'node:http'
import type { Payload } from 'payload'
import { parseBracketQuery } from './bracket-query'
import { parseJsonBody } from './json-body'
import { multipartFields } from './multipart-body'
import { HttpError } from '../../plugin/http/http-error'
import { readBody } from '../../plugin/http/request-body'
import { replayRequest } from './replay-request'
import { validateParams } from './rest-params'
import { matchRestRoute } from './rest-routes'
import { buildRestSchema } from './rest-schema'
import type { InspectedUrl } from './url-hygiene'

export const MAX_QUERY_LENGTH = 4 * 1024
export const MAX_JSON_BYTES = 1024 * 1024
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
/** Body of a POST that stands in for a long GET (the admin's relationship lookups). */
export const MAX_OVERRIDE_BYTES = 32 * 1024

export interface RestGuardOptions {
  maxJsonBytes?: number
  maxUploadBytes?: number
}

const WRITES = new Set(['POST', 'PATCH', 'PUT'])

const hasBody = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

const isMethodOverride = (req: IncomingMessage) =>
  req.method === 'POST' && [req.headers['x-payload-http-method-override'], req.headers['x-http-method-override']].includes('GET')

/**
 * Validates a request to Payload's REST API before Next or Payload see it, so malformed input is a 4xx JSON
 * answer instead of a 500 (or a silently unbounded query): route and id types, every query parameter against
 * the collection's fields, body size, JSON and multipart framing. Returns the request to hand on (a replay
 * when the body had to be read).
 */
export const createRestGuard = (payload: Payload, options: RestGuardOptions = {}) => {
  const schema = buildRestSchema(payload)
  const maxJson = options.maxJsonBytes ?? MAX_JSON_BYTES
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES
  const apiSegments = schema.apiRoute.split('/').filter(Boolean)

  const isRestPath = (segments: string[]) => apiSegments.every((s, i) => segments[i] === s)

  const check = async (req: IncomingMessage, url: InspectedUrl): Promise<IncomingMessage> => {
    if (url.search.length > MAX_QUERY_LENGTH) throw new HttpError(414, `Query string longer than ${MAX_QUERY_LENGTH} bytes`)
    const segments = url.segments.slice(apiSegments.length)
    const method = req.method ?? 'GET'

    if (isMethodOverride(req)) {
      // Payload appends the body to the URL as its query, so the URL must not have one of its own.
      if (url.search) throw new HttpError(400, 'A method-override request carries its query in the body only')
      const route = matchRestRoute(schema, 'GET', segments)
      const type = req.headers['content-type']
      const body = await readBody(req, MAX_OVERRIDE_BYTES)
      if (type === 'application/x-www-form-urlencoded') {
        const query = parseBracketQuery(body.toString('utf8'))
        if (route.kind !== 'custom') validateParams(route.kind, query, contextOf(route))
      } else if (type === 'application/json') parseJsonBody(body.toString('utf8'))
      else throw new HttpError(415, 'A method-override request needs application/x-www-form-urlencoded or application/json')
      return replayRequest(req, body)
    }

    const route = matchRestRoute(schema, method, segments)
    const query = parseBracketQuery(url.search)
    if (route.kind !== 'custom') validateParams(route.kind, query, contextOf(route))
    if (!WRITES.has(method) || !hasBody(req) || route.kind === 'custom') return req

    const type = String(req.headers['content-type'] ?? '')
    const mediaType = type.split(';', 1)[0]!.trim()
    // Payload parses JSON only under exactly this media type.
    if (mediaType === 'application/json') {
      const body = await readBody(req, maxJson)
      parseJsonBody(body.toString('utf8'))
      return replayRequest(req, body)
    }
    if (mediaType.toLowerCase() === 'multipart/form-data') {
      const body = await readBody(req, route.collection?.upload ? maxUpload : maxJson)
      const fields = multipartFields(body, type)
      const data = fields.get('_payload')
      if (data !== undefined) parseJsonBody(data, '_payload')
      return replayRequest(req, body)
    }
    throw new HttpError(415, 'Send the body as application/json or multipart/form-data')
  }

  const contextOf = (route: ReturnType<typeof matchRestRoute>) => ({
    schema,
    collection: route.collection,
    fields: route.versions ? route.collection?.versionFields : route.collection?.fields,
  })

  return { isRestPath, check }
}

export type RestGuard = ReturnType<typeof createRestGuard>
