// The region tree as the read path assembles it from the seed data (no database): its size budget, and that a
// reader can tell every region's official full name from it (suffix kinds derived from the code where they can be).
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { regionNode, type RegionDoc } from '../../../cms/plugin/queries/region-tree'
import { derivedSuffix, isAutonomous, SUFFIXES, suffixOf, suffixOfName } from '../../../wire/region-suffix'
import type { RegionNode } from '../../../wire/index'
import { seedRecords, seedTree } from '../../support/seed-region-tree'

const nodes = (locale: 'zh' | 'en') => seedTree(locale).provinces.flatMap((p) => [p, ...(p.cities ?? [])])

describe('region tree from the seed data', () => {
  for (const locale of ['zh', 'en'] as const)
    it(`stays within 8,000 B gzip (${locale})`, () => {
      const size = gzipSync(Buffer.from(JSON.stringify(seedTree(locale))), { level: 9 }).length
      expect(size).toBeLessThanOrEqual(8000)
    })

  it('tells every full name: short name, (nationalities,) suffix of the kind the node says or the code implies', () => {
    const records = new Map(seedRecords().map((r) => [r.code, r]))
    for (const locale of ['zh', 'en'] as const)
      for (const node of nodes(locale)) {
        const { name, shortName } = records.get(node.code)!
        const [zh] = SUFFIXES[suffixOf(node)]!
        if (isAutonomous(suffixOf(node))) expect(name.startsWith(shortName) && name.endsWith(zh), name).toBe(true)
        else expect(shortName + zh, `${node.code} (${locale})`).toBe(name)
      }
  })

  it('ships the suffix kind only where the code implies another (地区, 林区)', () => {
    const shipped = nodes('zh').filter((n) => n.sfx !== undefined)
    expect(shipped.map((n) => `${n.name}${SUFFIXES[n.sfx!]![0]}`).sort()).toEqual(
      ['和田地区', '喀什地区', '塔城地区', '大兴安岭地区', '阿克苏地区', '阿勒泰地区', '阿里地区', '神农架林区'].sort(),
    )
    // The English tree carries the same kinds: they are read from the Chinese names.
    expect(nodes('en').filter((n) => n.sfx !== undefined).map((n) => n.code)).toEqual(shipped.map((n) => n.code))
  })

  it('derives suffix kinds from GB/T 2260 codes', () => {
    const kind = (zh: string) => SUFFIXES.findIndex(([s]) => s === zh)
    expect(derivedSuffix('110000')).toBe(kind('市'))
    expect(derivedSuffix('330000')).toBe(kind('省'))
    expect(derivedSuffix('450000')).toBe(kind('自治区'))
    expect(derivedSuffix('810000')).toBe(kind('特别行政区'))
    expect(derivedSuffix('152500')).toBe(kind('盟'))
    expect(derivedSuffix('422800')).toBe(kind('自治州'))
    expect(derivedSuffix('445100')).toBe(kind('市'))
    expect(derivedSuffix('419001')).toBe(kind('市'))
    expect(suffixOfName('锡林郭勒盟', '锡林郭勒')).toBe(kind('盟'))
    expect(suffixOfName('苏州工业园区', '苏州')).toBe(0)
    expect(suffixOfName('苏州', '苏州')).toBeUndefined()
    expect(suffixOfName('Inner Mongolia Autonomous Region', 'Inner Mongolia')).toBeUndefined()
  })

  it('ships no initials or letters for the seed (they equal the derived ones)', () => {
    for (const node of [...nodes('zh'), ...nodes('en')]) expect([node.ini, node.ltr]).toEqual([undefined, undefined])
  })
})

describe('editor-set initials and letter', () => {
  const doc = (extra: Partial<RegionDoc>): RegionDoc => ({ id: 1, code: '500000', level: 'province', name: '重庆市', shortName: '重庆', pinyin: 'chong qing', ...extra })
  const node = (extra: Partial<RegionDoc>): RegionNode => regionNode(doc(extra), { name: '重庆市', shortName: '重庆' })

  it('ships initials only when they differ from the pinyin\'s, lower case', () => {
    expect(node({ initials: 'cq' }).ini).toBeUndefined()
    expect(node({ initials: 'CQ ' }).ini).toBeUndefined()
    expect(node({ initials: '' }).ini).toBeUndefined()
    expect(node({ initials: 'ZQ' }).ini).toBe('zq')
  })

  it("ships a province's letter only when it differs from the pinyin's, upper case; never a city's", () => {
    expect(node({ letter: 'C' }).ltr).toBeUndefined()
    expect(node({ letter: 'z' }).ltr).toBe('Z')
    expect(node({ letter: null }).ltr).toBeUndefined()
    expect(node({ level: 'city', code: '500100', letter: 'Z' }).ltr).toBeUndefined()
  })

  it('derives nothing from a missing or non-Chinese full name', () => {
    expect(regionNode(doc({}), undefined).sfx).toBeUndefined()
    expect(regionNode(doc({}), { name: 'Chongqing Municipality', shortName: 'Chongqing' }).sfx).toBeUndefined()
    expect(regionNode(doc({ code: '232700' }), { name: '大兴安岭地区', shortName: '大兴安岭' }).sfx).toBe(6)
  })
})
