import { sql } from 'drizzle-orm'
import type { ContentLocale, RegionTreeResponse } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localized } from '../localized'
import { assembleRegionTree, type RegionDoc } from '../region-tree-shape'
import type { SqlReader } from './sql-reader'

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown[][]) : ((v ?? []) as unknown[][]))

type RegionTuple = [id: number, code: string, level: RegionDoc['level'], parent: number | null, pinyin: string | null, hot: unknown,
  latitude: unknown, longitude: unknown, phone: string | null, order: unknown, initials: string | null, letter: string | null]
type NameTuple = [parent: number, locale: string, name: string | null, short: string | null]

/**
 * Every active region in one statement of two plain scans (regions; their names in the requested and default
 * locales), each aggregated into one JSON array: joining the locale rows per region in SQL and returning ~5,000
 * cells cost more than both scans. Names are matched and the tree built in JS.
 */
export const sqlRegionTree = async (options: ResolvedOptions, r: SqlReader, locale: ContentLocale): Promise<RegionTreeResponse> => {
  const defaultLocale = options.locales[0]!
  // The suffix kind is read from the Chinese names, also for a tree in another language (as the reference does).
  const zhLocale = options.locales.find((l) => /^zh/i.test(l)) ?? defaultLocale
  const [agg, tuple] = r.dialect === 'sqlite' ? [sql`json_group_array`, sql`json_array`] : [sql`json_agg`, sql`json_build_array`]
  const [row] = await r.query<{ g: unknown; n: unknown }>(`region-tree|${locale}`, () => sql`SELECT
    (SELECT ${agg}(${tuple}(g.id, g.code, g.level, g.parent_id, g.pinyin, g.hot, g.latitude, g.longitude, g.phone, g."order", g.initials, g.letter))
      FROM ${r.table(options.slugs.regions)} g WHERE g.active = TRUE) AS g,
    (SELECT ${agg}(${tuple}(l._parent_id, l._locale, l.name, l.short_name))
      FROM ${r.table(options.slugs.regions, '_locales')} l WHERE l._locale IN (${locale}, ${defaultLocale}, ${zhLocale})) AS n`)
  const names = new Map<number, { name?: string | null; short?: string | null; name_d?: string | null; short_d?: string | null; name_zh?: string | null; short_zh?: string | null }>()
  for (const [parent, rowLocale, name, short] of json(row?.n) as NameTuple[]) {
    const entry = names.get(parent) ?? {}
    if (rowLocale === locale) Object.assign(entry, { name, short })
    if (rowLocale === defaultLocale) Object.assign(entry, { name_d: name, short_d: short })
    if (rowLocale === zhLocale) Object.assign(entry, { name_zh: name, short_zh: short })
    names.set(parent, entry)
  }
  const zhByCode = new Map<string, { name?: string; shortName?: string }>()
  const docs = (json(row?.g) as RegionTuple[]).map(([id, code, level, parent, pinyin, hot, latitude, longitude, phone, order, initials, letter]): RegionDoc => {
      const n = names.get(id) ?? {}
      zhByCode.set(code, { name: localized(n.name_zh ?? null, n.name_d ?? null) ?? undefined, shortName: localized(n.short_zh ?? null, n.short_d ?? null) ?? undefined })
      return {
        id,
        code,
        name: localized(n.name ?? null, n.name_d ?? null) ?? undefined,
        shortName: localized(n.short ?? null, n.short_d ?? null) ?? undefined,
        level,
        parent,
        pinyin: pinyin ?? undefined,
        hot: Boolean(hot),
        latitude: num(latitude),
        longitude: num(longitude),
        phone,
        order: num(order),
        initials,
        letter,
      }
    })
  return assembleRegionTree(docs, zhByCode)
}
