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

type Names = Map<string, { name: string | null; short: string | null }>

/** Payload's fallback over a chain (afterRead): the first fallback value neither NULL nor '' stands in for a missing one. */
const inLocale = (names: Names | undefined, locale: string, chain: readonly string[], field: 'name' | 'short'): string | undefined => {
  const fallback = chain.map((code) => names?.get(code)?.[field]).find((v) => v !== undefined && v !== null && v !== '')
  return localized(names?.get(locale)?.[field] ?? null, fallback ?? null) ?? undefined
}

/**
 * Every active region in one statement of two plain scans (regions; their names in the requested locale, the
 * Chinese one and their fallback locales), each aggregated into one JSON array: joining the locale rows per region
 * in SQL and returning ~5,000 cells cost more than both scans. Names are matched and the tree built in JS.
 */
export const sqlRegionTree = async (options: ResolvedOptions, r: SqlReader, locale: ContentLocale): Promise<RegionTreeResponse> => {
  const chain = options.fallbackOf[locale] ?? []
  // The suffix kind is read from the Chinese names, also for a tree in another language (as the reference does).
  const zhLocale = options.locales.find((l) => /^zh/i.test(l))
  const zhChain = zhLocale ? (options.fallbackOf[zhLocale] ?? []) : []
  const wanted = [...new Set([locale, ...chain, ...(zhLocale ? [zhLocale, ...zhChain] : [])])]
  const [agg, tuple] = r.dialect === 'sqlite' ? [sql`json_group_array`, sql`json_array`] : [sql`json_agg`, sql`json_build_array`]
  const [row] = await r.query<{ g: unknown; n: unknown }>(`region-tree|${wanted.join(',')}`, () => sql`SELECT
    (SELECT ${agg}(${tuple}(g.id, g.code, g.level, g.parent_id, g.pinyin, g.hot, g.latitude, g.longitude, g.phone, g."order", g.initials, g.letter))
      FROM ${r.table(options.slugs.regions)} g WHERE g.active = TRUE) AS g,
    (SELECT ${agg}(${tuple}(l._parent_id, l._locale, l.name, l.short_name))
      FROM ${r.table(options.slugs.regions, '_locales')} l WHERE l._locale IN (${sql.join(wanted.map((code) => sql`${code}`), sql`, `)})) AS n`)
  const names = new Map<number, Names>()
  for (const [parent, rowLocale, name, short] of json(row?.n) as NameTuple[]) {
    const entry = names.get(parent) ?? new Map()
    entry.set(rowLocale, { name, short })
    names.set(parent, entry)
  }
  const zhByCode = new Map<string, { name?: string; shortName?: string }>()
  const docs = (json(row?.g) as RegionTuple[]).map(([id, code, level, parent, pinyin, hot, latitude, longitude, phone, order, initials, letter]): RegionDoc => {
      const n = names.get(id)
      if (zhLocale) zhByCode.set(code, { name: inLocale(n, zhLocale, zhChain, 'name'), shortName: inLocale(n, zhLocale, zhChain, 'short') })
      return {
        id,
        code,
        name: inLocale(n, locale, chain, 'name'),
        shortName: inLocale(n, locale, chain, 'short'),
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
