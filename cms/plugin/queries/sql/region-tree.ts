import { sql } from 'drizzle-orm'
import type { ContentLocale, RegionTreeResponse } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localized } from '../localized'
import { assembleRegionTree, type RegionDoc } from '../region-tree-shape'
import type { Row } from './article-cards'
import type { SqlReader } from './sql-reader'

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** Every active region in one statement (names per locale with fallback), shaped like the reference. */
export const sqlRegionTree = async (options: ResolvedOptions, r: SqlReader, locale: ContentLocale): Promise<RegionTreeResponse> => {
  const defaultLocale = options.locales[0]!
  const locales = r.table(options.slugs.regions, '_locales')
  const rows = await r.rows<Row>(sql`SELECT g.id AS id, g.code AS code, g.level AS level, g.parent_id AS parent, g.pinyin AS pinyin,
      g.hot AS hot, g.latitude AS latitude, g.longitude AS longitude, g.phone AS phone, g."order" AS ord,
      l.name AS name, d.name AS name_d, l.short_name AS short, d.short_name AS short_d
    FROM ${r.table(options.slugs.regions)} g
    LEFT JOIN ${locales} l ON l._parent_id = g.id AND l._locale = ${locale}
    LEFT JOIN ${locales} d ON d._parent_id = g.id AND d._locale = ${defaultLocale}
    WHERE g.active = TRUE ORDER BY g.code`)
  return assembleRegionTree(
    rows.map((row): RegionDoc => ({
      id: row.id as number,
      code: row.code as string,
      name: localized(row.name as string | null, row.name_d as string | null) ?? undefined,
      shortName: localized(row.short as string | null, row.short_d as string | null) ?? undefined,
      level: row.level as RegionDoc['level'],
      parent: row.parent as number | null,
      pinyin: (row.pinyin as string | null) ?? undefined,
      hot: Boolean(row.hot),
      latitude: num(row.latitude),
      longitude: num(row.longitude),
      phone: row.phone as string | null,
      order: num(row.ord),
    })),
  )
}
