import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** Parsed body when it is JSON, else undefined. */
  json: any
  ms: number
}

export interface RawRequest {
  method?: string
  /** Sent exactly as given: no normalisation of `..`, no re-encoding (unlike fetch). */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  timeoutMs?: number
}

/** One HTTP request with full control over the request target and body bytes. */
export const rawRequest = (baseUrl: string, { method = 'GET', path, headers = {}, body, timeoutMs = 30_000 }: RawRequest) =>
  new Promise<RawResponse>((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl)
    const started = Date.now()
    const chunked = Object.keys(headers).some((name) => name.toLowerCase() === 'transfer-encoding')
    const length = body !== undefined && !chunked ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}
    const req = request({ host: hostname, port, method, path, headers: { ...length, ...headers }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = text ? JSON.parse(text) : undefined
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: Date.now() - started })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${method} ${path.slice(0, 120)}`)))
    req.on('error', reject)
    req.end(body)
  })

/** Runs tasks with at most `limit` in flight. */
export const inPool = async <T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
