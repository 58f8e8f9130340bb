import type { Endpoint, PayloadRequest } from 'payload'
import type { ResolvedOptions } from '../options'
import { clientAddress } from './client-address'
import { readBody } from '../http/request-body'
import type { PublicApi, PublicReply } from './public-api'

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
    body: (limit: number) => readBody(req.body, limit),
    // Payload has already authenticated the request (cookie or API key).
    user: async () => req.user,
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
  const paths = [`${base}/regions`, `${base}/categories`, `${base}/articles`, `${base}/articles/:slug`, `${base}/articles/:slug/views`, `${base}/metrics`, `${base}/html/:fragment`]
  return paths.flatMap((path) => [
    { path, method: 'get' as const, handler },
    { path, method: 'post' as const, handler },
    { path, method: 'options' as const, handler },
  ])
}
