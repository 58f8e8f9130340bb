import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import { runtimeOf } from '../plugin'
import { clientAddress } from '../plugin/public-api/client-address'
import type { PublicReply, PublicRequest } from '../plugin/public-api/public-api'
import { createDatabaseProbe } from './database-probe'
import { HttpError } from '../plugin/http/http-error'
import { readBody } from '../plugin/http/request-body'
import { createRestGuard } from './rest-guard/rest-guard'
import { PAGE_SECURITY_HEADERS } from '../plugin/site/page-headers'
import { interceptServerErrors, type MappedError } from './server-error-mapper'
import { loadStaticDirectory, type StaticFile } from './static-files'
import { createMediaFiles } from './media-files'
import { inspectUrl } from './rest-guard/url-hygiene'

export interface LeanServerOptions {
  payload: Payload
  /** Everything this server does not answer itself (admin, REST API). Absent: 404. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>
  root?: string
  /** A folder of static pages served at `/` (its index.html) and under `/demo/` (the demo app's site). */
  site?: string
  /** Proxies whose X-Forwarded-For is believed (e.g. a CDN or load balancer). */
  trustedProxies?: string[]
}

const WIDGETS_PREFIX = '/widgets/v1'

// What Next serves (the host's admin and API routes, Next's assets); any other path is answered here.
const nextPaths = ({ admin, api }: { admin: string; api: string }) => {
  const escaped = [admin, api, '/_next'].map((route) => route.replace(/^\/+|\/+$/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^/(${escaped.join('|')})(/|$)`)
}

const sendError = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  const body = JSON.stringify({ errors: [{ message }] })
  res
    .writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    })
    .end(body)
}

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'

const toHeaders = (incoming: IncomingMessage['headers']) => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  return headers
}

const send = (res: ServerResponse, reply: PublicReply) => {
  res.writeHead(reply.status, reply.headers)
  res.end(reply.body)
}

const sendStatic = (req: IncomingMessage, res: ServerResponse, file: StaticFile, headers: Record<string, string>) => {
  const base = { 'Content-Type': file.type, ETag: file.etag, Vary: 'Accept-Encoding', ...headers }
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, base)
    res.end()
    return
  }
  const accept = String(req.headers['accept-encoding'] ?? '')
  const encoding = file.br && /\bbr\b/.test(accept) ? 'br' : file.gzip && /\bgzip\b/.test(accept) ? 'gzip' : undefined
  const body = encoding ? file[encoding]! : file.body
  res.writeHead(200, { ...base, ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Content-Length': body.length })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * A plain node:http server in front of Next: it answers the public read path, the widgets bundle and the demo
 * page itself (no per-request framework work), and hands everything else — admin, Payload REST — to Next.
 */
export const createLeanServer = ({ payload, fallback, root = process.cwd(), site, trustedProxies = [] }: LeanServerOptions): Server => {
  const runtime = runtimeOf(payload)
  const { publicApi, options, site: newsSite } = runtime
  const publicPrefix = `${payload.config.routes.api}${options.publicApi.basePath}/`
  const NEXT_PATHS = nextPaths(payload.config.routes)
  const widgets = loadStaticDirectory(path.join(root, 'dist/widgets/v1'))
  const pages = site ? loadStaticDirectory(site) : new Map<string, StaticFile>()
  const proxies = [...trustedProxies, ...options.views.trustedProxies]
  const guard = createRestGuard(payload)
  const database = createDatabaseProbe(payload)
  // Public images from disk (only in front of a fallback: anything it does not serve is Payload's).
  const media = fallback ? createMediaFiles(payload, runtime) : undefined
  const UNAVAILABLE: MappedError = { status: 503, message: 'Content database unavailable; try again shortly', headers: { 'Retry-After': '5' } }

  // A 5xx under /api becomes a JSON 503 when the database is what failed, and JSON in any case.
  const mapServerError = async ({ json }: { status: number; json: boolean }): Promise<MappedError | undefined> => {
    if (!(await database.isUp())) return UNAVAILABLE
    return json ? undefined : { status: 500, message: 'Internal error' }
  }

  const toPublicRequest = (req: IncomingMessage, url: URL, path: string): PublicRequest => ({
    method: req.method ?? 'GET',
    path,
    query: url.searchParams,
    header: (name) => {
      const value = req.headers[name.toLowerCase()]
      return Array.isArray(value) ? value.join(', ') : value
    },
    body: (limit) => readBody(req, limit),
    client: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'] as string | undefined, proxies),
    url: req.url,
    localPeer: isLoopback(req.socket.remoteAddress) && req.headers['x-forwarded-for'] === undefined,
    user: async () => (await payload.auth({ headers: toHeaders(req.headers) }).catch(() => ({ user: null }))).user,
  })

  const handlePublic = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    send(res, await publicApi.handle(payload, toPublicRequest(req, url, url.pathname.slice(publicPrefix.length - 1))))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Path tricks, control characters and invalid UTF-8 never reach a handler.
    const inspected = inspectUrl(req.url)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const { pathname } = url
    if (pathname.startsWith(publicPrefix)) return handlePublic(req, interceptServerErrors(res, mapServerError), url)
    if (pathname.startsWith(`${WIDGETS_PREFIX}/`) && (req.method === 'GET' || req.method === 'HEAD')) {
      const file = widgets.get(pathname.slice(WIDGETS_PREFIX.length))
      if (file) {
        // The entry keeps its URL across releases (short cache); chunks are content-hashed (immutable).
        const immutable = pathname.includes('/chunks/')
        return sendStatic(req, res, file, {
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400',
          // Module scripts loaded from another origin need CORS (never with credentials).
          'Access-Control-Allow-Origin': '*',
          'Cross-Origin-Resource-Policy': 'cross-origin',
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'strict-origin-when-cross-origin',
        })
      }
      return sendError(res, 404, 'No such widgets file')
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && !NEXT_PATHS.test(pathname)) {
      // The news site: pages, feeds, sitemaps, robots.txt, old `/?article=` links.
      const reply = await newsSite.handle(payload, toPublicRequest(req, url, pathname))
      if (reply) return send(res, reply)
      if (pathname === '/') {
        res.writeHead(302, { Location: options.site.path, 'Cache-Control': 'public, max-age=300', 'Content-Length': 0 }).end()
        return
      }
      // The demo app's widgets-only host page and its files.
      const page = pathname === '/demo/' ? pages.get('/index.html') : pathname.startsWith('/demo/') ? pages.get(pathname.slice(5)) : undefined
      if (page) return sendStatic(req, res, page, { 'Cache-Control': 'public, max-age=60', ...PAGE_SECURITY_HEADERS })
    }
    if (media && (await media.serve(req, res, url))) return
    if (fallback && NEXT_PATHS.test(pathname)) {
      // Next keeps a header set here (it only adds missing ones).
      res.setHeader('X-Content-Type-Options', 'nosniff')
      if (!guard.isRestPath(inspected.segments)) return fallback(req, res)
      // Payload's REST API: validated here first, and its 5xx answers mapped.
      const checked = await guard.check(req, inspected)
      // During an outage, answer at once instead of queueing more work behind a database that is not there.
      if (database.knownDown()) return sendError(res, UNAVAILABLE.status, UNAVAILABLE.message, UNAVAILABLE.headers)
      return fallback(checked, interceptServerErrors(res, mapServerError))
    }
    sendError(res, 404, 'Not found')
  }

  const server = createServer((req, res) => {
    // A cache hit skips everything below, URL checks included: the same target passed them before it was cached.
    const hit = publicApi.cachedReply(req.method, req.url, req.headers)
    if (hit) {
      res.writeHead(hit.status, hit.headers)
      res.end(hit.body)
      return
    }
    handle(req, res).catch((error: Error & { status?: number }) => {
      if (res.headersSent) return res.destroy()
      if (error instanceof HttpError) return sendError(res, error.status, error.message, error.headers)
      payload.logger.error({ err: error }, 'request failed')
      const status = error.status && error.status < 500 ? error.status : 500
      sendError(res, status, status === 500 ? 'Internal error' : error.message)
    })
  })
  // Requests Node's parser refuses (conflicting lengths, bad chunking, huge headers) get JSON too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy()
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    const body = JSON.stringify({ errors: [{ message: status === 431 ? 'Request headers too large' : status === 408 ? 'Request timeout' : 'Malformed HTTP request' }] })
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  })
  return server
}
