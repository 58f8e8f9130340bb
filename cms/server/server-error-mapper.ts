import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

export interface MappedError {
  status: number
  message: string
  headers?: Record<string, string>
}

/**
 * Holds back a 5xx answer (from Next/Payload or our own handlers) until `decide` says what it should be: a JSON
 * 503 when the database is down, a JSON 500 when the original was not JSON, or the original untouched
 * (`undefined`). Anything below 500 streams through unchanged.
 */
export const interceptServerErrors = (res: ServerResponse, decide: (original: { status: number; json: boolean }) => Promise<MappedError | undefined>) => {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
  let state: 'open' | 'pass' | 'hold' = 'open'
  let headArgs: unknown[] | undefined
  const chunks: [unknown, unknown][] = []

  const choose = (status: number) => {
    if (state === 'open') state = status >= 500 ? 'hold' : 'pass'
    return state
  }

  const finish = async (endArgs: unknown[]) => {
    const status = (headArgs?.[0] as number | undefined) ?? res.statusCode
    const headerType = headArgs ? findHeader(headArgs, 'content-type') : undefined
    const type = String(headerType ?? res.getHeader('content-type') ?? '')
    let mapped: MappedError | undefined
    try {
      mapped = await decide({ status, json: /json/i.test(type) })
    } catch {
      mapped = undefined
    }
    if (!mapped) {
      if (headArgs) original.writeHead.apply(res, headArgs as never)
      for (const [chunk, encoding] of chunks) original.write.call(res, chunk as never, encoding as never, undefined)
      original.end.apply(res, endArgs as never)
      return
    }
    for (const name of res.getHeaderNames()) if (!/^access-control-|^vary$/i.test(name)) res.removeHeader(name)
    const body = JSON.stringify({ errors: [{ message: mapped.message }] })
    const writeHead = original.writeHead as (status: number, headers: OutgoingHttpHeaders) => ServerResponse
    const end = original.end as (chunk: string) => ServerResponse
    writeHead.call(res, mapped.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(body),
      ...mapped.headers,
    })
    end.call(res, body)
  }

  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (choose(args[0] as number) === 'pass') return original.writeHead.apply(this, args as never)
    headArgs = args
    return this
  } as typeof res.writeHead
  res.flushHeaders = function (this: ServerResponse) {
    if (choose(res.statusCode) === 'pass') return original.flushHeaders.call(this)
  }
  res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (choose(res.statusCode) === 'pass') return original.write.call(this, chunk as never, encoding as never, callback as never)
    chunks.push([chunk, typeof encoding === 'string' ? encoding : undefined])
    if (typeof encoding === 'function') encoding()
    else if (typeof callback === 'function') callback()
    return true
  } as typeof res.write
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (choose(res.statusCode) === 'pass') return original.end.apply(this, args as never)
    const [chunk, encoding] = args
    if (chunk !== undefined && typeof chunk !== 'function') chunks.push([chunk, typeof encoding === 'string' ? encoding : undefined])
    const callback = args.find((a) => typeof a === 'function')
    void finish(callback ? [callback] : [])
    return this
  } as typeof res.end
  return res
}

const findHeader = (args: unknown[], name: string): unknown => {
  const headers = args.find((a) => typeof a === 'object' && a !== null) as OutgoingHttpHeaders | string[] | undefined
  if (!headers) return undefined
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) if (String(headers[i]).toLowerCase() === name) return headers[i + 1]
    return undefined
  }
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]
}
