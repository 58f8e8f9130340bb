/** A region remembered in localStorage: enough to label the trigger before the tree is loaded. */
export interface RememberedRegion {
  code: string
  name: string
  lang: string
}

const KEY = 'regional-news:region-picker:'
const MAX_RECENT = 6

// Storage can throw (disabled cookies, sandboxed frames): remembering is best effort.
function read<T>(key: string): T | undefined {
  try {
    return JSON.parse(localStorage.getItem(KEY + key) ?? 'null') ?? undefined
  } catch {}
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(KEY + key, JSON.stringify(value))
  } catch {}
}

export const loadLast = (level: string) => read<RememberedRegion>(level + ':last')

export const loadRecent = (level: string) => read<RememberedRegion[]>(level + ':recent') ?? []

/** Adds a choice at the head of a recent list, without duplicates, capped. */
export const pushRecent = (list: RememberedRegion[], r: RememberedRegion) =>
  [r, ...list.filter((x) => x.code !== r.code)].slice(0, MAX_RECENT)

export function saveChoice(level: string, r: RememberedRegion, recent: RememberedRegion[]) {
  write(level + ':last', r)
  write(level + ':recent', recent)
}
