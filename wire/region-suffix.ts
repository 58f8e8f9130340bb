/**
 * How a reader knows a region's official full name without the tree shipping it: the full name is the short name
 * plus a suffix of a few kinds (北京 + 市, 锡林郭勒 + 盟, 恩施 + 土家族苗族 + 自治州), and the kind follows from the
 * GB/T 2260 code for all but a handful of regions, which carry `sfx` (see wire.ts). Shared by the CMS (what to
 * ship) and the widgets (search by full name).
 */

/** Suffix kinds; the index is the wire's `sfx`. [汉字, pinyin syllables, English forms (lower case)]. */
export const SUFFIXES: readonly (readonly [zh: string, py: string, en: readonly string[]])[] = [
  ['', '', []],
  ['市', 'shi', ['city', 'municipality']],
  ['省', 'sheng', ['province']],
  ['自治区', 'zi zhi qu', ['autonomous region']],
  ['特别行政区', 'te bie xing zheng qu', ['special administrative region', 'sar']],
  ['盟', 'meng', ['league']],
  ['地区', 'di qu', ['prefecture']],
  ['自治州', 'zi zhi zhou', ['autonomous prefecture']],
  ['林区', 'lin qu', ['forestry district']],
]

/** Autonomous areas name their nationalities between the short name and the suffix (广西壮族自治区). */
export const isAutonomous = (kind: number) => SUFFIXES[kind]![0].startsWith('自治')

/**
 * The kind a code implies. Provinces: the four municipalities, the five autonomous regions and the two SARs by
 * code, else 省. Prefecture level: GB/T 2260 numbers 地区 / 盟 / 自治州 21–50 (in 内蒙古 they are all 盟; elsewhere
 * most are 自治州) and cities 01–20, 51–70 and 90 (county-level cities under a province).
 */
export function derivedSuffix(code: string): number {
  const p = +code.slice(0, 2)
  const d = +code.slice(2, 4)
  if (code.endsWith('0000')) return [11, 12, 31, 50].includes(p) ? 1 : [15, 45, 54, 64, 65].includes(p) ? 3 : p > 80 ? 4 : 2
  return d > 20 && d < 51 ? (p === 15 ? 5 : 7) : 1
}

/** The kind of a node's full name: what the tree says, else what its code implies. */
export const suffixOf = (node: { code: string; sfx?: number }) => node.sfx ?? derivedSuffix(node.code)

/**
 * The kind a Chinese official name shows after its short name: 0 when it ends in none of the table's suffixes,
 * undefined when there is no Chinese full name to read.
 */
export function suffixOfName(name: string, short: string): number | undefined {
  // A short name alone, or a fallback in another script, shows no kind.
  if (!name || name === short || !/[\u3400-\u9fff]/.test(name)) return undefined
  const kind = SUFFIXES.findIndex(([zh], i) => i > 0 && name.endsWith(zh))
  return kind < 0 ? 0 : kind
}
