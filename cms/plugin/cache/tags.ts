/**
 * Cache tags: what a cached response shows, and what an edit touches. A response is dropped when an edit touches
 * one of its tags, so an edit costs the entries that show it instead of the whole cache.
 *
 * - `article:<id>`, `slug:<slug>`: a response showing that article (a card, a detail, a 上一篇/下一篇 link);
 * - `category:<slug>`, `region:<code>`, `media:<file>`: a response showing that category, region or cover;
 * - `list:<category|*>:<region|*>` and `list:<category|*>`: a list with that filter, in every sort, page and
 *   locale; `listregion:<code>`: every list filtered by that region;
 * - `detail-cat:<category>`: an article page of that category (its neighbours may change);
 * - `regions`, `categories`: the region tree and the category list (and pages showing names from them);
 * - `sitemap`: the sitemaps (any published article or category change);
 * - `file:<name>`: whether that upload file (an original or a size) is public, and its bytes (public-files.ts).
 */
import type { ArticleCard, ArticleDetail, ArticleListResponse } from '../../../wire/index'

export const ANY = '*'

const cardTags = (card: ArticleCard, into: Set<string>) => {
  into.add(`article:${card.id}`)
  into.add(`slug:${card.slug}`)
  if (card.category) into.add(`category:${card.category.slug}`)
  for (const region of card.regions) into.add(`region:${region.code}`)
  if (card.cover) into.add(`media:${fileOf(card.cover.url)}`)
}

/** The file name a media URL ends with (what a media edit knows about itself). */
export const fileOf = (url: string) => decodeURIComponent(url.split('?')[0]!.split('/').pop() ?? url)

export const listTags = (category: string | undefined, region: string | undefined, response: ArticleListResponse): string[] => {
  const tags = new Set([`list:${category ?? ANY}:${region ?? ANY}`, `list:${category ?? ANY}`])
  if (region) tags.add(`listregion:${region}`)
  for (const card of response.docs) cardTags(card, tags)
  return [...tags]
}

export const detailTags = (detail: ArticleDetail): string[] => {
  const tags = new Set<string>()
  cardTags(detail, tags)
  if (detail.category) tags.add(`detail-cat:${detail.category.slug}`)
  if (detail.prev) tags.add(`slug:${detail.prev.slug}`)
  if (detail.next) tags.add(`slug:${detail.next.slug}`)
  return [...tags]
}

export interface RegionRef {
  code: string
  level: 'province' | 'city'
  parentCode?: string
  childCodes: string[]
}

/** The article as the public saw it (or will): published versions only. */
export interface PublicArticleState {
  id: string | number
  slug?: string
  categorySlug?: string
  /** Its regions, resolved; undefined for a region the index does not know (then every region's list goes). */
  regions: (RegionRef | undefined)[]
}

/**
 * What an article edit touches, given the article before and after (each only if it was or is published): the
 * article itself wherever it shows, the pages of its categories (neighbours), and the lists of its categories and of
 * 全部 for its regions, their provinces and cities — every region's list when it is or was nationwide.
 */
export const articleEditTags = (states: PublicArticleState[]): string[] => {
  const tags = new Set<string>(['sitemap'])
  const categories = new Set([ANY])
  for (const state of states) {
    tags.add(`article:${state.id}`)
    if (state.slug) tags.add(`slug:${state.slug}`)
    if (state.categorySlug) {
      categories.add(state.categorySlug)
      tags.add(`detail-cat:${state.categorySlug}`)
    } else tags.add(`detail-cat:${ANY}`)
  }
  const everyRegion = states.some((s) => s.regions.length === 0 || s.regions.some((r) => r === undefined))
  const codes = new Set([ANY])
  for (const state of states)
    for (const region of state.regions) {
      if (!region) continue
      codes.add(region.code)
      if (region.parentCode) codes.add(region.parentCode)
      for (const child of region.childCodes) codes.add(child)
    }
  for (const category of categories) {
    if (everyRegion) tags.add(`list:${category}`)
    else for (const code of codes) tags.add(`list:${category}:${code}`)
  }
  return [...tags]
}

export const categoryEditTags = (slugs: (string | undefined)[]): string[] => {
  const tags = new Set(['categories', 'sitemap'])
  for (const slug of slugs)
    if (slug) {
      tags.add(`category:${slug}`)
      tags.add(`list:${slug}`)
      tags.add(`detail-cat:${slug}`)
    }
  return [...tags]
}

/** A region edit: the tree, what shows the region, and the lists filtered by it, its province or its cities. */
export const regionEditTags = (regions: RegionRef[]): string[] => {
  const tags = new Set(['regions'])
  for (const region of regions) {
    tags.add(`region:${region.code}`)
    for (const code of [region.code, region.parentCode, ...region.childCodes]) if (code) tags.add(`listregion:${code}`)
  }
  return [...tags]
}

export const mediaEditTags = (files: (string | undefined | null)[]): string[] => [
  ...new Set(files.filter((f): f is string => Boolean(f)).map((f) => `media:${f}`)),
]

/** Every file name of a media document: the original and each size's. */
export const mediaFileNames = (doc: Record<string, unknown> | undefined | null): string[] => {
  const names = new Set<string>()
  if (typeof doc?.filename === 'string' && doc.filename) names.add(doc.filename)
  for (const size of Object.values((doc?.sizes as Record<string, { filename?: unknown } | null> | null | undefined) ?? {}))
    if (typeof size?.filename === 'string' && size.filename) names.add(size.filename)
  return [...names]
}

export const fileTags = (names: Iterable<string>): string[] => [...new Set([...names].map((name) => `file:${name}`))]

/**
 * A media edit: what shows its covers, and the files that appeared or went (a new upload, a replaced file, a deleted
 * document). An alt text edit leaves the files as they were.
 */
export const mediaDocEditTags = (versions: (Record<string, unknown> | undefined | null)[], deleted: boolean): string[] => {
  const sets = versions.map((v) => new Set(mediaFileNames(v)))
  const all = new Set(sets.flatMap((set) => [...set]))
  const changed = deleted ? [...all] : [...all].filter((name) => !sets.every((set) => set.has(name)))
  return [...mediaEditTags(versions.map((v) => (typeof v?.filename === 'string' ? v.filename : undefined))), ...fileTags(changed)]
}
