import type { Payload } from 'payload'
import type { ResolvedOptions } from '../options'
import { buildArticleDetail } from './article-detail'
import { buildArticleList } from './article-list'
import { buildCategoryList } from './category-list'
import { PublicError } from './public-error'
import { listCacheKey, parseListParams, parseLocaleOnly, parseSlug } from './query-params'
import { RateLimiter } from './rate-limiter'
import { buildRegionTree } from './region-tree'
import { type CachedBody, finishBody, responseCache } from './response-cache'
import { recordView } from './view-counter'

/** What either mounting (Payload endpoint or lean server) knows about a request. */
export interface PublicRequest {
  method: string
  /** Path below the base path, e.g. "/articles/some-slug". */
  path: string
  query: URLSearchParams
  header: (name: string) => string | null | undefined
  /** Parsed JSON body (POST only); rejects on malformed JSON. */
  json: () => Promise<unknown>
  /** Client address as resolved by the mounting (trusted-proxy rules applied). */
  client: string
}

export interface PublicReply {
  status: number
  headers: Record<string, string>
  body: Buffer
}

const MAX_BODY_BYTES = 1024

const pickEncoding = (accept: string | null | undefined, entry: CachedBody): 'br' | 'gzip' | undefined => {
  if (!accept) return undefined
  if (entry.br && /\bbr\b/.test(accept)) return 'br'
  if (entry.gzip && /\bgzip\b/.test(accept)) return 'gzip'
  return undefined
}

/** The public read path as a plain function of a request: validation, cache, ETag, compression, CORS. */
export const createPublicApi = (options: ResolvedOptions) => {
  const { publicApi } = options
  const views = new RateLimiter(options.views.rateLimitPerMinute)
  const cacheControl = `public, max-age=${publicApi.maxAge}, stale-while-revalidate=${publicApi.staleWhileRevalidate}`

  const corsHeaders = (origin: string | null | undefined): Record<string, string> => {
    if (publicApi.corsOrigins === '*') return { 'Access-Control-Allow-Origin': '*' }
    if (origin && publicApi.corsOrigins.includes(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
    return { Vary: 'Origin' }
  }

  const cached = async (key: string, build: () => Promise<unknown>): Promise<CachedBody> => {
    if (publicApi.cache) {
      const hit = responseCache.read(key, publicApi.cacheTtlMs)
      if (hit) return hit
    }
    const generation = responseCache.generation
    const entry = finishBody(200, await build(), { 'Cache-Control': cacheControl })
    if (publicApi.cache) responseCache.store(key, entry, generation)
    return entry
  }

  const route = async (payload: Payload, req: PublicRequest): Promise<CachedBody> => {
    const { locales } = options
    const segments = req.path.split('/').filter(Boolean)
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (segments.length === 1 && segments[0] === 'regions') {
        const locale = parseLocaleOnly(req.query, locales)
        return cached(`regions|${locale}`, () => buildRegionTree(payload, options, locale))
      }
      if (segments.length === 1 && segments[0] === 'categories') {
        const locale = parseLocaleOnly(req.query, locales)
        return cached(`categories|${locale}`, () => buildCategoryList(payload, options, locale))
      }
      if (segments.length === 1 && segments[0] === 'articles') {
        const params = parseListParams(req.query, locales)
        return cached(listCacheKey(params), () => buildArticleList(payload, options, params))
      }
      if (segments.length === 2 && segments[0] === 'articles') {
        const slug = parseSlug(segments[1]!)
        const locale = parseLocaleOnly(req.query, locales)
        return cached(`article|${locale}|${slug}`, () => buildArticleDetail(payload, options, slug, locale))
      }
    }
    if (req.method === 'POST' && segments.length === 3 && segments[0] === 'articles' && segments[2] === 'views') {
      const slug = parseSlug(segments[1]!)
      if (req.query.size > 0) throw new PublicError(400, 'This endpoint takes no query parameters')
      const retryAfter = views.take(req.client)
      if (retryAfter > 0) throw new PublicError(429, 'Too many views from this client; try again later', { 'Retry-After': String(retryAfter) })
      if (!/^application\/json\b/i.test(req.header('content-type') ?? '')) throw new PublicError(415, 'Send the body as application/json')
      if (Number(req.header('content-length') ?? 0) > MAX_BODY_BYTES) throw new PublicError(413, 'Body too large')
      let body: unknown
      try {
        body = await req.json()
      } catch {
        throw new PublicError(400, 'Body is not valid JSON')
      }
      const result = await recordView(payload, options, slug, body)
      return finishBody(200, result, { 'Cache-Control': 'no-store' })
    }
    const known = ['regions', 'categories', 'articles'].includes(segments[0] ?? '')
    throw new PublicError(known ? 405 : 404, known ? `Method ${req.method} not allowed here` : 'No such public endpoint')
  }

  const handle = async (payload: Payload, req: PublicRequest): Promise<PublicReply> => {
    const cors = corsHeaders(req.header('origin'))
    if (req.method === 'OPTIONS') {
      return {
        status: 204,
        body: Buffer.alloc(0),
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        },
      }
    }
    let entry: CachedBody
    try {
      entry = await route(payload, req)
    } catch (error) {
      if (error instanceof PublicError) {
        entry = finishBody(error.status, { errors: [{ message: error.message }] }, { 'Cache-Control': 'no-store', ...error.headers })
      } else {
        payload.logger.error({ err: error }, 'public endpoint failed')
        const unavailable = isDatabaseUnavailable(error)
        entry = finishBody(unavailable ? 503 : 500, {
          errors: [{ message: unavailable ? 'Content database unavailable; try again shortly' : 'Internal error' }],
        }, { 'Cache-Control': 'no-store', ...(unavailable ? { 'Retry-After': '5' } : {}) })
      }
    }
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      ...cors,
      ...entry.headers,
    }
    if (entry.status === 200 && req.method !== 'POST') {
      headers.ETag = entry.etag
      headers.Vary = headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding'
      if (req.header('if-none-match')?.split(/\s*,\s*/).includes(entry.etag)) {
        return { status: 304, headers, body: Buffer.alloc(0) }
      }
    }
    const encoding = pickEncoding(req.header('accept-encoding'), entry)
    if (encoding) headers['Content-Encoding'] = encoding
    const body = encoding ? entry[encoding]! : entry.body
    headers['Content-Length'] = String(body.length)
    return { status: entry.status, headers, body: req.method === 'HEAD' ? Buffer.alloc(0) : body }
  }

  return { handle }
}

export type PublicApi = ReturnType<typeof createPublicApi>

/** Connection-level failures (database down or unreachable) answer 503, not 500. */
const isDatabaseUnavailable = (error: unknown): boolean => {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''} ${(error as { code?: string })?.code ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|timeout exceeded when trying to connect|Connection terminated|SQLITE_BUSY|database is locked|MongoServerSelectionError|MongoNetworkError|Failed query|no such table/i.test(text)
}
