import type { Payload } from 'payload'
import type { CategoryListResponse, ContentLocale } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import { fastReader } from './read-path'
import { buildCategoryList as referenceCategoryList } from './reference/category-list'
import { sqlCategoryList } from './sql/category-list'

/** The categories: SQL on Drizzle adapters, the Local API reference elsewhere (MongoDB). */
export const buildCategoryList = (payload: Payload, options: ResolvedOptions, locale: ContentLocale): Promise<CategoryListResponse> => {
  const reader = fastReader(payload, options)
  return reader ? sqlCategoryList(options, reader, locale) : referenceCategoryList(payload, options, locale)
}
