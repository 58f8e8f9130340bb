import { handleEndpoints } from 'payload'
import type { BootedPayload } from './boot-payload'

export interface RawReply {
  status: number
  headers: Headers
  /** The bytes as sent (still compressed when Content-Encoding is set). */
  body: Buffer
  json: any
}

const decode = (status: number, headers: Headers, body: Buffer): RawReply => {
  let json: any
  if (!headers.get('content-encoding') && body.length) {
    try {
      json = JSON.parse(body.toString('utf8'))
    } catch {
      json = undefined
    }
  }
  return { status, headers, body, json }
}

/** A request through the Payload endpoint mounting (Payload's own router, as Next's route handler calls it). */
export const viaPayload = async (
  booted: BootedPayload,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawReply> => {
  const response = await handleEndpoints({
    config: booted.payload.config,
    payloadInstanceCacheKey: booted.database.url,
    request: new Request(`http://localhost${path}`, { method: init.method ?? 'GET', headers: init.headers, body: init.body }),
  })
  return decode(response.status, response.headers, Buffer.from(await response.arrayBuffer()))
}

/** A request over real HTTP (no automatic decompression, unlike fetch). */
export const viaHttp = async (
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawReply> => {
  const { request } = await import('node:http')
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
        }
        resolve(decode(res.statusCode ?? 0, headers, Buffer.concat(chunks)))
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(init.body)
  })
}
