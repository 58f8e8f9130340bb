import type { RegionNode, RegionTreeResponse } from '../../wire/index.js'
import { letterOf } from '../../wire/region-initials.js'

export type RegionLevel = 'province' | 'city'

/** One choosable region and the province it belongs to (absent for provinces and municipalities). */
export interface RegionEntry {
  node: RegionNode
  province?: RegionNode
}

export interface ProvinceGroup {
  node: RegionNode
  letter: string
  /** Choosable entries under this province; a municipality/SAR is its own only city. */
  entries: RegionEntry[]
}

/** The region tree arranged for display and lookup at one level. */
export interface RegionModel {
  source: string
  level: RegionLevel
  groups: ProvinceGroup[]
  /** Every choosable entry in display order. */
  entries: RegionEntry[]
  hot: RegionEntry[]
  byCode: Map<string, RegionEntry>
}

/** Grouping letter: an editor's, else derived from the pinyin (the tree ships only the editor's). */
const groupLetter = (p: RegionNode) => p.ltr || letterOf(p.py)

export function buildModel(tree: RegionTreeResponse, level: RegionLevel): RegionModel {
  const groups = tree.provinces
    .map((p): ProvinceGroup => {
      // A municipality / SAR has no cities: it is its own only city.
      const cities = p.cities?.length ? p.cities : [p]
      return {
        node: p,
        letter: groupLetter(p),
        entries: level === 'province' ? [{ node: p }] : cities.map((c) => (c.code === p.code ? { node: c } : { node: c, province: p })),
      }
    })
    // Stable sort: provinces sharing a letter keep the CMS's order, and each letter forms one run.
    .sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0))
  const entries = groups.flatMap((g) => g.entries)
  return {
    source: tree.source,
    level,
    groups,
    entries,
    hot: entries.filter((e) => e.node.hot),
    byCode: new Map(entries.map((e) => [e.node.code, e])),
  }
}
