import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'
import { mountedPublicApi } from '../plugin'
import { clientAddress } from '../plugin/read-path/client-address'
import type { PublicReply } from '../plugin/read-path/public-api'
import { PAGE_SECURITY_HEADERS } from './security-headers'
import { loadStaticDirectory, type StaticFile } from './static-files'

export interface LeanServerOptions {
  payload: Payload
  /** Everything this server does not answer itself (admin, REST API). Absent: 404. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>
  root?: string
  /** Proxies whose X-Forwarded-For is believed (e.g. a CDN or load balancer). */
  trustedProxies?: string[]
}

const MAX_JSON_BODY = 1024
const WIDGETS_PREFIX = '/widgets/v1'

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_JSON_BODY) {
        reject(Object.assign(new Error('Body too large'), { status: 413 }))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

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
export const createLeanServer = ({ payload, fallback, root = process.cwd(), trustedProxies = [] }: LeanServerOptions): Server => {
  const { publicApi, options } = mountedPublicApi(payload)
  const publicPrefix = `${payload.config.routes.api}${options.publicApi.basePath}/`
  const widgets = loadStaticDirectory(path.join(root, 'dist/widgets/v1'))
  const demo = loadStaticDirectory(path.join(root, 'cms/demo'))
  const proxies = [...trustedProxies, ...options.views.trustedProxies]

  const handlePublic = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let bodyPromise: Promise<Buffer> | undefined
    const reply = await publicApi.handle(payload, {
      method: req.method ?? 'GET',
      path: url.pathname.slice(publicPrefix.length - 1),
      query: url.searchParams,
      header: (name) => {
        const value = req.headers[name.toLowerCase()]
        return Array.isArray(value) ? value.join(', ') : value
      },
      json: async () => JSON.parse((await (bodyPromise ??= readBody(req))).toString('utf8') || 'null'),
      client: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'] as string | undefined, proxies),
    })
    send(res, reply)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Malformed URL' }] }))
      return
    }
    const { pathname } = url
    if (pathname.startsWith(publicPrefix)) return handlePublic(req, res, url)
    if (pathname.startsWith(`${WIDGETS_PREFIX}/`) && (req.method === 'GET' || req.method === 'HEAD')) {
      const file = widgets.get(pathname.slice(WIDGETS_PREFIX.length))
      if (file) {
        // The entry keeps its URL across releases (short cache); chunks are content-hashed (immutable).
        const immutable = pathname.includes('/chunks/')
        return sendStatic(req, res, file, {
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400',
          // Module scripts loaded from another origin need CORS.
          'Access-Control-Allow-Origin': '*',
          'X-Content-Type-Options': 'nosniff',
        })
      }
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const page = pathname === '/' ? demo.get('/index.html') : pathname.startsWith('/demo/') ? demo.get(pathname.slice(5)) : undefined
      if (page) return sendStatic(req, res, page, { 'Cache-Control': 'public, max-age=60', ...PAGE_SECURITY_HEADERS })
    }
    if (fallback) return fallback(req, res)
    res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Not found' }] }))
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: Error & { status?: number }) => {
      payload.logger.error({ err: error }, 'request failed')
      if (res.headersSent) return res.destroy()
      const status = error.status && error.status < 500 ? error.status : 500
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ message: status === 500 ? 'Internal error' : error.message }] }))
    })
  })
}
