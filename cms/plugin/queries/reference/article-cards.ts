import type { Payload, Where } from 'payload'
import type { ArticleCard, ArticleSort, CategorySummary, ContentLocale, CoverImage, ImageVariant } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localApiFallback } from '../../locale-fallback'

type Id = string | number

/** The article fields a card needs; everything else stays in the database. */
export const CARD_SELECT = {
  title: true, slug: true, excerpt: true, publishedAt: true, author: true, featured: true,
  category: true, regions: true, cover: true,
} as const

/** Sort orders read from the article itself; `-views` reads the view counters (article-list.ts). */
export const SORTS: Record<Exclude<ArticleSort, '-views'>, string[]> = {
  '-publishedAt': ['-publishedAt', '-id'],
  publishedAt: ['publishedAt', 'id'],
  '-featured': ['-featured', '-publishedAt', '-id'],
  title: ['title', '-id'],
}

export interface CardDoc {
  id: Id
  title?: string
  slug?: string
  excerpt?: string
  publishedAt?: string
  author?: string
  featured?: boolean
  category?: Id | null
  regions?: Id[] | null
  cover?: Id | null
}

interface MediaDoc {
  id: Id
  url?: string
  alt?: string
  width?: number
  height?: number
  sizes?: Record<string, { url?: string | null; width?: number | null; height?: number | null }>
}

const variant = (v: { url?: string | null; width?: number | null; height?: number | null } | undefined): ImageVariant | undefined =>
  v?.url && v.width && v.height ? { url: v.url, width: v.width, height: v.height } : undefined

const coverOf = (media: MediaDoc | undefined): CoverImage | undefined => {
  const original = variant(media)
  if (!media || !original) return undefined
  const sizes: Record<string, ImageVariant> = {}
  for (const [name, size] of Object.entries(media.sizes ?? {})) {
    const v = variant(size)
    if (v) sizes[name] = v
  }
  return { ...original, alt: media.alt ?? '', sizes }
}

const byId = <T extends { id: Id }>(docs: T[]) => new Map(docs.map((d) => [String(d.id), d]))
const unique = (ids: (Id | null | undefined)[]) => [...new Set(ids.filter((id): id is Id => id != null))]

/**
 * Resolves categories, regions, covers and view counts for a page of articles with one query per kind
 * (never one per article). Media go through access control, so a cover not yet public is simply left out.
 */
export const toCards = async (
  payload: Payload,
  options: ResolvedOptions,
  docs: CardDoc[],
  locale: ContentLocale,
): Promise<ArticleCard[]> => {
  if (docs.length === 0) return []
  const { slugs } = options
  const fallbackLocale = localApiFallback(options.fallbackOf[locale]) as never
  const categoryIds = unique(docs.map((d) => d.category))
  const regionIds = unique(docs.flatMap((d) => d.regions ?? []))
  const coverIds = unique(docs.map((d) => d.cover))
  const articleIds = docs.map((d) => d.id)
  const [categories, regions, covers, views] = await Promise.all([
    categoryIds.length
      ? payload.find({ collection: slugs.categories as never, where: { id: { in: categoryIds } }, pagination: false, depth: 0, locale, fallbackLocale, overrideAccess: false, select: { name: true, slug: true, description: true } as never })
      : { docs: [] },
    regionIds.length
      ? payload.find({ collection: slugs.regions as never, where: { id: { in: regionIds } }, pagination: false, depth: 0, locale, fallbackLocale, overrideAccess: false, select: { code: true, name: true, shortName: true } as never })
      : { docs: [] },
    coverIds.length
      ? payload.find({ collection: slugs.media as never, where: { id: { in: coverIds } }, pagination: false, depth: 0, locale, fallbackLocale, overrideAccess: false })
      : { docs: [] },
    payload.find({ collection: slugs.articleViews as never, where: { article: { in: articleIds } }, pagination: false, depth: 0, overrideAccess: false, select: { article: true, views: true } as never }),
  ])
  const categoryById = byId(categories.docs as unknown as { id: Id; name: string; slug: string; description?: string }[])
  const regionById = byId(regions.docs as unknown as { id: Id; code: string; name?: string; shortName?: string }[])
  const mediaById = byId(covers.docs as unknown as MediaDoc[])
  const viewsByArticle = new Map(
    (views.docs as unknown as { article: Id; views: number }[]).map((v) => [String(v.article), v.views ?? 0]),
  )

  return docs.map((doc) => {
    const card: ArticleCard = {
      id: String(doc.id),
      slug: doc.slug ?? '',
      title: doc.title ?? '',
      excerpt: doc.excerpt ?? '',
      publishedAt: doc.publishedAt ?? '',
      author: doc.author ?? '',
      views: viewsByArticle.get(String(doc.id)) ?? 0,
      regions: (doc.regions ?? []).flatMap((id) => {
        const region = regionById.get(String(id))
        return region ? [{ code: region.code, name: region.shortName || region.name || region.code }] : []
      }),
    }
    if (doc.featured) card.featured = true
    const category = doc.category != null ? categoryById.get(String(doc.category)) : undefined
    if (category) {
      const summary: CategorySummary = { slug: category.slug, name: category.name ?? '' }
      if (category.description) summary.description = category.description
      card.category = summary
    }
    const cover = coverOf(doc.cover != null ? mediaById.get(String(doc.cover)) : undefined)
    if (cover) card.cover = cover
    return card
  })
}

export type { Where }
