import { expect } from '@esm-bundle/chai'
import type { RegionTreeResponse } from '../../wire/index.js'
import { buildModel, type RegionModel } from '../../widgets/region-picker/region-model.js'
import { normalize, RegionSearch } from '../../widgets/region-picker/region-search.js'

let tree: RegionTreeResponse
let cities: RegionModel
let provinces: RegionModel

before(async () => {
  tree = await (await fetch('/fixture-api/api/news/regions?locale=zh')).json()
  cities = buildModel(tree, 'city')
  provinces = buildModel(tree, 'province')
})

const names = (model: RegionModel, q: string) => new RegionSearch(model.entries).search(q).map((e) => e.node.name)

describe('region search', () => {
  it('normalizes case, spaces, apostrophes, hyphens and 市/省 suffixes', () => {
    expect(normalize('Bei Jing')).to.equal('beijing')
    expect(normalize("Xi'an")).to.equal('xian')
    expect(normalize('xi-an')).to.equal('xian')
    expect(normalize('北京市')).to.equal('北京')
    expect(normalize('浙江省')).to.equal('浙江')
  })

  const table: [string, string][] = [
    ['bj', '北京'],
    ['beijing', '北京'],
    ['北京', '北京'],
    ['北京市', '北京'],
    ['BJ', '北京'],
    ['Bei Jing', '北京'],
    ["xi'an", '西安'],
    ['XIAN', '西安'],
    ['xi an', '西安'],
  ]
  for (const [q, first] of table)
    it(`"${q}" finds ${first} first`, () => {
      expect(names(cities, q)[0]).to.equal(first)
    })

  for (const q of ['taizhou', 'tz', 'TaiZhou', 'tai zhou'])
    it(`"${q}" finds both 台州 and 泰州 first`, () => {
      expect(names(cities, q).slice(0, 2)).to.have.members(['台州', '泰州'])
    })

  it('"shaanxi" finds 陕西 (province level) and only 陕西\'s cities (city level)', () => {
    expect(names(provinces, 'shaanxi')[0]).to.equal('陕西')
    expect(names(provinces, 'shaanxi')).not.to.include('山西')
    const res = new RegionSearch(cities.entries).search('shaanxi')
    expect(res.length).to.be.greaterThan(0)
    for (const e of res) expect(e.province?.name).to.equal('陕西')
  })

  it('"shanxi" finds 山西, not 陕西', () => {
    expect(names(provinces, 'shanxi')[0]).to.equal('山西')
    expect(names(provinces, 'shanxi')).not.to.include('陕西')
  })

  it('ranks exact, then prefix, then substring matches', () => {
    const all = cities.entries.map((e) => e.node.name)
    const xian = names(cities, 'xian')
    expect(xian[0]).to.equal('西安')
    if (all.includes('咸阳')) expect(xian).to.include('咸阳')
    if (all.includes('舟山') && all.includes('杭州')) {
      const zhou = names(cities, 'zhou')
      expect(zhou.indexOf('舟山')).to.be.lessThan(zhou.indexOf('杭州'))
    }
    const hz = names(cities, 'hz')
    expect(hz).to.include('杭州')
  })

  it('finds a province\'s cities by the province name', () => {
    const res = new RegionSearch(cities.entries).search('zhejiang')
    expect(res.map((e) => e.node.name)).to.include('杭州')
  })

  it('returns nothing for an empty or unmatched query', () => {
    expect(names(cities, '')).to.deep.equal([])
    expect(names(cities, '   ')).to.deep.equal([])
    expect(names(cities, 'qqqqq')).to.deep.equal([])
  })

  it('answers a keystroke in well under 4 ms (p95) over the whole tree', () => {
    const search = new RegionSearch(cities.entries)
    const queries = ['b', 'be', 'bei', 'beij', 'beiji', 'beijin', 'beijing', 's', 'sh', 'sha', 'x', 'xi', "xi'", 'xia', 'z', 'zh', 'tz', '台', '台州']
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now()
      search.search(queries[i % queries.length])
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    expect(times[Math.floor(times.length * 0.95)]).to.be.lessThan(4)
  })
})

describe('region model', () => {
  it('sorts provinces by pinyin letter and lists a municipality as its own only city', () => {
    const letters = cities.groups.map((g) => g.letter)
    expect([...letters].sort()).to.deep.equal(letters)
    const beijing = cities.groups.find((g) => g.node.code === '110000')!
    expect(beijing.entries.map((e) => [e.node.code, e.node.name, e.province])).to.deep.equal([['110000', '北京', undefined]])
    expect(cities.byCode.get('331000')?.province?.name).to.equal('浙江')
  })

  it('offers provinces only at province level', () => {
    expect(provinces.entries.every((e) => !e.province)).to.equal(true)
    expect(provinces.entries.length).to.equal(tree.provinces.length)
  })
})
