import { sql } from 'drizzle-orm'
import type { CategoryListResponse, CategorySummary, ContentLocale } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localized } from '../localized'
import type { Row } from './article-cards'
import { fallbackRows } from './fallback-rows'
import type { SqlReader } from './sql-reader'

/** All categories in one statement, in the reference's order (order, slug, then Payload's -createdAt). */
export const sqlCategoryList = async (options: ResolvedOptions, r: SqlReader, locale: ContentLocale): Promise<CategoryListResponse> => {
  const locales = r.table(options.slugs.categories, '_locales')
  const fb = fallbackRows(options, locale)
  const rows = await r.query<Row>(`categories|${fb.key}`, () => sql`SELECT c.slug AS slug, l.name AS name, ${fb.value('d', 'name')} AS name_d, l.description AS description, ${fb.value('d', 'description')} AS description_d
    FROM ${r.table(options.slugs.categories)} c
    LEFT JOIN ${locales} l ON l._parent_id = c.id AND l._locale = ${locale}
    ${fb.join(locales, 'd', sql`c.id`)}
    ORDER BY c."order" ASC, c.slug ASC, c.created_at DESC`)
  return {
    docs: rows.map((row) => {
      const summary: CategorySummary = { slug: row.slug as string, name: localized(row.name as string | null, row.name_d as string | null) ?? '' }
      const description = localized(row.description as string | null, row.description_d as string | null)
      if (description) summary.description = description
      return summary
    }),
  }
}
