import type { EmbedChoice } from './embed-snippet'

/**
 * The server-include form of a choice: the URL of the fragment (`<api>/html/<element>`, see site/fragments.ts) that
 * answers the same content as the client snippet, rendered on the server. Layout, accent, paging and following a
 * picker are the client's only; `<article-card>` has no fragment (empty: the builder says so).
 */
export const fragmentUrl = (origin: string, api: string, c: EmbedChoice): string => {
  const query = new URLSearchParams()
  if (c.element === 'article-card') return ''
  if (c.element === 'article-list') {
    if (c.category) query.set('category', c.category)
    if (/^\d{6}$/.test(c.region)) query.set('region', c.region)
    query.set('limit', String(Math.max(1, Math.min(50, Math.round(c.pageSize) || 10))))
    query.set('sort', c.sort)
  } else if (c.element === 'region-picker') {
    if (/^\d{6}$/.test(c.region)) query.set('value', c.region)
  } else {
    query.set('slug', c.slug)
  }
  query.set('locale', c.lang === 'en' ? 'en' : 'zh')
  return `${origin}${api}/html/${c.element}?${query}`
}
