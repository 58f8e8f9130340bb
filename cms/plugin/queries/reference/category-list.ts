import type { Payload } from 'payload'
import type { CategoryListResponse, CategorySummary, ContentLocale } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localApiFallback } from '../../locale-fallback'

/** All categories in editor-defined order. */
export const buildCategoryList = async (
  payload: Payload,
  options: ResolvedOptions,
  locale: ContentLocale,
): Promise<CategoryListResponse> => {
  const { docs } = await payload.find({
    collection: options.slugs.categories as never,
    pagination: false,
    depth: 0,
    sort: ['order', 'slug'],
    locale,
    fallbackLocale: localApiFallback(options.fallbackOf[locale]) as never,
    overrideAccess: false,
    select: { name: true, slug: true, description: true } as never,
  })
  return {
    docs: (docs as unknown as { slug: string; name: string; description?: string }[]).map((c) => {
      // Without fallback a category may have no name in this locale: '' as for titles.
      const summary: CategorySummary = { slug: c.slug, name: c.name ?? '' }
      if (c.description) summary.description = c.description
      return summary
    }),
  }
}
