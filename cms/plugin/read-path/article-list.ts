import type { Payload, Where } from 'payload'
import type { ArticleListResponse } from '../../../widgets/api/wire'
import type { ResolvedOptions } from '../options'
import { type CardDoc, CARD_SELECT, SORTS, toCards } from './article-cards'
import { PublicError } from './public-error'
import type { ListParams } from './query-params'
import { getRegionIndex, regionIdsMatching } from './region-index'

type Id = string | number

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
    if (!category) throw new PublicError(404, `Unknown category "${params.category}"`)
    filter.categoryId = category.id
  }
  if (params.region) {
    const region = (await getRegionIndex(payload, options)).byCode.get(params.region)
    if (!region) throw new PublicError(404, `Unknown region "${params.region}"`)
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

export const buildArticleList = async (
  payload: Payload,
  options: ResolvedOptions,
  params: ListParams,
): Promise<ArticleListResponse> => {
  const filter = await resolveFilter(payload, options, params)
  // MongoDB's adapter (mongoose-paginate-v2) applies the skip only when paginating: with pagination off, page 2 would
  // repeat page 1. There the find paginates and its own count (one countDocuments, same filter) is the total, so the
  // query count stays two. The SQL adapters apply the offset either way: they keep pagination off and countMatching's
  // index-friendly split counts, unchanged.
  const paginate = payload.db.name === 'mongoose'
  const [result, counted] = await Promise.all([
    payload.find({
      collection: options.slugs.articles as never,
      where: listWhere(filter),
      sort: SORTS[params.sort],
      page: params.page,
      limit: params.limit,
      pagination: paginate,
      depth: 0,
      locale: params.locale,
      fallbackLocale: options.locales[0] as never,
      overrideAccess: false,
      select: CARD_SELECT as never,
    }),
    paginate ? undefined : countMatching(payload, options, filter),
  ])
  const totalDocs = counted ?? result.totalDocs
  const totalPages = Math.ceil(totalDocs / params.limit)
  return {
    docs: await toCards(payload, options, result.docs as unknown as CardDoc[], params.locale),
    page: params.page,
    limit: params.limit,
    totalDocs,
    totalPages,
    hasNextPage: params.page < totalPages,
    hasPrevPage: params.page > 1,
  }
}
