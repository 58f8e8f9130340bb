import type { Payload } from 'payload'
import { type SQL, sql } from 'drizzle-orm'
import type { ArticleListResponse, ArticleSort } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { HttpError } from '../../http/http-error'
import type { ListParams } from '../../public-api/query-params'
import { getRegionIndex, regionIdsMatching } from '../region-index'
import { cardParts, type Row } from './article-cards'
import type { SqlReader } from './sql-reader'

type Id = string | number

/**
 * Sort keys of the page query, the same columns and directions Payload's Drizzle adapter orders by for the
 * reference (its trailing -createdAt never decides: ids are unique). `l` is the requested locale's row: Payload
 * sorts a localized field by that locale alone, without fallback.
 */
const SORT_KEYS: Record<ArticleSort, { expr: SQL; desc: boolean }[]> = {
  '-publishedAt': [{ expr: sql`a.published_at`, desc: true }, { expr: sql`a.id`, desc: true }],
  publishedAt: [{ expr: sql`a.published_at`, desc: false }, { expr: sql`a.id`, desc: false }],
  '-featured': [{ expr: sql`a.featured`, desc: true }, { expr: sql`a.published_at`, desc: true }, { expr: sql`a.id`, desc: true }],
  title: [{ expr: sql`l.title`, desc: false }, { expr: sql`a.id`, desc: true }],
  '-views': [{ expr: sql`v.views`, desc: true }, { expr: sql`a.published_at`, desc: true }, { expr: sql`v.article_id`, desc: true }],
}

const orderBy = (keys: { desc: boolean }[], column: (i: number) => SQL) =>
  sql.join(keys.map((k, i) => sql`${column(i)} ${k.desc ? sql`DESC` : sql`ASC`}`), sql`, `)
const inList = (ids: Id[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `)

/**
 * A page of cards in three statements whatever the page size: the page (ids chosen by an index-ordered inner query,
 * card columns joined onto those rows only), the total with the category check, and the pages's region names.
 */
export const sqlArticleList = async (
  payload: Payload,
  options: ResolvedOptions,
  r: SqlReader,
  params: ListParams,
): Promise<ArticleListResponse> => {
  const { slugs } = options
  const articles = r.table(slugs.articles)
  const rels = r.table(slugs.articles, '_rels')
  const region = params.region ? (await getRegionIndex(payload, options)).byCode.get(params.region) : undefined
  const regionIds = region ? regionIdsMatching(region) : undefined
  const categoryId = params.category ? sql`(SELECT id FROM ${r.table(slugs.categories)} WHERE slug = ${params.category})` : sql`NULL`
  if (params.region && !region) {
    // Unknown region: an unknown category is still reported first, as the reference does.
    const [row] = params.category ? await r.rows<Row>(sql`SELECT ${categoryId} AS category_id`) : [{ category_id: 0 }]
    if (row?.category_id == null) throw new HttpError(404, `Unknown category "${params.category}"`)
    throw new HttpError(404, `Unknown region "${params.region}"`)
  }

  const category = params.category ? sql` AND a.category_id = ${categoryId}` : sql``
  const tagged = regionIds ? sql`EXISTS (SELECT 1 FROM ${rels} x WHERE x.parent_id = a.id AND x.path = 'regions' AND x.regions_id IN (${inList(regionIds)}))` : sql``
  const where = sql`a._status = 'published'${category}${regionIds ? sql` AND (${tagged} OR a.nationwide = TRUE)` : sql``}`

  // The total as the reference counts it: nationwide plus tagged-and-not-nationwide, two index ranges.
  const count = (extra: SQL) => sql`(SELECT count(*) FROM ${articles} a WHERE ${where}${extra})`
  const total = regionIds ? sql`${count(sql` AND a.nationwide = TRUE`)} + ${count(sql` AND a.nationwide = FALSE AND ${tagged}`)}` : count(sql``)
  const totalQuery = r.rows<Row>(sql`SELECT ${total} AS total, ${categoryId} AS category_id`)

  const parts = cardParts(payload, options, r, params.locale)
  const keys = SORT_KEYS[params.sort]
  const key = (i: number) => sql.identifier(`k${i}`)
  const innerFrom =
    params.sort === '-views'
      ? sql`FROM ${r.table(slugs.articleViews)} v JOIN ${articles} a ON a.id = v.article_id`
      : params.sort === 'title'
        ? sql`FROM ${articles} a LEFT JOIN ${r.table(slugs.articles, '_locales')} l ON l._parent_id = a.id AND l._locale = ${params.locale}`
        : sql`FROM ${articles} a`
  const page = sql`SELECT a.id AS pid, ${sql.join(keys.map((k, i) => sql`${k.expr} AS ${key(i)}`), sql`, `)}
    ${innerFrom} WHERE ${where}
    ORDER BY ${orderBy(keys, (i) => keys[i]!.expr)}
    LIMIT ${params.limit} OFFSET ${(params.page - 1) * params.limit}`
  const pageQuery = r.rows<Row>(sql`SELECT ${parts.select} FROM (${page}) p JOIN ${articles} a ON a.id = p.pid ${parts.joins()}
    ORDER BY ${orderBy(keys, (i) => sql`p.${key(i)}`)}`)
  const [[counted], rows] = await Promise.all([totalQuery, pageQuery])
  if (params.category && counted?.category_id == null) throw new HttpError(404, `Unknown category "${params.category}"`)
  const totalDocs = Number(counted?.total ?? 0)
  const regions = await parts.regionsOf(rows.map((row) => row.id as Id))
  const totalPages = Math.ceil(totalDocs / params.limit)
  return {
    docs: rows.map((row) => parts.toCard(row, regions)),
    page: params.page,
    limit: params.limit,
    totalDocs,
    totalPages,
    hasNextPage: params.page < totalPages,
    hasPrevPage: params.page > 1,
  }
}
