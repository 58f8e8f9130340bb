/** A region remembered in localStorage: enough to label the trigger before the tree is loaded. */
export interface RememberedRegion {
  code: string
  name: string
  lang: string
}

import { REGION_COOKIE, REGION_COOKIE_MAX_AGE } from './region-cookie.js'

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
  rememberInCookie(r.code)
}

/**
 * The choice also goes into a first-party cookie so a server can render the visitor's region on the next page
 * (localStorage never reaches it): only the region code, for a year from the last visit, for the whole site.
 */
export function rememberInCookie(code: string) {
  if (!/^\d{6}$/.test(code)) return
  try {
    const secure = location.protocol === 'https:' ? '; Secure' : ''
    document.cookie = `${REGION_COOKIE}=${code}; Path=/; Max-Age=${REGION_COOKIE_MAX_AGE}; SameSite=Lax${secure}`
  } catch {}
}
