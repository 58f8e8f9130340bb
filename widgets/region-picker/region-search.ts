import type { RegionEntry } from './region-model.js'

/** Lower case without the separators people type between syllables (spaces, apostrophes, hyphens, dots). */
export const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s'’‘`\-_.·]/g, '')
    // "北京市", "浙江省": the data holds short names.
    .replace(/(.{2,}?)(市|省|自治区|特别行政区)$/, '$1')

interface Row {
  entry: RegionEntry
  keys: string[]
  parent: string[]
}

/** 汉字, compact pinyin ("bei jing" → "beijing") and initials ("bj"). */
function keysOf(n: { name: string; py: string }): string[] {
  const syllables = n.py.toLowerCase().trim().split(/\s+/)
  return [normalize(n.name), syllables.join(''), syllables.map((s) => s[0] ?? '').join('')]
}

/** 0 exact, 1 prefix, 2 substring, 3 none. */
function rank(keys: string[], q: string): number {
  let best = 3
  for (const k of keys) {
    if (k === q) return 0
    if (best > 1 && k.startsWith(q)) best = 1
    else if (best > 2 && k.includes(q)) best = 2
  }
  return best
}

/**
 * Search over 汉字, full pinyin and initials, built once per region list so a keystroke only scans
 * short precomputed strings. Ranking: exact, then prefix, then substring on the region itself,
 * then regions whose province matches (so "zhejiang" lists 浙江's cities); within a rank hot cities
 * come first ("hz": 杭州 before 惠州, 湖州), then display order.
 */
export class RegionSearch {
  private rows: Row[]

  constructor(entries: RegionEntry[]) {
    // A province's keys once, not once per city.
    const parents = new Map<RegionEntry['province'], string[]>([[undefined, []]])
    this.rows = entries.map((entry) => {
      const p = entry.province
      if (!parents.has(p)) parents.set(p, keysOf(p!))
      return { entry, keys: keysOf(entry.node), parent: parents.get(p)! }
    })
  }

  search(query: string, limit = 50): RegionEntry[] {
    const q = normalize(query)
    if (!q) return []
    const buckets: RegionEntry[][] = [[], [], [], [], [], [], [], []]
    for (const row of this.rows) {
      let r = rank(row.keys, q)
      // Not the region itself: its province, by exact or prefix match.
      if (r === 3 && rank(row.parent, q) > 1) continue
      buckets[r * 2 + (row.entry.node.hot ? 0 : 1)].push(row.entry)
    }
    return buckets.flat().slice(0, limit)
  }
}
