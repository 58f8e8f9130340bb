/**
 * The one HTTP client every widget uses: URL building, fetch with the caller's AbortSignal
 * (from a task) plus a timeout, and every failure turned into an {@link ApiError}.
 */
import type {
  ArticleDetail,
  ArticleListResponse,
  ArticleSort,
  CategoryListResponse,
  ContentLocale,
  RegionTreeResponse,
  ViewResponse,
} from '../../wire/index.js'

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'parse'

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly kind: ApiErrorKind,
    readonly status?: number,
    message: string = kind,
  ) {
    super(message)
  }
}

/** Origin the script was loaded from: where the CMS serves both the bundle and the API. */
export const defaultApiBase = (() => {
  try {
    const origin = new URL(import.meta.url).origin
    // file: or blob: URLs have no usable origin (e.g. SSR or a bundled app): use the page's.
    if (origin !== 'null') return origin
  } catch {}
  return globalThis.location?.origin ?? ''
})()

export const DEFAULT_TIMEOUT = 10_000

export type Query = Record<string, string | number | undefined | null>

export function apiUrl(base: string, path: string, query: Query = {}): string {
  const url = new URL(base.replace(/\/+$/, '') + path, globalThis.location?.href)
  for (const [k, v] of Object.entries(query)) if (v != null && v !== '') url.searchParams.set(k, String(v))
  return url.href
}

const bases = new Map<string, [URL, string]>()
// Plain absolute paths, the CMS's usual form: resolving them is prefixing the origin.
const PLAIN_PATH = /^\/(?!\/)(?!.*\/\.)[\w\-.~%/]*$/

/** Media URLs from the CMS are usually relative to it ("/api/media/file/…"). Cards resolve several each, so the base is parsed once. */
export function assetUrl(base: string, url: string): string {
  try {
    let b = bases.get(base)
    if (!b) {
      const u = new URL(base.replace(/\/*$/, '/'), globalThis.location?.href)
      b = [u, u.origin]
      // Only an absolute base resolves the same on every page URL.
      if (/^[a-z][\w+.-]*:/i.test(base)) bases.set(base, b)
    }
    return PLAIN_PATH.test(url) && b[1] !== 'null' ? b[1] + url : new URL(url, b[0]).href
  } catch {
    return url
  }
}

export interface RequestOptions {
  signal?: AbortSignal
  /** Milliseconds before the request is given up as 'timeout'. */
  timeout?: number
  /** JSON body; makes the request a POST. */
  body?: unknown
}

/** The caller's own abort (filters changed, element removed): not an error to show. */
export const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError'

export async function fetchJson<T>(url: string, { signal, timeout = DEFAULT_TIMEOUT, body }: RequestOptions = {}): Promise<T> {
  signal?.throwIfAborted()
  const ctl = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    ctl.abort()
  }, timeout)
  const forward = () => ctl.abort(signal!.reason)
  signal?.addEventListener('abort', forward)
  const fail = (e: unknown) => (signal?.aborted ? e : new ApiError(timedOut ? 'timeout' : 'network', undefined, String(e)))
  try {
    let res: Response
    let text: string
    try {
      res = await fetch(url, {
        signal: ctl.signal,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
      })
      // The body can stall too: the timeout covers it.
      text = await res.text()
    } catch (e) {
      throw fail(e)
    }
    if (!res.ok) throw new ApiError('http', res.status, `HTTP ${res.status}`)
    try {
      const data = JSON.parse(text)
      if (data && typeof data === 'object') return data as T
    } catch {}
    throw new ApiError('parse', res.status)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forward)
  }
}

/** Checks the one field each caller relies on, so a wrong shape is a 'parse' error, not a crash in render. */
function expect<T>(data: T, ok: (d: T) => unknown): T {
  if (!ok(data)) throw new ApiError('parse')
  return data
}

/** Where the CMS serves the public API unless an element's `api-path` names another path (a host's basePath). */
export const DEFAULT_API_PATH = '/api/news'

// `root` below is the public API's base URL: an element's `api` + `api-path` (apiRoot).
const news = (slug = '') => '/articles' + (slug && '/' + encodeURIComponent(slug))

export const getRegions = (root: string, locale: ContentLocale, o?: RequestOptions) =>
  fetchJson<RegionTreeResponse>(apiUrl(root, '/regions', { locale }), o).then((d) =>
    expect(d, (d) => Array.isArray(d.provinces)),
  )

export const getCategories = (root: string, locale: ContentLocale, o?: RequestOptions) =>
  fetchJson<CategoryListResponse>(apiUrl(root, '/categories', { locale }), o).then((d) =>
    expect(d, (d) => Array.isArray(d.docs)),
  )

export interface ArticleQuery {
  category?: string
  region?: string
  page?: number
  limit?: number
  sort?: ArticleSort
  locale: ContentLocale
}

export const getArticles = (root: string, q: ArticleQuery, o?: RequestOptions) =>
  fetchJson<ArticleListResponse>(apiUrl(root, news(), { ...q }), o).then((d) => expect(d, (d) => Array.isArray(d.docs)))

export const getArticle = (root: string, slug: string, locale: ContentLocale, o?: RequestOptions) =>
  fetchJson<ArticleDetail>(apiUrl(root, news(slug), { locale }), o).then((d) =>
    expect(d, (d) => typeof d.title === 'string'),
  )

export const postView = (root: string, slug: string, visitor: string, region?: string, o?: RequestOptions) =>
  fetchJson<ViewResponse>(apiUrl(root, news(slug) + '/views'), { ...o, body: region ? { visitor, region } : { visitor } }).then((d) =>
    expect(d, (d) => typeof d.views === 'number'),
  )
