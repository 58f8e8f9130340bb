import { sql } from 'drizzle-orm'
import type { CategoryListResponse, CategorySummary, ContentLocale } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localized } from '../localized'
import type { Row } from './article-cards'
import type { SqlReader } from './sql-reader'

/** All categories in one statement, in the reference's order (order, slug, then Payload's -createdAt). */
export const sqlCategoryList = async (options: ResolvedOptions, r: SqlReader, locale: ContentLocale): Promise<CategoryListResponse> => {
  const locales = r.table(options.slugs.categories, '_locales')
  const rows = await r.query<Row>(`categories|${locale}`, () => sql`SELECT c.slug AS slug, l.name AS name, d.name AS name_d, l.description AS description, d.description AS description_d
    FROM ${r.table(options.slugs.categories)} c
    LEFT JOIN ${locales} l ON l._parent_id = c.id AND l._locale = ${locale}
    LEFT JOIN ${locales} d ON d._parent_id = c.id AND d._locale = ${options.locales[0]!}
    ORDER BY c."order" ASC, c.slug ASC, c.created_at DESC`)
  return {
    docs: rows.map((row) => {
      const summary: CategorySummary = { slug: row.slug as string, name: localized(row.name as string, row.name_d as string) as string }
      const description = localized(row.description as string | null, row.description_d as string | null)
      if (description) summary.description = description
      return summary
    }),
  }
}
