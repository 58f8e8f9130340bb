/**
 * The public URLs an edit changed, for a CDN purge: every cached answer it dropped here (by its canonical URL),
 * for an article its page in every locale whether or not this instance had it cached (a CDN may), and each upload
 * file whose public status or bytes changed (under `filePrefix`, e.g. /api/media/file). A full drop asks for the
 * whole prefix (`<prefix>/*`), which most CDNs purge as a wildcard.
 */
export const purgeUrls = (prefix: string, tags: readonly string[] | 'all', removedKeys: string[], filePrefix?: string): string[] => {
  if (tags === 'all') return [`${prefix}/*`]
  const urls = new Set<string>()
  for (const key of removedKeys) {
    const url = canonicalUrl(prefix, key)
    if (url) urls.add(url)
  }
  for (const tag of tags) {
    if (tag.startsWith('slug:')) urls.add(`${prefix}/articles/${tag.slice(5)}`)
    else if (filePrefix && tag.startsWith('file:')) urls.add(`${filePrefix}/${encodeURIComponent(tag.slice(5))}`)
  }
  return [...urls]
}

/** The URL the widgets ask for a cache key (query-params.ts and public-api.ts make the keys). */
const canonicalUrl = (prefix: string, key: string): string | undefined => {
  const [kind, locale, ...rest] = key.split('|')
  if (kind === 'regions' || kind === 'categories') return `${prefix}/${kind}?locale=${locale}`
  if (kind === 'article') return `${prefix}/articles/${rest[0]}?locale=${locale}`
  if (kind === 'list') {
    const [category, region, sort, page, limit] = rest
    const query = new URLSearchParams()
    if (category) query.set('category', category)
    if (region) query.set('region', region)
    query.set('page', page!)
    query.set('limit', limit!)
    query.set('sort', sort!)
    query.set('locale', locale!)
    return `${prefix}/articles?${query}`
  }
  return undefined
}
