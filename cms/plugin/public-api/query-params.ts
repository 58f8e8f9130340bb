import type { ArticleSort, ContentLocale } from '../../../wire/index'
import { HttpError } from '../http/http-error'

export const ARTICLE_SORTS: readonly ArticleSort[] = ['-publishedAt', 'publishedAt', '-featured', '-views', 'title']
export const MAX_PAGE_SIZE = 50
const MAX_PAGE = 1_000

export interface ListParams {
  category?: string
  region?: string
  page: number
  limit: number
  sort: ArticleSort
  locale: ContentLocale
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const REGION_CODE = /^\d{6}$/

const only = (params: URLSearchParams, allowed: readonly string[]) => {
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key)) throw new HttpError(400, `Unknown parameter "${key.slice(0, 40)}"; allowed: ${allowed.join(', ')}`)
    if (params.getAll(key).length > 1) throw new HttpError(400, `Parameter "${key}" given more than once`)
  }
}

const integer = (raw: string | null, name: string, min: number, max: number, fallback: number) => {
  if (raw === null || raw === '') return fallback
  if (!/^\d{1,7}$/.test(raw)) throw new HttpError(400, `"${name}" must be a whole number`)
  const value = Number(raw)
  if (value < min || value > max) throw new HttpError(400, `"${name}" must be between ${min} and ${max}`)
  return value
}

export const parseLocale = (raw: string | null, locales: readonly string[]): ContentLocale => {
  if (raw === null || raw === '') return locales[0] as ContentLocale
  if (!locales.includes(raw)) throw new HttpError(400, `"locale" must be one of ${locales.join(', ')}`)
  return raw as ContentLocale
}

export const parseSlug = (raw: string, what = 'slug'): string => {
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, `Malformed ${what}`)
  }
  if (decoded.length > 120 || !SLUG.test(decoded)) throw new HttpError(400, `Malformed ${what}: lower-case letters, digits and hyphens`)
  return decoded
}

export const parseLocaleOnly = (params: URLSearchParams, locales: readonly string[]) => {
  only(params, ['locale'])
  return parseLocale(params.get('locale'), locales)
}

export const parseListParams = (params: URLSearchParams, locales: readonly string[]): ListParams => {
  only(params, ['category', 'region', 'page', 'limit', 'sort', 'locale'])
  const category = params.get('category') || undefined
  if (category !== undefined && (category.length > 120 || !SLUG.test(category))) throw new HttpError(400, 'Malformed "category" slug')
  const region = params.get('region') || undefined
  if (region !== undefined && !REGION_CODE.test(region)) throw new HttpError(400, '"region" must be a 6-digit division code')
  const sort = (params.get('sort') || '-publishedAt') as ArticleSort
  if (!ARTICLE_SORTS.includes(sort)) throw new HttpError(400, `"sort" must be one of ${ARTICLE_SORTS.join(', ')}`)
  return {
    category,
    region,
    page: integer(params.get('page'), 'page', 1, MAX_PAGE, 1),
    limit: integer(params.get('limit'), 'limit', 1, MAX_PAGE_SIZE, 12),
    sort,
    locale: parseLocale(params.get('locale'), locales),
  }
}

/** Cache key: the parsed values in a fixed order, so equivalent URLs share one entry. */
export const listCacheKey = (p: ListParams) =>
  `list|${p.locale}|${p.category ?? ''}|${p.region ?? ''}|${p.sort}|${p.page}|${p.limit}`
