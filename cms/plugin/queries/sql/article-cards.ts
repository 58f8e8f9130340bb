import type { Payload } from 'payload'
import { type SQL, sql } from 'drizzle-orm'
import type { ArticleCard, CategorySummary, ContentLocale } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localized } from '../localized'
import { coverColumns } from './cover'
import { fallbackRows } from './fallback-rows'
import { placeholderList, type SqlReader } from './sql-reader'

type Id = string | number
export type Row = Record<string, unknown>

/** ISO strings whatever the driver returns (SQLite stores ISO text, PostgreSQL returns its own timestamp text). */
export const iso = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : new Date(v as string).toISOString())

/**
 * Everything a card needs in one row per article `a`: localized text with its locale fallback, category, public
 * cover and view count. `l` is the article's row in the requested locale, `d0`… its rows in the fallback locales
 * (the `_d` columns: their fallback value).
 */
const buildCardParts = (payload: Payload, options: ResolvedOptions, r: SqlReader, locale: ContentLocale) => {
  const { slugs } = options
  const fb = fallbackRows(options, locale)
  const cover = coverColumns(payload, r, slugs.media)
  const categories = r.table(slugs.categories)
  const categoryLocales = r.table(slugs.categories, '_locales')
  const articleLocales = r.table(slugs.articles, '_locales')
  const select = sql`a.id AS id, a.slug AS slug, a.author AS author, a.published_at AS published_at, a.featured AS featured,
    l.title AS title, ${fb.value('d', 'title')} AS title_d, l.excerpt AS excerpt, ${fb.value('d', 'excerpt')} AS excerpt_d,
    c.slug AS c_slug, cl.name AS c_name, ${fb.value('cd', 'name')} AS c_name_d, cl.description AS c_desc, ${fb.value('cd', 'description')} AS c_desc_d,
    v.views AS views, ${cover.select(fb)}`
  const columns = ['id', 'slug', 'author', 'published_at', 'featured', 'title', 'title_d', 'excerpt', 'excerpt_d',
    'c_slug', 'c_name', 'c_name_d', 'c_desc', 'c_desc_d', 'views', ...cover.columns]
  const joins = (article: SQL = sql`a.id`): SQL => sql`
    LEFT JOIN ${articleLocales} l ON l._parent_id = ${article} AND l._locale = ${locale}
    ${fb.join(articleLocales, 'd', article)}
    LEFT JOIN ${categories} c ON c.id = a.category_id
    LEFT JOIN ${categoryLocales} cl ON cl._parent_id = c.id AND cl._locale = ${locale}
    ${fb.join(categoryLocales, 'cd', sql`c.id`)}
    LEFT JOIN ${r.table(slugs.articleViews)} v ON v.article_id = ${article}
    ${cover.join(sql`a.cover_id`, locale, fb)}`

  const toCard = (row: Row, regions: Map<string, ArticleCard['regions']>): ArticleCard => {
    const id = String(row.id)
    const card: ArticleCard = {
      id,
      slug: (row.slug as string | null) ?? '',
      title: localized(row.title as string | null, row.title_d as string | null) ?? '',
      excerpt: localized(row.excerpt as string | null, row.excerpt_d as string | null) ?? '',
      publishedAt: iso(row.published_at) ?? '',
      author: (row.author as string | null) ?? '',
      views: row.views === null || row.views === undefined ? 0 : Number(row.views),
      regions: regions.get(id) ?? [],
    }
    if (row.featured) card.featured = true
    if (row.c_slug !== null && row.c_slug !== undefined) {
      const summary: CategorySummary = { slug: row.c_slug as string, name: localized(row.c_name as string | null, row.c_name_d as string | null) ?? '' }
      const description = localized(row.c_desc as string | null, row.c_desc_d as string | null)
      if (description) summary.description = description
      card.category = summary
    }
    const image = cover.read(row)
    if (image) card.cover = image
    return card
  }

  /** The active regions of some articles, in their stored order, named per locale (short name first). */
  const regionsOf = async (ids: Id[]): Promise<Map<string, ArticleCard['regions']>> => {
    const out = new Map<string, ArticleCard['regions']>()
    if (!ids.length) return out
    const regionLocales = r.table(slugs.regions, '_locales')
    const { list, values } = placeholderList('article', ids)
    const rows = await r.query<Row>(`card-regions|${fb.key}|${ids.length}`, () => sql`
      SELECT x.parent_id AS article, g.code AS code, gl.name AS name, ${fb.value('gd', 'name')} AS name_d, gl.short_name AS short, ${fb.value('gd', 'short_name')} AS short_d
      FROM ${r.table(slugs.articles, '_rels')} x
      JOIN ${r.table(slugs.regions)} g ON g.id = x.regions_id AND g.active = TRUE
      LEFT JOIN ${regionLocales} gl ON gl._parent_id = g.id AND gl._locale = ${locale}
      ${fb.join(regionLocales, 'gd', sql`g.id`)}
      WHERE x.path = 'regions' AND x.parent_id IN (${list})
      ORDER BY x.parent_id, x."order", x.id`, values, ['article', 'code', 'name', 'name_d', 'short', 'short_d'])
    for (const row of rows) {
      const key = String(row.article)
      const name = localized(row.short as string | null, row.short_d as string | null) || localized(row.name as string | null, row.name_d as string | null) || (row.code as string)
      const list = out.get(key) ?? []
      list.push({ code: row.code as string, name })
      out.set(key, list)
    }
    return out
  }

  return { fallback: fb, select, columns, joins, toCard, regionsOf }
}

type CardParts = ReturnType<typeof buildCardParts>
const memo = new WeakMap<SqlReader, Map<string, CardParts>>()

/** The card columns and joins per reader and locale (with its fallback locales), built once: they depend on the config only. */
export const cardParts = (payload: Payload, options: ResolvedOptions, r: SqlReader, locale: ContentLocale): CardParts => {
  let byLocale = memo.get(r)
  if (!byLocale) memo.set(r, (byLocale = new Map()))
  const key = fallbackRows(options, locale).key
  let parts = byLocale.get(key)
  if (!parts) byLocale.set(key, (parts = buildCardParts(payload, options, r, locale)))
  return parts
}
