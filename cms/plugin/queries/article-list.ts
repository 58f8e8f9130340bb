import type { Payload } from 'payload'
import type { ArticleListResponse } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import type { ListParams } from '../public-api/query-params'
import { fastReader } from './read-path'
import { buildArticleList as referenceArticleList } from './reference/article-list'
import { sqlArticleList } from './sql/article-list'

export { buildListWhere } from './reference/article-list'

/** A page of article cards: SQL on Drizzle adapters, the Local API reference elsewhere (MongoDB). */
export const buildArticleList = (payload: Payload, options: ResolvedOptions, params: ListParams): Promise<ArticleListResponse> => {
  const reader = fastReader(payload, options)
  return reader ? sqlArticleList(payload, options, reader, params) : referenceArticleList(payload, options, params)
}
