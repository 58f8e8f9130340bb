// Pins hand-checked facts about the committed region seed. Expected values are
// written out by hand (not derived from pinyin-pro) so a bad rebuild fails here.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { RegionRecord as Region } from '../../cms/plugin/seed/region-record'


const data = JSON.parse(
  readFileSync(new URL('../../cms/plugin/seed/region-data.json', import.meta.url), 'utf8'),
) as { source: string; regions: Region[] }
const regions = data.regions
const byCode = new Map(regions.map((r) => [r.code, r]))
const provinces = regions.filter((r) => r.level === 'province')
const cities = regions.filter((r) => r.level === 'city')
const get = (code: string): Region => {
  const r = byCode.get(code)
  if (!r) throw new Error(`missing region ${code}`)
  return r
}
const childrenOf = (code: string) => regions.filter((r) => r.parent === code)

describe('region seed data', () => {
  it('has exactly the documented top-level shape', () => {
    expect(Object.keys(data).sort()).toEqual(['regions', 'source'])
    expect(data.source).toMatch(/@vant\/area-data 2\.1\.0/)
    expect(data.source).toMatch(/pinyin-pro/)
    expect(data.source).toMatch(/echarts 4\.9\.0/)
    const keys = ['code', 'level', 'parent', 'name', 'shortName', 'nameEn', 'shortNameEn', 'pinyin', 'initials', 'letter', 'order', 'hot', 'lat', 'lng']
    for (const r of regions) expect(Object.keys(r)).toEqual(keys)
  })

  it('has 34 provincial-level divisions and a sane number of cities', () => {
    expect(provinces).toHaveLength(34)
    // 333 prefecture-level units (2019 onward) + 22 directly governed county-level cities
    const prefecture = cities.filter((c) => c.code.slice(2, 4) !== '90')
    expect(prefecture.length).toBeGreaterThanOrEqual(330)
    expect(prefecture.length).toBeLessThanOrEqual(340)
    expect(cities.length).toBeGreaterThanOrEqual(345)
    expect(cities.length).toBeLessThanOrEqual(370)
  })

  it('lists provinces first, then cities, each sorted by code', () => {
    const firstCity = regions.findIndex((r) => r.level === 'city')
    expect(regions.slice(firstCity).every((r) => r.level === 'city')).toBe(true)
    const codes = (rs: Region[]) => rs.map((r) => r.code)
    expect(codes(provinces)).toEqual([...codes(provinces)].sort())
    expect(codes(cities)).toEqual([...codes(cities)].sort())
    expect(get('340000').order).toBe(12)
    expect(get('340100').order).toBe(1)
  })

  it('has unique six-digit codes', () => {
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length)
    for (const r of regions) expect(r.code).toMatch(/^\d{6}$/)
  })

  it('parents every city to an existing province', () => {
    for (const c of cities) expect(byCode.get(c.parent ?? '')?.level).toBe('province')
    for (const p of provinces) expect(p.parent).toBeNull()
  })

  it('keeps municipalities, SARs and Taiwan as single records without children', () => {
    for (const code of ['110000', '120000', '310000', '500000', '710000', '810000', '820000']) {
      expect(get(code).level).toBe('province')
      expect(childrenOf(code)).toHaveLength(0)
    }
    expect(get('110000').shortName).toBe('北京')
    expect(get('810000').shortName).toBe('香港')
    expect(get('810000').shortNameEn).toBe('Hong Kong')
  })

  it('lifts county-level cities out of the placeholders and drops the placeholders', () => {
    expect(get('419001')).toMatchObject({ name: '济源市', parent: '410000', level: 'city' })
    expect(get('429004')).toMatchObject({ name: '仙桃市', parent: '420000' })
    expect(get('429021')).toMatchObject({ name: '神农架林区', shortName: '神农架', parent: '420000' })
    expect(get('469002')).toMatchObject({ name: '琼海市', parent: '460000' })
    expect(get('659001')).toMatchObject({ name: '石河子市', parent: '650000' })
    expect(get('659012')).toMatchObject({ name: '白杨市', parent: '650000' })
    for (const code of ['419000', '429000', '469000', '659000', '500200', '110100']) expect(byCode.has(code)).toBe(false)
    // counties directly under Hainan are not cities
    expect(byCode.has('469021')).toBe(false)
    for (const r of regions) expect(['省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖县', '市辖区', '县']).not.toContain(r.name)
  })

  it('carries current GB/T 2260 city codes', () => {
    expect(get('441900').name).toBe('东莞市')
    expect(get('442000').name).toBe('中山市')
    expect(get('460300').name).toBe('三沙市')
    expect(get('460400').name).toBe('儋州市')
    expect(get('620200').name).toBe('嘉峪关市')
    expect(get('520500').name).toBe('毕节市')
    expect(get('630200').name).toBe('海东市')
    expect(get('650500').name).toBe('哈密市')
    expect(get('540600').name).toBe('那曲市')
  })

  it('strips administrative suffixes and ethnic qualifiers from short names', () => {
    expect(get('450000').shortName).toBe('广西')
    expect(get('150000').shortName).toBe('内蒙古')
    expect(get('222400').shortName).toBe('延边')
    expect(get('222400').shortNameEn).toBe('Yanbian')
    expect(get('152500').shortName).toBe('锡林郭勒')
    expect(get('232700').shortName).toBe('大兴安岭')
    expect(get('632800').shortName).toBe('海西')
  })

  it('romanizes polyphonic and official names correctly', () => {
    expect(get('500000')).toMatchObject({ pinyin: 'chong qing', initials: 'cq', letter: 'C' })
    expect(get('350200').pinyin).toBe('xia men')
    expect(get('341500').pinyin).toBe('lu an')
    expect(get('341500').shortNameEn).toBe("Lu'an")
    expect(get('340300').pinyin).toBe('beng bu')
    expect(get('341600').pinyin).toBe('bo zhou')
    expect(get('140400').pinyin).toBe('chang zhi')
    expect(get('511100').pinyin).toBe('le shan')
    expect(get('331000')).toMatchObject({ shortName: '台州', pinyin: 'tai zhou', parent: '330000' })
    expect(get('321200')).toMatchObject({ shortName: '泰州', pinyin: 'tai zhou', parent: '320000' })
    expect(get('610000')).toMatchObject({ pinyin: 'shaan xi', letter: 'S', shortNameEn: 'Shaanxi' })
    expect(get('140000')).toMatchObject({ pinyin: 'shan xi', shortNameEn: 'Shanxi' })
    expect(get('230100')).toMatchObject({ pinyin: 'ha er bin', initials: 'heb', shortNameEn: 'Harbin' })
    expect(get('150000').initials).toBe('nmg')
    expect(get('540000').pinyin).toBe('xi zang')
    expect(get('653100').pinyin).toBe('ka shi')
    expect(get('540300').pinyin).toBe('chang du')
    expect(get('610100').shortNameEn).toBe("Xi'an")
    for (const r of regions) {
      expect(r.pinyin).toMatch(/^[a-z]+( [a-z]+)*$/)
      expect(r.initials).toMatch(/^[a-z]+$/)
      expect(r.letter).toBe(r.pinyin[0].toUpperCase())
    }
  })

  it('flags the 15 hot cities', () => {
    const hot = regions.filter((r) => r.hot).map((r) => r.code).sort()
    expect(hot).toEqual([
      '110000', '120000', '310000', '320100', '320500', '330100', '370200', '410100',
      '420100', '430100', '440100', '440300', '500000', '510100', '610100',
    ])
  })

  it('places every record inside China with at most two decimals', () => {
    for (const r of regions) {
      expect(r.lat).toBeGreaterThan(3.5)
      expect(r.lat).toBeLessThan(53.6)
      expect(r.lng).toBeGreaterThan(73.4)
      expect(r.lng).toBeLessThan(135.1)
      expect(Math.round(r.lat * 100) / 100).toBe(r.lat)
      expect(Math.round(r.lng * 100) / 100).toBe(r.lng)
    }
    // spot checks against known seats (±0.1°)
    expect(get('110000').lat).toBeCloseTo(39.9, 1)
    expect(get('440300').lng).toBeCloseTo(114.1, 0)
    expect(get('460300').lat).toBeCloseTo(16.83, 1)
  })
})
