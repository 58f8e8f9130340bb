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
  it('normalizes case, spaces, apostrophes, hyphens and accents (suffixes are matched, not stripped)', () => {
    expect(normalize('Bei Jing')).to.equal('beijing')
    expect(normalize("Xi'an")).to.equal('xian')
    expect(normalize('xi-an')).to.equal('xian')
    expect(normalize('Lüliang')).to.equal('luliang')
    expect(normalize('北京市')).to.equal('北京市')
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

  // Official full names: short name + suffix, the kind derived from the code or sent by the CMS (地区, 林区).
  const full: [string, 'cities' | 'provinces', string[]][] = [
    ['suzhoushi', 'cities', ['苏州', '宿州']],
    ['Su Zhou Shi', 'cities', ['苏州', '宿州']],
    ['苏州市', 'cities', ['苏州']],
    ['szs', 'cities', ['苏州', '宿州', '深圳', '随州', '石嘴山', '朔州']],
    ['xilinguolemeng', 'cities', ['锡林郭勒']],
    ['锡林郭勒盟', 'cities', ['锡林郭勒']],
    ['xlglm', 'cities', ['锡林郭勒']],
    ['alashanmeng', 'cities', ['阿拉善']],
    ['kashidiqu', 'cities', ['喀什']],
    ['阿里地区', 'cities', ['阿里']],
    ['daxinganlingdiqu', 'cities', ['大兴安岭']],
    ['shennongjialinqu', 'cities', ['神农架']],
    ['yanbianzizhizhou', 'cities', ['延边']],
    ['延边朝鲜族自治州', 'cities', ['延边']],
    ['恩施土家族苗族自治州', 'cities', ['恩施']],
    ['enshi tujiazu miaozu zizhizhou', 'cities', ['恩施']],
    ['neimenggu zizhiqu', 'provinces', ['内蒙古']],
    ['内蒙古自治区', 'provinces', ['内蒙古']],
    ['广西壮族自治区', 'provinces', ['广西']],
    ['xinjiang weiwuer zizhiqu', 'provinces', ['新疆']],
    ['xianggang tebie xingzhengqu', 'provinces', ['香港']],
    ['香港特别行政区', 'provinces', ['香港']],
    ['zhejiangsheng', 'provinces', ['浙江']],
    ['浙江省', 'provinces', ['浙江']],
    ['beijingshi', 'provinces', ['北京']],
    ['北京市', 'cities', ['北京']],
  ]
  for (const [q, level, first] of full)
    it(`full name "${q}" finds ${first.join(', ')} first (${level})`, () => {
      const found = names(level === 'cities' ? cities : provinces, q)
      expect(found.slice(0, first.length)).to.have.members(first)
    })

  it('a wrong suffix finds nothing: kashishi, alidiqushi', () => {
    expect(names(cities, 'kashishi')).to.deep.equal([])
    expect(names(cities, 'xilinguoleshi')).to.deep.equal([])
  })

  it('"neimenggu zizhiqu" lists 内蒙古\'s cities at city level', () => {
    const res = new RegionSearch(cities.entries).search('neimenggu zizhiqu')
    expect(res.length).to.be.greaterThan(5)
    for (const e of res) expect(e.province?.name).to.equal('内蒙古')
  })

  it('a suffix alone does not list every city ("shi" matches names with shi in them)', () => {
    const shi = names(cities, 'shi')
    expect(shi).to.include.members(['石家庄', '恩施'])
    expect(shi).not.to.include('杭州')
  })

  it('returns nothing for an empty or unmatched query', () => {
    expect(names(cities, '')).to.deep.equal([])
    expect(names(cities, '   ')).to.deep.equal([])
    expect(names(cities, 'qqqqq')).to.deep.equal([])
  })

  it('answers a keystroke in well under 4 ms (p95) over the whole tree', () => {
    const search = new RegionSearch(cities.entries)
    const queries = ['b', 'be', 'bei', 'beij', 'beiji', 'beijin', 'beijing', 's', 'sh', 'sha', 'x', 'xi', "xi'", 'xia', 'z', 'zh', 'tz', '台', '台州',
      'suzhoushi', 'xilinguolemeng', 'neimenggu zizhiqu', 'enshitujia', '恩施土家族苗族自治州', 'szs']
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

describe('region search in an English tree', () => {
  let en: RegionModel
  let enProvinces: RegionModel
  before(async () => {
    const tree: RegionTreeResponse = await (await fetch('/fixture-api/api/news/regions?locale=en')).json()
    en = buildModel(tree, 'city')
    enProvinces = buildModel(tree, 'province')
  })

  const table: [string, 'cities' | 'provinces', string[]][] = [
    ['Suzhou', 'cities', ['Suzhou', 'Suzhou']],
    ['Suzhou City', 'cities', ['Suzhou', 'Suzhou']],
    ['suzhoushi', 'cities', ['Suzhou', 'Suzhou']],
    ['Harbin', 'cities', ['Harbin']],
    ['Xilingol League', 'cities', ['Xilingol']],
    ['Ngari Prefecture', 'cities', ['Ngari']],
    ['Yanbian Korean Autonomous Prefecture', 'cities', ['Yanbian']],
    ['Lüliang', 'cities', ['Lüliang']],
    ['Luliang', 'cities', ['Lüliang']],
    ['Inner Mongolia', 'provinces', ['Inner Mongolia']],
    ['Inner Mongolia Autonomous Region', 'provinces', ['Inner Mongolia']],
    ['Guangxi Zhuang Autonomous Region', 'provinces', ['Guangxi']],
    ['Hong Kong', 'provinces', ['Hong Kong']],
    ['Hong Kong SAR', 'provinces', ['Hong Kong']],
    ['Hong Kong Special Administrative Region', 'provinces', ['Hong Kong']],
    ['Zhejiang Province', 'provinces', ['Zhejiang']],
    ['Beijing Municipality', 'provinces', ['Beijing']],
    ['Hong Kong', 'cities', ['Hong Kong']],
  ]
  for (const [q, level, first] of table)
    it(`"${q}" finds ${first.join(', ')} first (${level})`, () => {
      const found = names(level === 'cities' ? en : enProvinces, q)
      expect(found.slice(0, first.length)).to.deep.equal(first)
    })

  it('"Inner Mongolia" lists its cities at city level', () => {
    const found = names(en, 'Inner Mongolia')
    expect(found).to.include.members(['Hohhot', 'Xilingol'])
  })
})

describe('region search with what editors set', () => {
  // Initials and a letter an editor set, and a suffix kind the CMS sent (杭州 as if it were a 地区).
  const tree: RegionTreeResponse = {
    source: 'inline test',
    provinces: [
      { code: '500000', name: '重庆', py: 'chong qing', ini: 'zq', ltr: 'Z' },
      { code: '330000', name: '浙江', py: 'zhe jiang', cities: [{ code: '330100', name: '杭州', py: 'hang zhou', sfx: 6 }] },
      { code: '110000', name: '北京', py: 'bei jing' },
    ],
  }
  const model = () => buildModel(tree, 'city')

  it('searches by the initials an editor set, instead of the derived ones', () => {
    expect(names(model(), 'zq')).to.deep.equal(['重庆'])
    expect(names(model(), 'zqs')).to.deep.equal(['重庆'])
    expect(names(model(), 'cq')).to.deep.equal([])
    expect(names(model(), 'chongqing')).to.deep.equal(['重庆'])
  })

  it('uses the suffix kind the CMS sent instead of the derived one', () => {
    expect(names(model(), 'hangzhoudiqu')).to.deep.equal(['杭州'])
    expect(names(model(), '杭州地区')).to.deep.equal(['杭州'])
    expect(names(model(), 'hangzhoushi')).to.deep.equal([])
  })

  it('groups a province under the letter an editor set', () => {
    expect(model().groups.map((g) => [g.letter, g.node.name])).to.deep.equal([
      ['B', '北京'],
      ['Z', '重庆'],
      ['Z', '浙江'],
    ])
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
