import type { Payload, Where } from 'payload'
import type { ArticleListResponse } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localApiFallback } from '../../locale-fallback'
import { type CardDoc, CARD_SELECT, SORTS, toCards } from './article-cards'
import { HttpError } from '../../http/http-error'
import type { ListParams } from '../../public-api/query-params'
import { getRegionIndex, regionIdsMatching } from '../region-index'

type Id = string | number

// mongoose-paginate applies `skip` only with pagination on (page 2 came back as page 1 on MongoDB); SQL adapters
// apply the offset either way and skip the extra count without it.
const paginated = (payload: Payload) => payload.db.name === 'mongoose'

/** A list filter resolved to ids: the category, and the region ids the region rule matches. */
interface ListFilter {
  categoryId?: Id
  regionIds?: Id[]
}

const resolveFilter = async (
  payload: Payload,
  options: ResolvedOptions,
  params: Pick<ListParams, 'category' | 'region'>,
): Promise<ListFilter> => {
  const filter: ListFilter = {}
  if (params.category) {
    const { docs } = await payload.find({
      collection: options.slugs.categories as never,
      where: { slug: { equals: params.category } },
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: { slug: true } as never,
    })
    const category = docs[0] as unknown as { id: Id } | undefined
    if (!category) throw new HttpError(404, `Unknown category "${params.category}"`)
    filter.categoryId = category.id
  }
  if (params.region) {
    const region = (await getRegionIndex(payload, options)).byCode.get(params.region)
    if (!region) throw new HttpError(404, `Unknown region "${params.region}"`)
    filter.regionIds = regionIdsMatching(region)
  }
  return filter
}

const whereOf = (filter: ListFilter, ...extra: Where[]): Where => {
  const and: Where[] = []
  if (filter.categoryId !== undefined) and.push({ category: { equals: filter.categoryId } })
  and.push(...extra)
  return and.length ? { and } : {}
}

const listWhere = (filter: ListFilter): Where =>
  filter.regionIds ? whereOf(filter, { or: [{ regions: { in: filter.regionIds } }, { nationwide: { equals: true } }] }) : whereOf(filter)

/** The `where` for a list filter; exported so tests can send the same query through stock REST. */
export const buildListWhere = async (
  payload: Payload,
  options: ResolvedOptions,
  params: Pick<ListParams, 'category' | 'region'>,
): Promise<Where> => listWhere(await resolveFilter(payload, options, params))

/**
 * Matching articles, counted as two disjoint index-friendly parts when a region is given: nationwide ones (an index
 * range) plus tagged ones (starting from the tagged regions). One count over "tagged OR nationwide" would visit every
 * article of the category.
 */
const countMatching = async (payload: Payload, options: ResolvedOptions, filter: ListFilter): Promise<number> => {
  const count = (where: Where) =>
    payload.count({ collection: options.slugs.articles as never, where, overrideAccess: false }).then((r) => r.totalDocs)
  if (!filter.regionIds) return count(whereOf(filter))
  const [nationwide, tagged] = await Promise.all([
    count(whereOf(filter, { nationwide: { equals: true } })),
    count(whereOf(filter, { nationwide: { equals: false } }, { regions: { in: filter.regionIds } })),
  ])
  return nationwide + tagged
}

/** The same filter seen from the view counters: every condition on the counter's article. */
const onArticle = (where: Where): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'and' || key === 'or' ? [key, (value as Where[]).map(onArticle)] : [`article.${key}`, value],
    ),
  ) as Where

/**
 * "Most read": a page of view counters (their read access already limits them to published articles), then those
 * articles' card fields, in the counters' order. Ties go to the newer article (publish time, then id).
 */
const findMostRead = async (payload: Payload, options: ResolvedOptions, filter: ListFilter, params: ListParams): Promise<CardDoc[]> => {
  const counters = await payload.find({
    collection: options.slugs.articleViews as never,
    where: onArticle(listWhere(filter)),
    sort: ['-views', '-article.publishedAt', '-article'],
    page: params.page,
    limit: params.limit,
    pagination: paginated(payload),
    depth: 0,
    overrideAccess: false,
    select: { article: true } as never,
  })
  const ids = (counters.docs as unknown as { article: Id }[]).map((c) => c.article)
  if (!ids.length) return []
  const { docs } = await payload.find({
    collection: options.slugs.articles as never,
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    depth: 0,
    locale: params.locale,
    fallbackLocale: localApiFallback(options.fallbackOf[params.locale]) as never,
    overrideAccess: false,
    select: CARD_SELECT as never,
  })
  const byId = new Map((docs as unknown as CardDoc[]).map((d) => [String(d.id), d]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

const findPage = async (payload: Payload, options: ResolvedOptions, filter: ListFilter, params: ListParams): Promise<CardDoc[]> => {
  if (params.sort === '-views') return findMostRead(payload, options, filter, params)
  const result = await payload.find({
    collection: options.slugs.articles as never,
    where: listWhere(filter),
    sort: SORTS[params.sort],
    page: params.page,
    limit: params.limit,
    pagination: paginated(payload),
    depth: 0,
    locale: params.locale,
    fallbackLocale: localApiFallback(options.fallbackOf[params.locale]) as never,
    overrideAccess: false,
    select: CARD_SELECT as never,
  })
  return result.docs as unknown as CardDoc[]
}

export const buildArticleList = async (
  payload: Payload,
  options: ResolvedOptions,
  params: ListParams,
): Promise<ArticleListResponse> => {
  const filter = await resolveFilter(payload, options, params)
  // The page alone; the total comes from countMatching.
  const [page, totalDocs] = await Promise.all([findPage(payload, options, filter, params), countMatching(payload, options, filter)])
  const totalPages = Math.ceil(totalDocs / params.limit)
  return {
    docs: await toCards(payload, options, page, params.locale),
    page: params.page,
    limit: params.limit,
    totalDocs,
    totalPages,
    hasNextPage: params.page < totalPages,
    hasPrevPage: params.page > 1,
  }
}
