/**
 * The region tree the read path would send for the seed data, without a database: each seed record stands for the
 * stored region (its code as its id), assembled by the read path's own code. For the size budget (bench) and the
 * widget tests' fixture API.
 */
import { readFileSync } from 'node:fs'
import { assembleRegionTree, type RegionDoc } from '../../cms/plugin/queries/region-tree'
import type { RegionRecord } from '../../cms/plugin/seed/region-record'
import type { ContentLocale, RegionTreeResponse } from '../../wire/index'

export const seedRecords = (): RegionRecord[] =>
  JSON.parse(readFileSync(new URL('../../cms/plugin/seed/region-data.json', import.meta.url), 'utf8')).regions

/** A record as stored, in one locale (English falls back to Chinese where a record has no English). */
export const recordDoc = (r: RegionRecord, locale: ContentLocale): RegionDoc => ({
  id: r.code,
  code: r.code,
  name: (locale === 'en' && r.nameEn) || r.name,
  shortName: (locale === 'en' && r.shortNameEn) || r.shortName,
  level: r.level,
  parent: r.parent,
  pinyin: r.pinyin,
  initials: r.initials,
  letter: r.letter,
  hot: r.hot,
  latitude: r.lat,
  longitude: r.lng,
  order: r.order,
})

export const seedTree = (locale: ContentLocale, records: RegionRecord[] = seedRecords()): RegionTreeResponse =>
  assembleRegionTree(
    records.map((r) => recordDoc(r, locale)),
    new Map(records.map((r) => [r.code, { name: r.name, shortName: r.shortName }])),
  )
