import { HttpError } from '../../plugin/http/http-error'

export const MAX_JSON_DEPTH = 100

/**
 * Parses a JSON request body the way Payload will, and refuses what would reach the database as a 500 or be
 * silently mangled: non-object roots, nesting deep enough to exhaust recursion, NUL (PostgreSQL rejects it in
 * text) and lone surrogates.
 */
export const parseJsonBody = (text: string, what = 'Body'): Record<string, unknown> => {
  let data: unknown
  try {
    data = text ? JSON.parse(text) : {}
  } catch {
    throw new HttpError(400, `${what} is not valid JSON`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new HttpError(400, `${what} must be a JSON object`)
  const stack: [unknown, number][] = [[data, 1]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (typeof value === 'string') {
      checkString(value, what)
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_JSON_DEPTH) throw new HttpError(400, `${what} is nested deeper than ${MAX_JSON_DEPTH}`)
    if (Array.isArray(value)) for (const item of value) stack.push([item, depth + 1])
    else
      for (const [key, item] of Object.entries(value)) {
        checkString(key, what)
        stack.push([item, depth + 1])
      }
  }
  return data as Record<string, unknown>
}

const checkString = (value: string, what: string) => {
  if (value.includes('\u0000')) throw new HttpError(400, `${what} contains a NUL character`)
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) {
    throw new HttpError(400, `${what} contains a lone surrogate`)
  }
}
