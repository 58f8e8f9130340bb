const KEY = 'regional-news:visitor'
let fallback: string | undefined

const newId = () =>
  // randomUUID exists only in secure contexts; getRandomValues everywhere.
  crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')

/** Anonymous random id kept in localStorage, so a refresh does not count a second view. */
export function visitorId(): string {
  try {
    let id = localStorage.getItem(KEY)
    if (!id || !/^[\w-]{8,64}$/.test(id)) localStorage.setItem(KEY, (id = newId()))
    return id
  } catch {
    return (fallback ??= newId())
  }
}
