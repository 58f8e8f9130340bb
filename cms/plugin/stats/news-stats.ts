import type { Payload } from 'payload'
import type { NewsStatsResponse } from '../../../wire/news-stats'
import { HttpError } from '../http/http-error'
import type { ResolvedOptions } from '../options'
import { siteDay } from '../views/site-day'

type Id = string | number
const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
export const MAX_RANGE_DAYS = 366
const TOP = 10

/** Milliseconds of a YYYY-MM-DD date at UTC midnight, or NaN when it is not a real date. */
const dateMs = (value: string) => {
  const m = DATE.exec(value)
  if (!m) return NaN
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)
  return new Date(ms).toISOString().slice(0, 10) === value ? ms : NaN
}

export interface StatsRange {
  from: string
  to: string
}

/** The range of `?from=&to=`: both or neither (the last 30 site days); inclusive, at most 366 days. */
export const parseRange = (query: URLSearchParams, timeZone: string, now = Date.now()): StatsRange => {
  const from = query.get('from')
  const to = query.get('to')
  if (from === null && to === null) return lastDays(30, timeZone, now)
  if (from === null || to === null) throw new HttpError(400, 'Give both "from" and "to" (YYYY-MM-DD)')
  const a = dateMs(from)
  const b = dateMs(to)
  if (Number.isNaN(a) || Number.isNaN(b)) throw new HttpError(400, '"from" and "to" must be dates as YYYY-MM-DD')
  if (b < a) throw new HttpError(400, '"to" is before "from"')
  if ((b - a) / DAY_MS + 1 > MAX_RANGE_DAYS) throw new HttpError(400, `The range is limited to ${MAX_RANGE_DAYS} days`)
  return { from, to }
}

/** The last `n` site days, today included. */
export const lastDays = (n: number, timeZone: string, now = Date.now()): StatsRange => {
  const to = siteDay(timeZone, now)
  return { from: new Date(dateMs(to) - (n - 1) * DAY_MS).toISOString().slice(0, 10), to }
}

const sumBy = <K>(rows: DayRow[], key: (row: DayRow) => K | undefined) => {
  const sums = new Map<K, number>()
  for (const row of rows) {
    const k = key(row)
    if (k !== undefined && k !== null) sums.set(k, (sums.get(k) ?? 0) + row.views)
  }
  return sums
}

interface DayRow {
  day: string
  article: Id
  region?: Id | null
  views: number
}

const byViews = <T extends { views: number }>(a: T, b: T) => b.views - a.views

/**
 * Views of the range from the daily counters: per day (zeros included), top articles, by category and by the
 * reader's region. Reads the counters as they are (no cache), so a view shows at once. The caller checks access.
 */
export const computeNewsStats = async (payload: Payload, options: ResolvedOptions, range: StatsRange, locale?: string): Promise<NewsStatsResponse> => {
  const { slugs } = options
  const { docs } = await payload.find({
    collection: slugs.articleViewDays as never,
    where: { and: [{ day: { greater_than_equal: range.from } }, { day: { less_than_equal: range.to } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { day: true, article: true, region: true, views: true } as never,
  })
  const rows = docs as unknown as DayRow[]
  const articleRows = rows.filter((r) => r.region == null)
  const regionRows = rows.filter((r) => r.region != null)

  const perDay = sumBy(articleRows, (r) => r.day)
  const days: NewsStatsResponse['days'] = []
  for (let ms = dateMs(range.from); ms <= dateMs(range.to); ms += DAY_MS) {
    const date = new Date(ms).toISOString().slice(0, 10)
    days.push({ date, views: perDay.get(date) ?? 0 })
  }

  const perArticle = sumBy(articleRows, (r) => r.article)
  const perRegion = sumBy(regionRows, (r) => r.region as Id)
  const [articles, regions] = await Promise.all([
    perArticle.size
      ? payload.find({
          collection: slugs.articles as never,
          where: { id: { in: [...perArticle.keys()] } },
          pagination: false,
          depth: 1,
          locale: locale as never,
          overrideAccess: true,
          select: { slug: true, title: true, category: true } as never,
        })
      : { docs: [] },
    perRegion.size
      ? payload.find({
          collection: slugs.regions as never,
          where: { id: { in: [...perRegion.keys()] } },
          pagination: false,
          depth: 0,
          locale: locale as never,
          overrideAccess: true,
          select: { code: true, name: true, shortName: true } as never,
        })
      : { docs: [] },
  ])

  type ArticleDoc = { id: Id; slug: string; title?: string; category?: { id: Id; slug: string; name?: string } | Id | null }
  const topArticles: NewsStatsResponse['topArticles'] = []
  const perCategory = new Map<string, { slug: string; name: string; views: number }>()
  for (const doc of articles.docs as unknown as ArticleDoc[]) {
    const views = perArticle.get(doc.id) ?? 0
    topArticles.push({ slug: doc.slug, title: doc.title ?? doc.slug, views })
    const category = typeof doc.category === 'object' && doc.category ? doc.category : undefined
    if (!category) continue
    const entry = perCategory.get(category.slug) ?? { slug: category.slug, name: category.name ?? category.slug, views: 0 }
    entry.views += views
    perCategory.set(category.slug, entry)
  }
  return {
    from: range.from,
    to: range.to,
    days,
    topArticles: topArticles.sort(byViews).slice(0, TOP),
    categories: [...perCategory.values()].sort(byViews),
    // Short names, as the public region tree and the picker show them (苏州, not 苏州市).
    regions: (regions.docs as unknown as { id: Id; code: string; name?: string; shortName?: string }[])
      .map((r) => ({ code: r.code, name: r.shortName || r.name || r.code, views: perRegion.get(r.id) ?? 0 }))
      .sort(byViews),
  }
}
