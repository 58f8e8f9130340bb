import type { Endpoint, PayloadRequest } from 'payload'
import type { ResolvedOptions } from '../options'
import { readBody } from '../http/request-body'
import type { PublicApi, PublicReply } from './public-api'

/** The rate-limit bucket of every client on this mounting when the host names no client address header. */
export const SHARED_CLIENT = 'payload-endpoints'

/**
 * Behind Next there is no socket to read, and Next passes on whatever X-Forwarded-For a client sent, so no header
 * is believed unless the host names one its proxy overwrites; its right-most entry is the client. Otherwise all
 * clients share one bucket.
 */
const endpointClient = (req: PayloadRequest, header: string | undefined) => {
  const value = header ? req.headers.get(header) : null
  const address = value?.split(',').pop()?.trim().replace(/^::ffff:/, '')
  return address ? `header:${address}` : SHARED_CLIENT
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
    body: (limit: number) => readBody(req.body, limit),
    // Payload has already authenticated the request (cookie or API key).
    user: async () => req.user,
    client: endpointClient(req, options.publicApi.clientAddressHeader),
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
