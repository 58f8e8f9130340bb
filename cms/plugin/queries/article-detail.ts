import type { Payload } from 'payload'
import type { ArticleDetail, ContentLocale } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import { fastReader } from './read-path'
import { buildArticleDetail as referenceArticleDetail } from './reference/article-detail'
import { sqlArticleDetail } from './sql/article-detail'

/** One published article: SQL on Drizzle adapters, the Local API reference elsewhere (MongoDB). */
export const buildArticleDetail = (payload: Payload, options: ResolvedOptions, slug: string, locale: ContentLocale): Promise<ArticleDetail> => {
  const reader = fastReader(payload, options)
  return reader ? sqlArticleDetail(payload, options, reader, slug, locale) : referenceArticleDetail(payload, options, slug, locale)
}
