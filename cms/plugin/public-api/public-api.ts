import type { Payload } from 'payload'
import type { ResolvedOptions } from '../options'
import { buildArticleDetail } from '../queries/article-detail'
import { buildArticleList } from '../queries/article-list'
import { buildCategoryList } from '../queries/category-list'
import { ConcurrencyLimit } from './concurrency-limit'
import { HttpError } from '../http/http-error'
import { answerServerError } from '../http/server-error'
import { listCacheKey, parseListParams, parseLocaleOnly, parseSlug } from './query-params'
import { RateLimiter } from '../views/rate-limiter'
import { buildRegionTree } from '../queries/region-tree'
import { type CachedBody, encodedBody, finishBody, type ResponseCache } from '../cache/response-cache'
import { detailTags, listTags } from '../cache/tags'
import { recordView } from '../views/view-counter'
import { fragmentRequest } from '../site/fragments'
import { createMissStats, metricsText } from './metrics'
import type { ArticleDetail, ArticleListResponse } from '../../../wire/index'

/** What either mounting (Payload endpoint or lean server) knows about a request. */
export interface PublicRequest {
  method: string
  /** Path below the base path, e.g. "/articles/some-slug". */
  path: string
  query: URLSearchParams
  header: (name: string) => string | null | undefined
  /** The raw body (POST only), read up to `limit` bytes (413 past it). */
  body: (limit: number) => Promise<Buffer>
  /** Client address as resolved by the mounting (trusted-proxy rules applied). */
  client: string
  /** The request target exactly as received (path and query), when the mounting also serves `cachedReply`. */
  url?: string
  /** The socket peer is this machine and no proxy forwarded the request (the lean server knows; Payload's mounting does not). */
  localPeer?: boolean
  /** The logged-in user, if any (asked only by the metrics endpoint). */
  user: () => Promise<unknown>
}

export interface PublicReply {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** A reply whose headers are a flat [name, value, …] list, ready for res.writeHead. */
export interface WireReply {
  status: number
  headers: string[]
  body: Buffer
}

/** The request headers the cached path reads. */
export interface WireRequestHeaders {
  'if-none-match'?: string
  'accept-encoding'?: string | string[]
  cookie?: string
}

/**
 * How later requests for the same target may be answered straight from the cached entry (`cachedReply`), skipping
 * routing. Replies through the alias and through `reply` with the same `headers` and `cors` are identical.
 */
export interface Alias {
  /** The request target, exactly as received. */
  url: string
  /** The answer also depends on a request header: how the route reads it, and what it read for this answer. */
  vary?: { read: (headers: WireRequestHeaders) => string; value: string }
  /** Headers added to every reply (a `Vary` is appended to the one already there). */
  headers?: Record<string, string>
  /** Whether replies carry the public API's CORS headers (default true). */
  cors?: boolean
}

/** A computed answer and the tags of what it shows. */
export interface Built {
  entry: CachedBody
  tags: readonly string[]
}

type Encoding = 'br' | 'gzip'
type Variant = Encoding | 'identity' | 'notModified'

// The view endpoint's body is a visitor id: a kilobyte is plenty. Both mountings read through `req.body(limit)`.
const MAX_BODY_BYTES = 1024
// Views recorded at once per instance: below the pool size (10), so reads keep a connection.
const CONCURRENT_VIEWS = 6
const MAX_ALIASES = 10_000
const METRICS_HEADERS = { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' }
const EMPTY = Buffer.alloc(0)

const pickEncoding = (accept: string | null | undefined, entry: CachedBody): Encoding | undefined => {
  if (!accept || !entry.compressible) return undefined
  if (/\bbr\b/.test(accept)) return 'br'
  if (/\bgzip\b/.test(accept)) return 'gzip'
  return undefined
}

/** `extra` laid over finished reply headers: `Vary` values add up, anything else replaces. */
export const withHeaders = (headers: Record<string, string>, extra: Record<string, string> | undefined) => {
  if (extra) for (const [name, value] of Object.entries(extra)) headers[name] = name === 'Vary' && headers.Vary ? `${headers.Vary}, ${value}` : value
  return headers
}

const matchesEtag = (ifNoneMatch: string | null | undefined, etag: string) =>
  ifNoneMatch != null && (ifNoneMatch === etag || ifNoneMatch.split(/\s*,\s*/).includes(etag))

/** The public read path as a plain function of a request: validation, cache, ETag, compression, CORS. */
export const createPublicApi = (options: ResolvedOptions, responseCache: ResponseCache) => {
  const { publicApi } = options
  const views = new RateLimiter(options.views.rateLimitPerMinute)
  const recording = new ConcurrencyLimit(CONCURRENT_VIEWS)
  // Misses computed at once; the rest wait briefly, then 503 (a crawler is slowed, never blocked per client).
  const computing = new ConcurrencyLimit(publicApi.maxConcurrentMisses, publicApi.missQueueTimeoutMs, () =>
    new HttpError(503, 'Busy computing other answers; try again shortly', { 'Retry-After': '1' }),
  )
  const missStats = createMissStats()
  // Single flight: one computation per key at a time; an invalidation starts the next request afresh.
  const inFlight = new Map<string, Promise<CachedBody>>()
  responseCache.onDrop(() => inFlight.clear())
  const cacheControl = `public, max-age=${publicApi.maxAge}, stale-while-revalidate=${publicApi.staleWhileRevalidate}`

  // Methods and headers go on every response: Payload's router adds its own defaults to any response lacking them,
  // and both mountings must answer identically.
  const CORS_COMMON = { 'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type' }
  const CORS_ANY = { 'Access-Control-Allow-Origin': '*', ...CORS_COMMON }
  const CORS_NONE = { ...CORS_COMMON, Vary: 'Origin' }
  const corsHeaders = (origin: string | null | undefined): Record<string, string> => {
    if (publicApi.corsOrigins === '*') return CORS_ANY
    if (origin && publicApi.corsOrigins.includes(origin)) return { 'Access-Control-Allow-Origin': origin, ...CORS_COMMON, Vary: 'Origin' }
    return CORS_NONE
  }

  /** Every header of a reply but Content-Length; the same for the full and the cached path. */
  const replyHeaders = (entry: CachedBody, cors: Record<string, string>, method: string, encoding: Encoding | undefined) => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      ...cors,
      ...entry.headers,
    }
    if (entry.status === 200 && method !== 'POST') {
      headers.ETag = entry.etag
      headers.Vary = headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding'
    }
    if (encoding) headers['Content-Encoding'] = encoding
    return headers
  }

  // The cached path: request targets the full path answered from a cache entry, and per entry its finished header
  // lists, so a repeated GET costs two map lookups and one write (no parsing, no Payload).
  interface AliasTarget {
    key: string
    headers: Record<string, string> | undefined
    cors: boolean
  }
  interface VariedAlias {
    read: (headers: WireRequestHeaders) => string
    byValue: Map<string, AliasTarget>
  }
  const aliases = new Map<string, AliasTarget | VariedAlias>()
  let aliasCount = 0
  const wires = new WeakMap<CachedBody, Map<AliasTarget, Partial<Record<Variant, string[]>>>>()
  const wireHeaders = (entry: CachedBody, target: AliasTarget, variant: Variant): string[] => {
    let forEntry = wires.get(entry)
    if (!forEntry) wires.set(entry, (forEntry = new Map()))
    let forTarget = forEntry.get(target)
    if (!forTarget) forEntry.set(target, (forTarget = {}))
    const known = forTarget[variant]
    if (known) return known
    const encoding = variant === 'br' || variant === 'gzip' ? variant : undefined
    const headers = withHeaders(replyHeaders(entry, target.cors ? CORS_ANY : {}, 'GET', encoding), target.headers)
    if (variant !== 'notModified') headers['Content-Length'] = String((encoding ? encodedBody(entry, encoding) : entry.body).length)
    return (forTarget[variant] = Object.entries(headers).flat())
  }

  const remember = (key: string, alias: Alias) => {
    const known = aliases.get(alias.url)
    const value = alias.vary?.value
    if (known && (!('byValue' in known) || value === undefined || known.byValue.has(value))) return
    if (aliasCount >= MAX_ALIASES) {
      aliases.clear()
      aliasCount = 0
    }
    const target: AliasTarget = { key, headers: alias.headers, cors: alias.cors ?? true }
    aliasCount++
    if (!alias.vary) return void aliases.set(alias.url, target)
    const varied = known && 'byValue' in known ? known : { read: alias.vary.read, byValue: new Map<string, AliasTarget>() }
    varied.byValue.set(alias.vary.value, target)
    aliases.set(alias.url, varied)
  }

  /**
   * A GET answered from memory, or undefined (then call `handle`): only request targets `handle` has answered from
   * the cache before, byte for byte, while that entry is still cached. A per-origin CORS list always takes `handle`.
   */
  const cachedReply = (method: string | undefined, url: string | undefined, headers: WireRequestHeaders): WireReply | undefined => {
    if (method !== 'GET' || url === undefined) return undefined
    const found = aliases.get(url)
    const target = found && 'byValue' in found ? found.byValue.get(found.read(headers)) : found
    if (target === undefined || publicApi.corsOrigins !== '*') return undefined
    const read = responseCache.read(target.key)
    if (!read || read.stale) return undefined
    const { entry } = read
    responseCache.stats.hits++
    if (matchesEtag(headers['if-none-match'], entry.etag)) return { status: 304, headers: wireHeaders(entry, target, 'notModified'), body: EMPTY }
    const accept = headers['accept-encoding']
    const encoding = pickEncoding(Array.isArray(accept) ? accept.join(', ') : accept, entry)
    return encoding
      ? { status: 200, headers: wireHeaders(entry, target, encoding), body: encodedBody(entry, encoding) }
      : { status: 200, headers: wireHeaders(entry, target, 'identity'), body: entry.body }
  }

  /** Builds an answer under the miss limit and, when caching, stores it tagged by what it shows. */
  const compute = (key: string, build: () => Promise<Built>): Promise<CachedBody> =>
    computing.run(async () => {
      const generation = responseCache.generation
      const started = performance.now()
      const { entry, tags } = await build()
      missStats.observe(performance.now() - started)
      if (publicApi.cache) responseCache.store(key, entry, tags, generation)
      return entry
    })

  const singleFlight = (key: string, build: () => Promise<Built>): Promise<CachedBody> => {
    const running = inFlight.get(key)
    if (running) return running
    const started = compute(key, build).finally(() => {
      if (inFlight.get(key) === started) inFlight.delete(key)
    })
    inFlight.set(key, started)
    return started
  }

  /**
   * The answer for `key` from the cache, or built once (single flight) under the miss limit. `alias`: the request
   * target (a string, or an `Alias` for answers that depend on a header too) that may be answered straight from this
   * entry next time; omit it for answers that depend on more than that.
   */
  const cachedAnswer = async (key: string, build: () => Promise<Built>, alias?: string | Alias): Promise<CachedBody> => {
    // "Uncached" means uncached: no answer is reused across requests, not even a concurrent one.
    if (!publicApi.cache) {
      responseCache.stats.misses++
      return compute(key, build)
    }
    const read = responseCache.read(key)
    let entry: CachedBody
    if (read) {
      if (read.stale) {
        // Past its time to live (no edit dropped it): serve it while one request refreshes it.
        responseCache.stats.staleHits++
        singleFlight(key, build).catch(() => undefined)
      } else responseCache.stats.hits++
      entry = read.entry
    } else {
      responseCache.stats.misses++
      entry = await singleFlight(key, build)
    }
    if (alias !== undefined) remember(key, typeof alias === 'string' ? { url: alias } : alias)
    return entry
  }

  const cached = <T,>(req: PublicRequest, key: string, build: () => Promise<T>, tagsOf: (json: T) => string[]): Promise<CachedBody> =>
    cachedAnswer(
      key,
      async () => {
        const json = await build()
        return { entry: finishBody(200, json, { 'Cache-Control': cacheControl }), tags: tagsOf(json) }
      },
      req.method === 'GET' ? req.url : undefined,
    )

  const route = async (payload: Payload, req: PublicRequest): Promise<CachedBody> => {
    const { locales } = options
    const segments = req.path.split('/').filter(Boolean)
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (segments.length === 1 && segments[0] === 'regions') {
        const locale = parseLocaleOnly(req.query, locales)
        return cached(req, `regions|${locale}`, () => buildRegionTree(payload, options, locale), () => ['regions'])
      }
      if (segments.length === 1 && segments[0] === 'categories') {
        const locale = parseLocaleOnly(req.query, locales)
        return cached(req, `categories|${locale}`, () => buildCategoryList(payload, options, locale), () => ['categories'])
      }
      if (segments.length === 1 && segments[0] === 'articles') {
        const params = parseListParams(req.query, locales)
        return cached(req, listCacheKey(params), () => buildArticleList(payload, options, params), (list: ArticleListResponse) =>
          listTags(params.category, params.region, list),
        )
      }
      if (segments.length === 2 && segments[0] === 'articles') {
        const slug = parseSlug(segments[1]!)
        const locale = parseLocaleOnly(req.query, locales)
        return cached(req, `article|${locale}|${slug}`, () => buildArticleDetail(payload, options, slug, locale), (detail: ArticleDetail) => [
          ...detailTags(detail),
          `slug:${slug}`,
        ])
      }
      if (segments.length === 2 && segments[0] === 'html') {
        const fragment = fragmentRequest(options, payload, segments[1]!, req.query, cacheControl)
        return cachedAnswer(fragment.key, fragment.build, req.method === 'GET' ? req.url : undefined)
      }
      if (segments.length === 1 && segments[0] === 'metrics') {
        if (req.query.size > 0) throw new HttpError(400, 'This endpoint takes no query parameters')
        if (!req.localPeer && !options.canAdminister((await req.user()) as never)) throw new HttpError(403, 'Metrics are for administrators')
        return { ...finishBody(200, null), body: Buffer.from(metricsText(responseCache, missStats, computing)), compressible: false, headers: METRICS_HEADERS }
      }
    }
    if (req.method === 'POST' && segments.length === 3 && segments[0] === 'articles' && segments[2] === 'views') {
      const slug = parseSlug(segments[1]!)
      if (req.query.size > 0) throw new HttpError(400, 'This endpoint takes no query parameters')
      const retryAfter = views.take(req.client)
      if (retryAfter > 0) throw new HttpError(429, 'Too many views from this client; try again later', { 'Retry-After': String(retryAfter) })
      if (!/^application\/json\b/i.test(req.header('content-type') ?? '')) throw new HttpError(415, 'Send the body as application/json')
      if (Number(req.header('content-length') ?? 0) > MAX_BODY_BYTES) throw new HttpError(413, 'Body too large')
      const raw = await req.body(MAX_BODY_BYTES)
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8') || 'null')
      } catch {
        throw new HttpError(400, 'Body is not valid JSON')
      }
      const result = await recording.run(() => recordView(payload, options, slug, body, Date.now(), req.header('user-agent')))
      return finishBody(200, result, { 'Cache-Control': 'no-store' })
    }
    const known = ['regions', 'categories', 'articles', 'metrics', 'html'].includes(segments[0] ?? '')
    throw new HttpError(known ? 405 : 404, known ? `Method ${req.method} not allowed here` : 'No such public endpoint')
  }

  const handle = async (payload: Payload, req: PublicRequest): Promise<PublicReply> => {
    const cors = corsHeaders(req.header('origin'))
    if (req.method === 'OPTIONS') {
      return { status: 204, body: EMPTY, headers: { ...cors, 'Access-Control-Max-Age': '600' } }
    }
    let entry: CachedBody
    try {
      entry = await route(payload, req)
    } catch (error) {
      if (error instanceof HttpError) {
        entry = finishBody(error.status, { errors: [{ message: error.message }] }, { 'Cache-Control': 'no-store', ...error.headers })
      } else {
        const answer = answerServerError(payload, error, 'public endpoint')
        entry = finishBody(answer.status, { errors: [{ message: answer.message, ...(answer.id ? { id: answer.id } : {}) }] }, { 'Cache-Control': 'no-store', ...answer.headers })
      }
    }
    return reply(entry, req, cors)
  }

  /**
   * A finished entry as the reply to `req`: 304 for a matching ETag, compressed when the client accepts it. `extra`:
   * headers laid over it, as an `Alias` lays them over the cached path's replies.
   */
  const reply = (entry: CachedBody, req: Pick<PublicRequest, 'method' | 'header'>, cors: Record<string, string> = {}, extra?: Record<string, string>): PublicReply => {
    if (entry.status === 200 && req.method !== 'POST' && matchesEtag(req.header('if-none-match'), entry.etag)) {
      return { status: 304, headers: withHeaders(replyHeaders(entry, cors, req.method, undefined), extra), body: EMPTY }
    }
    const encoding = pickEncoding(req.header('accept-encoding'), entry)
    const headers = withHeaders(replyHeaders(entry, cors, req.method, encoding), extra)
    // An entry the cache holds is compressed for keeps; one sent once (cache off, errors) cheaper.
    const body = encoding ? encodedBody(entry, encoding, entry.owner ? 'kept' : 'once') : entry.body
    headers['Content-Length'] = String(body.length)
    return { status: entry.status, headers, body: req.method === 'HEAD' ? EMPTY : body }
  }

  return { handle, cachedReply, cachedAnswer, reply, cacheControl }
}

export type PublicApi = ReturnType<typeof createPublicApi>
