// Explicit .ts: the admin's Next build (Turbopack) also compiles this module and does not map .js onto .ts.
import { initialsOf, syllablesOf } from '../../wire/region-initials.ts'
import { isAutonomous, SUFFIXES, suffixOf } from '../../wire/region-suffix.ts'
import type { RegionNode } from '../../wire/index.js'
import type { RegionEntry } from './region-model.js'

/** Lower case, accents folded (Lüliang), without the separators people type between syllables and words. */
export const normalize = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’‘`\-_.·]/g, '')

/** A region's search keys. */
interface Keys {
  /** Name, compact pinyin, initials: matched exactly, as a prefix or as a substring. */
  short: string[]
  /** Full names (苏州市, suzhoushi, szs, Suzhou City): exactly or as a prefix only, as every one ends in a suffix. */
  full: string[]
  /** Autonomous areas: [short, suffix] around the nationalities that the official name names (恩施…自治州). */
  stems: [string, string][]
  /** Length of the shortest key a full name starts with: a query no longer than it is decided by `short`. */
  min: number
}

const CJK = /[\u3400-\u9fff]/

/** 汉字 (or the English name of an English tree), pinyin and initials, each with and without the suffix. */
function keysOf(n: RegionNode): Keys {
  const syllables = syllablesOf(n.py)
  const name = normalize(n.name)
  const py = syllables.join('')
  const initials = n.ini ? normalize(n.ini) : initialsOf(n.py)
  const kind = suffixOf(n)
  const [zh, sfxPy, en] = SUFFIXES[kind] ?? SUFFIXES[0]!
  const keys: Keys = { short: [name, py, initials], full: [], stems: [], min: Infinity }
  if (!sfxPy) return keys
  keys.min = Math.min(name.length, py.length, initials.length)
  const pairs: [string, string][] = [
    ...(CJK.test(n.name) ? [zh] : en).map((s): [string, string] => [name, normalize(s)]),
    [py, sfxPy.replace(/ /g, '')],
  ]
  keys.full = [...pairs.map(([a, z]) => a + z), initials + initialsOf(sfxPy)]
  if (isAutonomous(kind)) keys.stems = pairs
  return keys
}

/** 0 exact, 1 prefix, 2 substring, 3 none. */
function rank(k: Keys, q: string): number {
  let best = 3
  for (const s of k.short) {
    if (s === q) return 0
    if (best > 1 && s.startsWith(q)) best = 1
    else if (best > 2 && s.includes(q)) best = 2
  }
  if (q.length <= k.min) return best
  for (const s of k.full) {
    if (s === q) return 0
    if (s.startsWith(q)) best = 1
  }
  // Past the short name of an autonomous area: its nationalities, then the suffix.
  for (const [a, z] of k.stems)
    if (q.length > a.length && q.startsWith(a)) {
      if (q.endsWith(z)) return 0
      best = 1
    }
  return best
}

interface Row {
  entry: RegionEntry
  keys: Keys
  /** Index of the province's keys in `parents`. */
  parent: number
}

/**
 * Search over 汉字, full pinyin and initials, each also with the official suffix (苏州市, xilinguolemeng,
 * "neimenggu zizhiqu", szs), and over English names when the tree is English ("Inner Mongolia", "Hong Kong SAR").
 * Built once per region list so a keystroke only scans short precomputed strings. Ranking: exact, then prefix,
 * then substring on the region itself, then regions whose province matches (so "zhejiang" lists 浙江's cities);
 * within a rank hot cities come first ("hz": 杭州 before 惠州, 湖州), then display order.
 */
export class RegionSearch {
  #rows: Row[]
  #parents: Keys[] = []

  constructor(entries: RegionEntry[]) {
    // A province's keys once, not once per city; ranked once per query too.
    const index = new Map<RegionNode | undefined, number>([[undefined, -1]])
    this.#rows = entries.map((entry) => {
      const p = entry.province
      if (!index.has(p)) index.set(p, this.#parents.push(keysOf(p!)) - 1)
      return { entry, keys: keysOf(entry.node), parent: index.get(p)! }
    })
  }

  search(query: string, limit = 50): RegionEntry[] {
    const q = normalize(query)
    if (!q) return []
    const buckets: RegionEntry[][] = [[], [], [], [], [], [], [], []]
    // Provinces matching exactly or as a prefix: their cities are listed after the regions that match themselves.
    const parentMatches = this.#parents.map((k) => rank(k, q) < 2)
    for (const row of this.#rows) {
      const r = rank(row.keys, q)
      if (r === 3 && !parentMatches[row.parent]) continue
      buckets[r * 2 + (row.entry.node.hot ? 0 : 1)]!.push(row.entry)
    }
    return buckets.flat().slice(0, limit)
  }
}
