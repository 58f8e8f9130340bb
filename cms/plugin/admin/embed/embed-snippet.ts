/** What the embed builder lets an editor choose, and the HTML it makes of it (escaped: values end up in attributes). */
export interface EmbedChoice {
  element: EmbedElement
  category: string
  /** A region code, or FOLLOW_PICKER: the list follows a `<region-picker>` the snippet puts beside it. */
  region: string
  layout: 'vertical' | 'horizontal' | 'compact'
  pageSize: number
  paging: 'pages' | 'more'
  sort: string
  lang: 'zh-CN' | 'en'
  accent: string
  slug: string
}

export const EMBED_ELEMENTS = ['article-list', 'region-picker', 'article-view', 'article-card'] as const
export type EmbedElement = (typeof EMBED_ELEMENTS)[number]
export const FOLLOW_PICKER = 'follow'
/** The id the snippet gives its picker so the list's `region-source` finds it. */
export const PICKER_ID = 'news-region-picker'

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
const pageSizeOf = (c: EmbedChoice) => Math.max(1, Math.min(50, Math.round(c.pageSize) || 10))

/**
 * The snippet a page pastes: the bundle once, then the element(s) with the chosen attributes, and `api-path` when the
 * host serves the public API elsewhere than the widgets' default /api/news. `api` names the CMS on every element
 * (the preview's frame needs it; a pasted snippet gets it from the bundle's URL).
 */
export const embedSnippet = (origin: string, c: EmbedChoice, apiPath = '/api/news', api?: string) => {
  const common: string[] = []
  if (api) common.push(`api="${attr(api)}"`)
  common.push(`lang="${attr(c.lang)}"`)
  if (apiPath !== '/api/news') common.push(`api-path="${attr(apiPath)}"`)
  const attrs = [...common]
  if (/^#[0-9a-f]{6}$/i.test(c.accent)) attrs.push(`style="--news-accent: ${c.accent}"`)
  let before = ''
  if (c.element === 'article-list') {
    if (c.category) attrs.push(`category="${attr(c.category)}"`)
    if (c.region === FOLLOW_PICKER) {
      before = `<region-picker id="${PICKER_ID}" ${common.join(' ')}></region-picker>\n`
      attrs.push(`region-source="#${PICKER_ID}"`)
    } else if (c.region) attrs.push(`region="${attr(c.region)}"`)
    attrs.push(`layout="${attr(c.layout)}"`, `page-size="${pageSizeOf(c)}"`, `paging="${c.paging === 'more' ? 'more' : 'pages'}"`, `sort="${attr(c.sort)}"`)
  } else if (c.element === 'region-picker') {
    if (/^\d{6}$/.test(c.region)) attrs.push(`value="${attr(c.region)}"`)
  } else if (c.element === 'article-card') {
    attrs.push(`slug="${attr(c.slug)}"`, `layout="${attr(c.layout)}"`)
  } else {
    attrs.push(`slug="${attr(c.slug)}"`, 'no-count')
    if (/^\d{6}$/.test(c.region)) attrs.push(`region="${attr(c.region)}"`)
  }
  return `<script type="module" src="${attr(origin)}/widgets/v1/widgets.js"></script>\n${before}<${c.element} ${attrs.join(' ')}></${c.element}>`
}
