import type { Endpoint, PayloadRequest } from 'payload'
import type { ResolvedOptions } from '../options'
import { clientAddress } from '../read-path/client-address'
import type { PublicApi, PublicReply } from '../read-path/public-api'

// The view endpoint's body is a visitor id: a kilobyte is plenty.
const MAX_BODY_BYTES = 1024

/**
 * Reads the JSON body with a byte limit: Request.json() would read whatever arrives, also a chunked body
 * that sent no Content-Length for the handler to check first.
 */
const boundedJson = async (req: PayloadRequest): Promise<unknown> => {
  const stream = req.body as ReadableStream<Uint8Array> | null | undefined
  if (!stream) throw new Error('no body')
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      throw new Error('body too large')
    }
    chunks.push(value)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return JSON.parse(text || 'null')
}

/** Adapts a Payload endpoint request to the shared public handler. */
const toPublicRequest = (req: PayloadRequest, basePath: string, options: ResolvedOptions) => {
  const url = new URL(req.url ?? 'http://localhost/')
  const apiRoute = req.payload.config.routes.api
  const prefix = `${apiRoute}${basePath}`
  return {
    method: req.method ?? 'GET',
    path: url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
    query: url.searchParams,
    header: (name: string) => req.headers.get(name),
    json: () => boundedJson(req),
    // Behind Next the socket is not visible; Next (or the proxy in front) is the peer that sets X-Forwarded-For.
    client: clientAddress(
      req.headers.get('x-real-ip') ?? '127.0.0.1',
      req.headers.get('x-forwarded-for'),
      ['127.0.0.1', '::1', ...options.views.trustedProxies],
    ),
  }
}

const toResponse = (reply: PublicReply) =>
  new Response(reply.status === 204 || reply.status === 304 ? null : new Uint8Array(reply.body), {
    status: reply.status,
    headers: reply.headers,
  })

/** The public read path as Payload endpoints, so any host app serves it under /api{basePath}/… */
export const createPublicEndpoints = (api: PublicApi, options: ResolvedOptions): Endpoint[] => {
  const base = options.publicApi.basePath
  const handler = async (req: PayloadRequest) => toResponse(await api.handle(req.payload, toPublicRequest(req, base, options)))
  const paths = [`${base}/regions`, `${base}/categories`, `${base}/articles`, `${base}/articles/:slug`, `${base}/articles/:slug/views`]
  return paths.flatMap((path) => [
    { path, method: 'get' as const, handler },
    { path, method: 'post' as const, handler },
    { path, method: 'options' as const, handler },
  ])
}
