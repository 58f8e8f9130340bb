import { HttpError } from '../../plugin/http/http-error'
import { strictDecode } from './unicode-hygiene'

export interface InspectedUrl {
  /** Path as sent (still percent-encoded), e.g. "/api/articles/12". */
  path: string
  /** Decoded path segments, e.g. ["api", "articles", "12"]. */
  segments: string[]
  /** Query string without "?" (still encoded); "" when absent. */
  search: string
}

export const MAX_PATH_LENGTH = 2048

// Printable ASCII only: clients percent-encode everything else.
const PRINTABLE = /^[\x21-\x7e]*$/
// Encoded separators, dots and NUL let a path mean one thing to this check and another after decoding.
const ENCODED_TRICK = /%(2f|5c|2e|00)/i

/**
 * Refuses request targets that only attackers send: path traversal (`..`, `%2e%2e`), encoded slashes or
 * backslashes, NUL and control characters, invalid UTF-8, protocol-relative or absolute-form targets.
 */
export const inspectUrl = (raw: string | undefined): InspectedUrl => {
  const target = raw ?? '/'
  if (!target.startsWith('/') || target.startsWith('//')) throw new HttpError(400, 'Request target must be an absolute path')
  if (!PRINTABLE.test(target)) throw new HttpError(400, 'Request target must be percent-encoded ASCII')
  if (target.includes('#')) throw new HttpError(400, 'Request target must not carry a fragment')
  const mark = target.indexOf('?')
  const path = mark === -1 ? target : target.slice(0, mark)
  const search = mark === -1 ? '' : target.slice(mark + 1)
  if (path.length > MAX_PATH_LENGTH) throw new HttpError(414, 'Path too long')
  if (path.includes('\\') || ENCODED_TRICK.test(path)) throw new HttpError(400, 'Path contains encoded separators, dots or NUL')
  const parts = path.split('/').slice(1)
  const segments: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    // One trailing slash is fine ("/admin/"); empty segments elsewhere are not.
    if (part === '' && i === parts.length - 1) break
    if (part === '') throw new HttpError(400, 'Path contains an empty segment')
    const segment = strictDecode(part, 'Path')
    if (segment === '.' || segment === '..') throw new HttpError(400, 'Path contains a dot segment')
    segments.push(segment)
  }
  return { path, segments, search }
}
