/** The part of the list's view a link can carry: `?category=&region=&page=`. */
export interface ListUrlState {
  category: string
  region: string
  page: number
}

export function readUrlState(): Partial<ListUrlState> {
  const q = new URLSearchParams(location.search)
  const s: Partial<ListUrlState> = {}
  if (q.has('category')) s.category = q.get('category')!
  if (q.has('region')) s.region = q.get('region')!
  const page = Number(q.get('page'))
  if (page >= 1) s.page = Math.floor(page)
  return s
}

/** Writes the view into the address bar; `push` for steps a visitor may want to go back to. */
export function writeUrlState(s: ListUrlState, push: boolean) {
  const url = new URL(location.href)
  const set = (k: string, v: string) => (v ? url.searchParams.set(k, v) : url.searchParams.delete(k))
  set('category', s.category)
  set('region', s.region)
  set('page', s.page > 1 ? String(s.page) : '')
  if (url.href !== location.href) history[push ? 'pushState' : 'replaceState'](history.state, '', url)
}
