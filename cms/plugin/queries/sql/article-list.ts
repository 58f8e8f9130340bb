import type { Payload } from 'payload'
import { type SQL, sql } from 'drizzle-orm'
import type { ArticleListResponse, ArticleSort } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { HttpError } from '../../http/http-error'
import type { ListParams } from '../../public-api/query-params'
import { getRegionIndex, regionIdsMatching } from '../region-index'
import { cardParts, type Row } from './article-cards'
import { placeholderList, type SqlReader, type Values } from './sql-reader'

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

/** The same keys as the list entries hold them, for the sorts those cover (see the tagged part below). */
const ENTRY_SORT_KEYS: Partial<Record<ArticleSort, { expr: SQL; desc: boolean }[]>> = {
  '-publishedAt': [{ expr: sql`e.published_at`, desc: true }, { expr: sql`e.article_id`, desc: true }],
  publishedAt: [{ expr: sql`e.published_at`, desc: false }, { expr: sql`e.article_id`, desc: false }],
  '-featured': [{ expr: sql`e.featured`, desc: true }, { expr: sql`e.published_at`, desc: true }, { expr: sql`e.article_id`, desc: true }],
}

const orderBy = (keys: { desc: boolean }[], column: (i: number) => SQL) =>
  sql.join(keys.map((k, i) => sql`${column(i)} ${k.desc ? sql`DESC` : sql`ASC`}`), sql`, `)

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
  const region = params.region ? (await getRegionIndex(payload, options)).byCode.get(params.region) : undefined
  const regionIds = region ? regionIdsMatching(region) : undefined
  const categoryId = params.category ? sql`(SELECT id FROM ${r.table(slugs.categories)} WHERE slug = ${sql.placeholder('category')})` : sql`NULL`
  if (params.region && !region) {
    // Unknown region: an unknown category is still reported first, as the reference does.
    const [row] = params.category ? await r.query<Row>('category-id', () => sql`SELECT ${categoryId} AS category_id`, { category: params.category }) : [{ category_id: 0 }]
    if (row?.category_id == null) throw new HttpError(404, `Unknown category "${params.category}"`)
    throw new HttpError(404, `Unknown region "${params.region}"`)
  }

  const card = cardParts(payload, options, r, params.locale)
  // One statement shape per locale (with its fallback locales), sort, filter kind and number of region ids; every
  // other value is bound. The SQL below is built only the first time a shape is met.
  const shape = `${card.fallback.key}|${params.sort}|${params.category ? 'c' : ''}|${regionIds?.length ?? ''}`
  const regionList = regionIds ? placeholderList('region', regionIds) : undefined
  const offset = (params.page - 1) * params.limit
  const values: Values = { ...regionList?.values, category: params.category, limit: params.limit, offset, upto: offset + params.limit }

  const category = params.category ? sql` AND a.category_id = ${categoryId}` : sql``
  const base = sql`a._status = 'published'${category}`
  // "Tagged with these regions OR nationwide" as two disjoint parts, each an index range: nationwide ones walk
  // (category, _status, nationwide, published_at); tagged ones are the list entries of this category and these
  // regions (one per published, not nationwide article and region: collections/article-list-entries.ts), an
  // index-only range that never visits the articles of other categories or the article rows themselves. One OR over
  // both visits every article of the category. Tagged-and-not-nationwide is `nationwide = FALSE`, as the reference
  // counts it (Payload always writes the checkbox, so NULL never occurs); the entries hold exactly those.
  const entries = r.table(slugs.articleListEntries)
  const tagged = () => sql`${params.category ? sql`e.category_id = ${categoryId} AND ` : sql``}e.region_id IN (${regionList!.list})`
  const nationwide = sql`${base} AND a.nationwide = TRUE`

  const count = (where: SQL) => sql`(SELECT count(*) FROM ${articles} a WHERE ${where})`
  // An article tagged with two of these regions has two entries: counted once.
  const totalQuery = r.query<Row>(
    `list-total|${shape}`,
    () =>
      sql`SELECT ${regionList ? sql`${count(nationwide)} + (SELECT count(DISTINCT e.article_id) FROM ${entries} e WHERE ${tagged()})` : count(base)} AS total, ${categoryId} AS category_id`,
    values,
  )

  const buildPage = () => {
    const keys = SORT_KEYS[params.sort]
    const key = (i: number) => sql.identifier(`k${i}`)
    const innerFrom =
      params.sort === '-views'
        ? sql`FROM ${r.table(slugs.articleViews)} v JOIN ${articles} a ON a.id = v.article_id`
        : params.sort === 'title'
          ? sql`FROM ${articles} a LEFT JOIN ${r.table(slugs.articles, '_locales')} l ON l._parent_id = a.id AND l._locale = ${params.locale}`
          : sql`FROM ${articles} a`
    const ordered = (where: SQL, limit: SQL, skip: SQL) => sql`SELECT a.id AS pid, ${sql.join(keys.map((k, i) => sql`${k.expr} AS ${key(i)}`), sql`, `)}
      ${innerFrom} WHERE ${where}
      ORDER BY ${orderBy(keys, (i) => keys[i]!.expr)}
      LIMIT ${limit} OFFSET ${skip}`
    // The tagged part: sorts on the entries' own columns read the entries alone (an article's entries share those
    // values, so DISTINCT leaves one row per article); the others keep the articles whose ids the entries give.
    const entryKeys = ENTRY_SORT_KEYS[params.sort]
    const taggedPart = (limit: SQL) =>
      entryKeys
        ? sql`SELECT DISTINCT e.article_id AS pid, ${sql.join(entryKeys.map((k, i) => sql`${k.expr} AS ${key(i)}`), sql`, `)}
            FROM ${entries} e WHERE ${tagged()}
            ORDER BY ${orderBy(entryKeys, (i) => entryKeys[i]!.expr)}
            LIMIT ${limit}`
        : ordered(sql`${base} AND a.nationwide = FALSE AND a.id IN (SELECT e.article_id FROM ${entries} e WHERE ${tagged()})`, limit, sql`0`)
    // Two parts: the first page*limit of each (both index-ordered), merged by the sort key; the page is cut from those.
    const upto = sql`${sql.placeholder('upto')}`
    const page = !regionList
      ? ordered(base, sql`${sql.placeholder('limit')}`, sql`${sql.placeholder('offset')}`)
      : sql`SELECT * FROM (${sql.join(
          [ordered(nationwide, upto, sql`0`), taggedPart(upto)].map((part, i) => sql`SELECT * FROM (${part}) ${sql.identifier(`u${i}`)}`),
          sql` UNION ALL `,
        )}) m ORDER BY ${orderBy(keys, (i) => sql`m.${key(i)}`)} LIMIT ${sql.placeholder('limit')} OFFSET ${sql.placeholder('offset')}`
    return sql`SELECT ${card.select} FROM (${page}) p JOIN ${articles} a ON a.id = p.pid ${card.joins()}
      ORDER BY ${orderBy(keys, (i) => sql`p.${key(i)}`)}`
  }
  const pageQuery = r.query<Row>(`list-page|${shape}`, buildPage, values, card.columns)
  const [[counted], rows] = await Promise.all([totalQuery, pageQuery])
  if (params.category && counted?.category_id == null) throw new HttpError(404, `Unknown category "${params.category}"`)
  const totalDocs = Number(counted?.total ?? 0)
  const regions = await card.regionsOf(rows.map((row) => row.id as Id))
  const totalPages = Math.ceil(totalDocs / params.limit)
  return {
    docs: rows.map((row) => card.toCard(row, regions)),
    page: params.page,
    limit: params.limit,
    totalDocs,
    totalPages,
    hasNextPage: params.page < totalPages,
    hasPrevPage: params.page > 1,
  }
}
