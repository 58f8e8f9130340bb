import type { Payload, Where } from 'payload'
import type { ArticleListResponse } from '../../../widgets/api/wire'
import type { ResolvedOptions } from '../options'
import { type CardDoc, CARD_SELECT, SORTS, toCards } from './article-cards'
import { PublicError } from './public-error'
import type { ListParams } from './query-params'
import { getRegionIndex, regionIdsMatching } from './region-index'

/** The `where` for a list filter; exported so tests can send the same query through stock REST. */
export const buildListWhere = async (
  payload: Payload,
  options: ResolvedOptions,
  params: Pick<ListParams, 'category' | 'region'>,
): Promise<Where> => {
  const and: Where[] = []
  if (params.category) {
    const { docs } = await payload.find({
      collection: options.slugs.categories as never,
      where: { slug: { equals: params.category } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      select: { slug: true } as never,
    })
    const category = docs[0] as unknown as { id: string | number } | undefined
    if (!category) throw new PublicError(404, `Unknown category "${params.category}"`)
    and.push({ category: { equals: category.id } })
  }
  if (params.region) {
    const region = (await getRegionIndex(payload, options)).byCode.get(params.region)
    if (!region) throw new PublicError(404, `Unknown region "${params.region}"`)
    and.push({ or: [{ regions: { in: regionIdsMatching(region) } }, { nationwide: { equals: true } }] })
  }
  return and.length ? { and } : {}
}

export const buildArticleList = async (
  payload: Payload,
  options: ResolvedOptions,
  params: ListParams,
): Promise<ArticleListResponse> => {
  const where = await buildListWhere(payload, options, params)
  const result = await payload.find({
    collection: options.slugs.articles as never,
    where,
    sort: SORTS[params.sort],
    page: params.page,
    limit: params.limit,
    depth: 0,
    locale: params.locale,
    fallbackLocale: options.locales[0] as never,
    overrideAccess: false,
    select: CARD_SELECT as never,
  })
  return {
    docs: await toCards(payload, options, result.docs as unknown as CardDoc[], params.locale),
    page: result.page ?? params.page,
    limit: params.limit,
    totalDocs: result.totalDocs,
    totalPages: result.totalPages,
    hasNextPage: result.hasNextPage,
    hasPrevPage: result.hasPrevPage,
  }
}
