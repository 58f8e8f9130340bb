// The admin's region field lists what the widgets' search finds (the same module), grouped by province, with the
// whole province leading its group. Over the seed tree, without a browser.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createRegionLookup } from '../../../cms/plugin/admin/region-field/region-groups'
import { seedTree } from '../../support/seed-region-tree'

const names = (groups: ReturnType<ReturnType<typeof createRegionLookup>['groups']>, province: string) =>
  groups.find((g) => g.name === province)?.choices.map((c) => (c.whole ? `all:${c.name}` : c.name))

describe('region field groups', () => {
  const lookup = createRegionLookup(seedTree('zh'))

  it('finds 苏州 in the 江苏 group by 汉字, full pinyin and initials', () => {
    for (const query of ['苏州', 'suzhou', 'sz', '苏州市', 'szs']) expect(names(lookup.groups(query), '江苏'), query).toContain('苏州')
  })

  it('offers the whole province first in its group, and every province without a query', () => {
    expect(names(lookup.groups('zhejiang'), '浙江')?.[0]).toBe('all:浙江')
    expect(names(lookup.groups('zhejiang'), '浙江')).toContain('杭州')
    const all = lookup.groups('')
    expect(all).toHaveLength(34)
    expect(all.every((g) => g.choices[0]!.whole)).toBe(true)
    // A municipality is its own only choice.
    expect(names(all, '北京')).toEqual(['all:北京'])
  })

  it('uses the widgets search module itself, not a copy', () => {
    const source = readFileSync(new URL('../../../cms/plugin/admin/region-field/region-groups.ts', import.meta.url), 'utf8')
    expect(source).toMatch(/from '\.\.\/\.\.\/\.\.\/\.\.\/widgets\/region-picker\/region-search'/)
  })
})
