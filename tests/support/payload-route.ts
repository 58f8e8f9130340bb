import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { handleEndpoints } from 'payload'
import type { BootedPayload } from './boot-payload'

/**
 * Payload's own REST router as a node:http handler (what Next's route handler calls): a lean server's `fallback`
 * without building Next. Counts the requests it answers.
 */
export const payloadRoute = (booted: BootedPayload) => {
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    handler.calls++
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const response = await handleEndpoints({
      config: booted.payload.config,
      payloadInstanceCacheKey: booted.database.url,
      request: new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        ...(hasBody ? { duplex: 'half' } : {}),
      } as RequestInit),
    })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    if (!response.body || req.method === 'HEAD') return void res.end()
    res.end(Buffer.from(await response.arrayBuffer()))
  }
  handler.calls = 0
  return handler
}
