import type { RegionNode, RegionTreeResponse } from '../../../../wire/index'
// The one search of the project: the same module <region-picker> uses (not a copy).
import { RegionSearch } from '../../../../widgets/region-picker/region-search'

/** One row of the field's list: a province as a whole, or one city. */
export interface RegionChoice {
  code: string
  name: string
  /** True for "the whole province" (a province or a municipality). */
  whole: boolean
}

export interface ChoiceGroup {
  code: string
  name: string
  choices: RegionChoice[]
}

/** The tree as the field lists it, and the shared search over provinces and cities. */
export const createRegionLookup = (tree: RegionTreeResponse) => {
  const entries: { node: RegionNode; province?: RegionNode }[] = tree.provinces.flatMap((p) => [{ node: p }, ...(p.cities ?? []).map((c) => ({ node: c, province: p }))])
  const search = new RegionSearch(entries)
  const byCode = new Map<string, RegionNode>(entries.map((e) => [e.node.code, e.node]))
  const provinceOf = new Map<string, RegionNode>(entries.map((e) => [e.node.code, e.province ?? e.node]))

  const choice = (node: RegionNode): RegionChoice => ({ code: node.code, name: node.name, whole: !provinceOf.get(node.code) || provinceOf.get(node.code) === node })

  /** Every province with its cities (empty query), or the matches grouped by province in rank order. */
  const groups = (query: string): ChoiceGroup[] => {
    const nodes = query.trim() ? search.search(query, 120).map((e) => e.node) : entries.map((e) => e.node)
    const result = new Map<string, ChoiceGroup>()
    for (const node of nodes) {
      const province = provinceOf.get(node.code)!
      let group = result.get(province.code)
      if (!group) result.set(province.code, (group = { code: province.code, name: province.name, choices: [] }))
      const c = choice(node)
      // "The whole province" leads its group.
      if (c.whole) group.choices.unshift(c)
      else group.choices.push(c)
    }
    return [...result.values()]
  }
  return { groups, byCode }
}
