import type { RegionNode, RegionTreeResponse } from '../../../wire/index'

export interface RegionDoc {
  id: string | number
  code: string
  name?: string
  shortName?: string
  level: 'province' | 'city'
  parent?: string | number | null
  pinyin?: string
  hot?: boolean
  latitude?: number | null
  longitude?: number | null
  phone?: string | null
  order?: number | null
}

export const REGION_SOURCE_NOTE = 'GB/T 2260 divisions; see the plugin\'s seed/REGION-SOURCES.md'

const node = (doc: RegionDoc): RegionNode => {
  const out: RegionNode = {
    code: doc.code,
    name: doc.shortName || doc.name || doc.code,
    py: doc.pinyin ?? '',
  }
  if (doc.hot) out.hot = true
  if (typeof doc.latitude === 'number') out.lat = doc.latitude
  if (typeof doc.longitude === 'number') out.lng = doc.longitude
  if (doc.phone) out.tel = doc.phone
  return out
}

const byOrderThenCode = (a: RegionDoc, b: RegionDoc) => (a.order ?? 0) - (b.order ?? 0) || a.code.localeCompare(b.code)

/** Provinces in editor order (then code), each with its cities: the tree both read paths answer. */
export const assembleRegionTree = (docs: RegionDoc[]): RegionTreeResponse => {
  const regions = [...docs].sort(byOrderThenCode)
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
