/** What the embed builder lets an editor choose, and the HTML it makes of it (escaped: values end up in attributes). */
export interface EmbedChoice {
  element: 'article-list' | 'region-picker' | 'article-view'
  category: string
  region: string
  layout: 'vertical' | 'horizontal' | 'compact'
  pageSize: number
  sort: string
  lang: 'zh-CN' | 'en'
  accent: string
  slug: string
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/**
 * The snippet a page pastes: the bundle once, then the element with the chosen attributes, and `api-path` when the
 * host serves the public API elsewhere than the widgets' default /api/news.
 */
export const embedSnippet = (origin: string, c: EmbedChoice, apiPath = '/api/news') => {
  const attrs: string[] = [`lang="${attr(c.lang)}"`]
  if (apiPath !== '/api/news') attrs.push(`api-path="${attr(apiPath)}"`)
  if (/^#[0-9a-f]{6}$/i.test(c.accent)) attrs.push(`style="--news-accent: ${c.accent}"`)
  if (c.element === 'article-list') {
    if (c.category) attrs.push(`category="${attr(c.category)}"`)
    if (c.region) attrs.push(`region="${attr(c.region)}"`)
    attrs.push(`layout="${attr(c.layout)}"`, `page-size="${Math.max(1, Math.min(50, Math.round(c.pageSize) || 10))}"`, `sort="${attr(c.sort)}"`)
  } else if (c.element === 'region-picker') {
    if (c.region) attrs.push(`value="${attr(c.region)}"`)
  } else {
    attrs.push(`slug="${attr(c.slug)}"`, 'no-count')
    if (c.region) attrs.push(`region="${attr(c.region)}"`)
  }
  return `<script type="module" src="${attr(origin)}/widgets/v1/widgets.js"></script>\n<${c.element} ${attrs.join(' ')}></${c.element}>`
}
