// Builds cms/plugin/seed/region-data.json: China's provincial- and city-level
// divisions with GB/T 2260 codes, pinyin and seat coordinates.
//   npx tsx scripts/build-regions.ts
// Sources and decisions: cms/plugin/seed/REGION-SOURCES.md. Output is
// deterministic for a given set of installed package versions.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { areaList } from '@vant/area-data'
import { pinyin } from 'pinyin-pro'
import { CITY_EN_OVERRIDES, PINYIN_OVERRIDES, PROVINCE_EN } from './pinyin-overrides'
import type { RegionRecord } from '../cms/plugin/seed/region-record'

const require = createRequire(import.meta.url)
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'cms/plugin/seed/region-data.json')

// Vintage of the division list, judged from its contents (see REGION-SOURCES.md).
const VANT_DATA_AS_OF = 'end-2024'

const version = (pkg: string): string => require(`${pkg}/package.json`).version
const VERSIONS = {
  vant: version('@vant/area-data'),
  pinyinPro: version('pinyin-pro'),
  echarts: version('echarts'),
}

type Level = 'province' | 'city'
export type Region = RegionRecord

// Provincial-level units kept as one record with no city children: the four
// municipalities, and 台湾/香港/澳门 whose vant children are not GB/T 2260 units.
const NO_CHILDREN = new Set(['110000', '120000', '310000', '500000', '710000', '810000', '820000'])

const HOT = new Set([
  '110000', '310000', '120000', '500000', // municipalities: flagged on the province record
  '440100', '440300', '330100', '320100', '420100', '510100', '610100', '320500', '410100', '430100', '370200',
])

// Hand-placed seats for units newer than the echarts data set (sources in REGION-SOURCES.md).
const MANUAL_COORDS: Record<string, { lat: number; lng: number; source: string }> = {
  '659009': { lat: 37.22, lng: 79.28, source: 'Wikipedia 昆玉市 infobox 37°13′N 79°17′E' },
  '659010': { lat: 44.69, lng: 84.83, source: 'Wikipedia 胡杨河市 infobox 44°41′33″N 84°49′30″E' },
  '659011': { lat: 42.8, lng: 93.51, source: 'approx. 13th Division seat, Hami urban area' },
  '659012': { lat: 46.72, lng: 82.9, source: 'Wikipedia 白杨市 infobox 46°43′28″N 82°53′45″E' },
}

const ETHNIC = '蒙古|藏|羌|彝|布依|苗|侗|土家|朝鲜|哈尼|壮|傣|景颇|傈僳|白|回|柯尔克孜|哈萨克'
const AUTONOMOUS_PREFECTURE = new RegExp(`^(.+?)(?:(?:${ETHNIC})族?)+自治州$`)

export function shortNameOf(name: string): string {
  const ap = AUTONOMOUS_PREFECTURE.exec(name)
  if (ap) return ap[1]
  return name.replace(/(?:特别行政区|(?:壮族|回族|维吾尔)?自治区|省|市|地区|盟|林区)$/, '')
}

function syllables(short: string): string[] {
  const pinned = PINYIN_OVERRIDES[short]
  const auto = pinyin(short, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase())
  if (pinned) {
    if (pinned.join(' ') !== auto.join(' ')) console.log(`  override ${short}: pinyin-pro "${auto.join(' ')}" -> "${pinned.join(' ')}"`)
    return [...pinned]
  }
  for (const s of auto) if (!/^[a-z]+$/.test(s)) throw new Error(`non-pinyin syllable "${s}" in ${short}`)
  return auto
}

// Capitalised pinyin with the standard apostrophe before a/o/e syllables (Xi'an, Lu'an).
function pinyinTitle(syl: string[]): string {
  const word = syl.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('').replace(/v/g, 'ü')
  return word[0].toUpperCase() + word.slice(1)
}

// --- coordinates: echarts 4.9.0 ships GeoJSON whose features carry `cp` (seat of government)
interface CpEntry { code: string; short: string; lng: number; lat: number; file: string }
function loadEchartsCp(): { byCode: Map<string, CpEntry>; list: CpEntry[] } {
  const dir = join(dirname(require.resolve('echarts/package.json')), 'map/json')
  // province files first: they are newer than china-cities.json (e.g. 三沙, 儋州 460400)
  const files = [
    ...readdirSync(join(dir, 'province')).sort().map((f) => `province/${f}`),
    'china-cities.json',
  ]
  const byCode = new Map<string, CpEntry>()
  const list: CpEntry[] = []
  for (const file of files) {
    const geo = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      features: { id?: string; properties: { name: string; cp?: [number, number] } }[]
    }
    for (const f of geo.features) {
      const cp = f.properties.cp
      if (!cp || !f.id) continue
      const e = { code: String(f.id), short: shortNameOf(f.properties.name), lng: cp[0], lat: cp[1], file }
      list.push(e)
      if (!byCode.has(e.code)) byCode.set(e.code, e)
    }
  }
  return { byCode, list }
}

const round2 = (x: number): number => Math.round(x * 100) / 100

function build() {
  const cp = loadEchartsCp()
  const coordSource: Record<string, number> = {}
  const locate = (code: string, short: string): { lat: number; lng: number } => {
    const hit = cp.byCode.get(code)
    // codes are reused across re-organisations, so a code hit must also agree on the name
    if (hit && hit.short === short) {
      coordSource[`echarts ${hit.file === 'china-cities.json' ? 'china-cities' : 'province/*'} by code`] =
        (coordSource[`echarts ${hit.file === 'china-cities.json' ? 'china-cities' : 'province/*'} by code`] ?? 0) + 1
      return { lat: round2(hit.lat), lng: round2(hit.lng) }
    }
    // renumbered units (哈密 652200→650500, 那曲 542400→540600 …): same province, same name
    const byName = cp.list.find((e) => e.code.slice(0, 2) === code.slice(0, 2) && e.short === short)
    if (byName) {
      coordSource['echarts by name (renumbered)'] = (coordSource['echarts by name (renumbered)'] ?? 0) + 1
      console.log(`  coords ${code} ${short}: matched echarts ${byName.code} by name`)
      return { lat: round2(byName.lat), lng: round2(byName.lng) }
    }
    const manual = MANUAL_COORDS[code]
    if (manual) {
      coordSource.manual = (coordSource.manual ?? 0) + 1
      console.log(`  coords ${code} ${short}: manual (${manual.source})`)
      return { lat: manual.lat, lng: manual.lng }
    }
    throw new Error(`no coordinates for ${code} ${short}`)
  }

  const provinces: Region[] = []
  const cities: Region[] = []
  const dropped: string[] = []

  const provinceCodes = Object.keys(areaList.province_list).sort()
  provinceCodes.forEach((code, i) => {
    const name = areaList.province_list[code]
    const shortName = shortNameOf(name)
    const syl = syllables(shortName)
    const en = PROVINCE_EN[code]
    if (!en) throw new Error(`no English name for province ${code}`)
    // province point = seat of its capital (always xx0100 in GB/T 2260); single-record units use their own seat
    const seat = NO_CHILDREN.has(code) ? locate(code, shortName) : locate(`${code.slice(0, 2)}0100`, shortNameOf(areaList.city_list[`${code.slice(0, 2)}0100`]))
    provinces.push(record(code, 'province', null, name, shortName, en.full, en.short, syl, i + 1, seat))
  })

  // city candidates: prefecture-level units plus county-level cities lifted from the
  // "directly governed" placeholders (xx90xx); placeholder counties are dropped.
  const candidates: { code: string; name: string }[] = []
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const prov = `${code.slice(0, 2)}0000`
    if (NO_CHILDREN.has(prov)) {
      dropped.push(`${code} ${name} (child of single-record ${areaList.province_list[prov]})`)
      continue
    }
    if (code.slice(2, 4) === '90') {
      dropped.push(`${code} ${name} (placeholder)`)
      for (const [cc, cn] of Object.entries(areaList.county_list)) {
        if (!cc.startsWith(code.slice(0, 4))) continue
        if (/(?:市|林区)$/.test(cn)) candidates.push({ code: cc, name: cn })
        else dropped.push(`${cc} ${cn} (county directly under the province, not a city)`)
      }
      continue
    }
    candidates.push({ code, name })
  }
  candidates.sort((a, b) => a.code.localeCompare(b.code))

  const orderInProvince = new Map<string, number>()
  for (const { code, name } of candidates) {
    const parent = `${code.slice(0, 2)}0000`
    const shortName = shortNameOf(name)
    const syl = syllables(shortName)
    const en = CITY_EN_OVERRIDES[shortName] ?? pinyinTitle(syl)
    const order = (orderInProvince.get(parent) ?? 0) + 1
    orderInProvince.set(parent, order)
    cities.push(record(code, 'city', parent, name, shortName, en, en, syl, order, locate(code, shortName)))
  }

  const regions = [...provinces, ...cities]
  check(regions)
  return { provinces, cities, regions, dropped, coordSource }
}

function record(
  code: string, level: Level, parent: string | null, name: string, shortName: string,
  nameEn: string, shortNameEn: string, syl: string[], order: number, at: { lat: number; lng: number },
): Region {
  const py = syl.join('')
  return {
    code, level, parent, name, shortName, nameEn, shortNameEn,
    // Syllables stay separated: readers derive the compact form and initials from them, so the tree need not ship both.
    pinyin: syl.join(' '),
    initials: syl.map((s) => s[0]).join(''),
    letter: py[0].toUpperCase(),
    order,
    hot: HOT.has(code),
    lat: at.lat,
    lng: at.lng,
  }
}

// Fail the build rather than commit a suspicious data set.
function check(regions: Region[]) {
  const fail = (msg: string) => { throw new Error(`region data check failed: ${msg}`) }
  const codes = new Set(regions.map((r) => r.code))
  if (codes.size !== regions.length) fail('duplicate codes')
  const provinces = regions.filter((r) => r.level === 'province')
  if (provinces.length !== 34) fail(`${provinces.length} provinces`)
  const prefecture = regions.filter((r) => r.level === 'city' && r.code.slice(2, 4) !== '90')
  if (prefecture.length !== 333) fail(`${prefecture.length} prefecture-level units, expected 333`)
  for (const r of regions) {
    if (!/^\d{6}$/.test(r.code)) fail(`bad code ${r.code}`)
    if (/族|自治|直辖|行政区划|^(县|市辖区)$/.test(r.shortName)) fail(`unstripped short name ${r.name} -> ${r.shortName}`)
    if (!/^[a-z]+( [a-z]+)*$/.test(r.pinyin) || !/^[a-z]+$/.test(r.initials)) fail(`bad pinyin ${r.name}`)
    if (!(r.lat > 3 && r.lat < 54 && r.lng > 73 && r.lng < 136)) fail(`coords outside China ${r.code}`)
    if (r.parent && !provinces.some((p) => p.code === r.parent)) fail(`orphan ${r.code}`)
    if (r.parent && NO_CHILDREN.has(r.parent)) fail(`child of single-record unit ${r.code}`)
  }
}

// Shape the public picker endpoint will serve; measured here to keep it within budget.
function compactTree(source: string, provinces: Region[], cities: Region[]) {
  const hot = (r: Region) => (r.hot ? { hot: true } : {})
  return {
    source,
    provinces: provinces.map((p) => ({
      code: p.code, name: p.shortName, py: p.pinyin, lat: p.lat, lng: p.lng, ...hot(p),
      cities: cities.filter((c) => c.parent === p.code).map((c) => ({
        code: c.code, name: c.shortName, py: c.pinyin, lat: c.lat, lng: c.lng, ...hot(c),
      })),
    })),
  }
}

function main() {
  console.log('building region data…')
  const { provinces, cities, regions, dropped, coordSource } = build()
  const manual = Object.keys(MANUAL_COORDS).filter((c) => regions.some((r) => r.code === c)).length
  const source =
    `GB/T 2260 divisions via @vant/area-data ${VERSIONS.vant} (data as of ${VANT_DATA_AS_OF}); ` +
    `pinyin via pinyin-pro ${VERSIONS.pinyinPro} with overrides; ` +
    `coordinates via echarts ${VERSIONS.echarts} (map/json cp)` + (manual ? ` plus ${manual} manual seats` : '')

  // one record per line: valid JSON that diffs cleanly when the data is refreshed
  const body = regions.map((r) => `    ${JSON.stringify(r)}`).join(',\n')
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, `{\n  "source": ${JSON.stringify(source)},\n  "regions": [\n${body}\n  ]\n}\n`)

  const lifted = cities.filter((c) => c.code.slice(2, 4) === '90')
  console.log(`dropped ${dropped.length} vant entries:`)
  for (const d of dropped) console.log(`  - ${d}`)
  console.log(`coordinates: ${JSON.stringify(coordSource)}`)
  console.log(`provinces ${provinces.length}, cities ${cities.length} (prefecture-level ${cities.length - lifted.length}, lifted county-level ${lifted.length}: ${lifted.map((c) => c.shortName).join(' ')}), total ${regions.length}`)
  const compact = Buffer.from(JSON.stringify(compactTree(source, provinces, cities)))
  console.log(`compact tree: ${compact.length} B raw, ${gzipSync(compact).length} B gzip (level 6), ${gzipSync(compact, { level: 9 }).length} B gzip (level 9); budget 8192 B`)
  console.log(`wrote ${OUT}`)
}

main()
