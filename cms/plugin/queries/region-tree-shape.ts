import { initialsOf, letterOf } from '../../../wire/region-initials'
import { derivedSuffix, suffixOfName } from '../../../wire/region-suffix'
import type { RegionNode, RegionTreeResponse } from '../../../wire/index'

export interface RegionDoc {
  id: string | number
  code: string
  name?: string
  shortName?: string
  level: 'province' | 'city'
  parent?: string | number | null
  pinyin?: string
  initials?: string | null
  letter?: string | null
  hot?: boolean
  latitude?: number | null
  longitude?: number | null
  phone?: string | null
  order?: number | null
}

/** The Chinese official and short names, which tell the suffix kind whatever the requested locale. */
export type ChineseNames = Pick<RegionDoc, 'name' | 'shortName'>

export const REGION_SOURCE_NOTE = 'GB/T 2260 divisions; see the plugin\'s seed/REGION-SOURCES.md'

/**
 * One region as the widgets read it. Derivable facts are left out (wire.ts): the suffix kind ships only where the
 * Chinese full name shows another kind than the code implies, initials and a province's letter only where an
 * editor set values other than the ones derived from the pinyin.
 */
export const regionNode = (doc: RegionDoc, zh?: ChineseNames): RegionNode => {
  const py = doc.pinyin ?? ''
  const out: RegionNode = {
    code: doc.code,
    name: doc.shortName || doc.name || doc.code,
    py,
  }
  if (doc.hot) out.hot = true
  if (typeof doc.latitude === 'number') out.lat = doc.latitude
  if (typeof doc.longitude === 'number') out.lng = doc.longitude
  if (doc.phone) out.tel = doc.phone
  const kind = zh?.name ? suffixOfName(zh.name, zh.shortName || zh.name) : undefined
  if (kind !== undefined && kind !== derivedSuffix(doc.code)) out.sfx = kind
  const initials = doc.initials?.trim().toLowerCase()
  if (initials && initials !== initialsOf(py)) out.ini = initials
  // Cities are grouped under their province: only a province's letter is shown.
  const letter = doc.letter?.trim().toUpperCase()
  if (doc.level === 'province' && letter && letter !== letterOf(py)) out.ltr = letter
  return out
}

const byOrderThenCode = (a: RegionDoc, b: RegionDoc) => (a.order ?? 0) - (b.order ?? 0) || a.code.localeCompare(b.code)

/** Provinces with their cities, compact; `zhByCode` gives each region's Chinese names. */
export const assembleRegionTree = (docs: RegionDoc[], zhByCode: Map<string, ChineseNames>): RegionTreeResponse => {
  const regions = [...docs].sort(byOrderThenCode)
  const node = (doc: RegionDoc) => regionNode(doc, zhByCode.get(doc.code))
  const provinces = regions.filter((r) => r.level === 'province')
  const citiesOf = new Map<string | number, RegionNode[]>()
  for (const city of regions) {
    if (city.level !== 'city' || city.parent == null) continue
    const list = citiesOf.get(city.parent) ?? []
    list.push(node(city))
    citiesOf.set(city.parent, list)
  }
  return {
    source: REGION_SOURCE_NOTE,
    provinces: provinces.map((p) => {
      const cities = citiesOf.get(p.id)
      return cities?.length ? { ...node(p), cities } : node(p)
    }),
  }
}

