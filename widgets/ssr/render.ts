/**
 * Server rendering of the four elements (Node, no DOM), for pages that must be crawlable, shareable and painted
 * before any script runs. Each function returns one complete element as HTML:
 *
 *   <article-list lang api …>                       the host, with the attributes the client reads back
 *     <template shadowrootmode="open">…</template>   Lit's declarative shadow DOM: styled, painted without JS
 *     <script type="application/json">…</script>    the data it shows, read on hydration (no second request)
 *     …light DOM…                                    text crawlers read even when they skip <template>
 *   </article-list>
 *
 * Load `/widgets/v1/widgets-hydrate.js` ({@link HYDRATE_BUNDLE}) on such pages: it hydrates the output in place.
 * The plain `widgets.js` also works with it (it re-renders the shadow roots from the same embedded data).
 *
 * Rendering is synchronous (its pieces joined once; about 2 ms for 24 cards). Only Lit's minimal DOM
 * shim is used (what `lit` itself loads on Node: `HTMLElement`, `customElements`, …, all from
 * `@lit-labs/ssr-dom-shim`); the global shim, which replaces `fetch` and the element registry, is never installed.
 * `@lit-labs/ssr` is still labelled pre-release: its version is pinned, and everything it does is behind these
 * functions and covered by tests/ssr and tests/widgets/ssr-*.test.ts.
 */
import { render } from '@lit-labs/ssr'
import { html, nothing } from 'lit'
import type {
  ArticleCard,
  ArticleDetail,
  ArticleListResponse,
  ArticleSort,
  CategoryListResponse,
  RegionTreeResponse,
} from '../../wire/index.js'
import '../index.js'
import type { CardLayout } from '../article-card/article-card.js'
import type { ArticleListInitial } from '../article-list/article-list.js'
import { lightBodyStyles } from '../article-view/light-body-styles.js'
import { fillHref, formatDate, isoDay } from '../base/format.js'
import { setServerLang } from '../i18n/resolve-lang.js'
import type { RegionLevel } from '../region-picker/region-model.js'
import type { RegionLabelData } from '../region-picker/region-picker.js'
import { sanitizeBodyForPage } from './sanitize.js'

export { REGION_COOKIE, REGION_COOKIE_MAX_AGE, regionFromCookie } from '../region-picker/region-cookie.js'
export { fillHref }

/** The bundle that hydrates server output (served by the CMS beside widgets.js). */
export const HYDRATE_BUNDLE = '/widgets/v1/widgets-hydrate.js'

/** Link template of an article page, as server pages use it (`{slug}` / `{id}` are filled in, URL-encoded). */
export const ARTICLE_HREF = '/news/{slug}'

/** Query parameters of a list page that `url-sync` reads and writes: `?category=&region=&page=`. */
export const LIST_QUERY = { category: 'category', region: 'region', page: 'page' } as const

/** What every render takes. */
export interface RenderCommon {
  /** Page language (`zh-CN`, `en`, …): rendered as the host's `lang`, so the client resolves the same UI language. */
  lang: string
  /** Public CMS base URL the client will use (rendered as `api`). */
  api: string
  /** Path of the public API on the CMS when not /api/news (a host's API route + basePath; rendered as `api-path`). */
  apiPath?: string
  /** Request timeout in ms for later client requests (`timeout`). */
  timeout?: number
  /** `id` of the host element (e.g. for `region-source="#city"`). */
  id?: string
}

export interface ArticleListRenderOptions extends RenderCommon {
  /** The page of cards to show, as GET /api/news/articles answered it for the options below. */
  list: ArticleListResponse
  /** Categories for the tabs; rendering tabs needs them. */
  categories?: CategoryListResponse
  /** Show the tabs (default: when `categories` is given). */
  tabs?: boolean
  category?: string
  region?: string
  /** Page the list shows (default `list.page`). */
  page?: number
  pageSize?: number
  sort?: ArticleSort
  /** Card link template (default {@link ARTICLE_HREF}). */
  href?: string
  layout?: CardLayout
  paging?: 'pages' | 'more'
  urlSync?: boolean
  /** CSS selector of the page's `<region-picker>` the list follows. */
  regionSource?: string
  /**
   * The first card's cover loads eagerly and first (`loading="eager" fetchpriority="high"`): for a list at the top of
   * a page, where a lazy image in a declarative shadow root would start only once a layout found it in view. The
   * attributes are static in the card's template, so hydration keeps them. Pair it with {@link firstCoverPreload}.
   */
  priorityCover?: boolean
}

export interface ArticleViewRenderOptions extends RenderCommon {
  detail: ArticleDetail
  /** Previous / next link template (default {@link ARTICLE_HREF}). */
  href?: string
  noCount?: boolean
}

export interface RegionPickerRenderOptions extends RenderCommon {
  /** The region tree (GET /api/news/regions in the page's locale): names the chosen region. */
  tree: RegionTreeResponse
  /**
   * Embed the whole tree (28 kB of JSON) so that opening the picker makes no request. Off by default: the page then
   * carries only the chosen region's name, and the picker fetches the tree (cached, ~8 kB compressed) when the
   * visitor hovers, focuses or opens it.
   */
  embedTree?: boolean
  /** Chosen region code, e.g. from {@link regionFromCookie}. */
  value?: string
  level?: RegionLevel
  name?: string
  placeholder?: string
  required?: boolean
  disabled?: boolean
  noRemember?: boolean
}

export interface ArticleCardRenderOptions extends RenderCommon {
  card: ArticleCard
  href?: string
  layout?: CardLayout
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Text and attribute values in the light DOM. */
export const escapeHtml = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c])

/** JSON that cannot end its `<script>` element or open a comment (`<` is written as \u003c), nor break a JS line. */
const JSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' }
const jsonScript = (data: unknown) => `<script type="application/json">${JSON.stringify(data).replace(/[<\u2028\u2029]/g, (c) => JSON_ESCAPES[c]!)}</script>`

/** An http(s) or relative link, never `javascript:` and the like (hrefs come from templates filled with slugs). */
const safeHref = (href: string) => (/^\s*[a-z][\w+.-]*:/i.test(href) && !/^\s*https?:/i.test(href) ? '#' : href)

/**
 * Renders one host template to a string and appends `light` as the host's light DOM. The outer template's own
 * hydration markers are dropped (no page-level template hydrates them); the element's shadow root keeps its own,
 * which the element hydrates itself.
 */
function renderHost(tag: string, lang: string, template: unknown, light: string, priorityCover = false): string {
  setServerLang(lang)
  try {
    // Positions are found in the rendered string while it is flat; the result is assembled once from slices of it
    // (each search of a string built from pieces first copies it: ~1 ms for a page of cards).
    const out = collect(render(template))
    const close = '<!--/lit-part-->'
    const end = `</${tag}>`
    const from = /^<!--lit-part[^>]*-->(?:<!--lit-node \d+-->)?/.exec(out)?.[0].length ?? 0
    // endsWith, not a `$`-anchored expression: that one is tried at every position of the whole element.
    const to = out.length - (out.endsWith(close) ? close.length : 0) - end.length
    if (!out.startsWith(end, to)) throw new Error(`Unexpected render of <${tag}>`)
    const cover = firstCoverTag(out)
    const lazy = priorityCover && cover ? out.indexOf(LAZY, cover.from) : -1
    const host = lazy < 0 || lazy >= cover!.to ? out.slice(from, to) : out.slice(from, lazy) + EAGER + out.slice(lazy + LAZY.length, to)
    const element = host + light + end
    lastCover = { element, img: cover && out.slice(cover.from, cover.to) }
    return element
  } finally {
    setServerLang('zh')
  }
}

const LAZY = ' loading="lazy"'
const EAGER = ' loading="eager" fetchpriority="high"'

/**
 * Where the first cover `<img …>` tag in `rendered` starts and ends (after its `>`), or undefined. Found with indexOf:
 * a regular expression over the whole element (~100 kB) costs milliseconds per page.
 */
function firstCoverTag(rendered: string): { from: number; to: number } | undefined {
  const at = rendered.indexOf(' part="cover"')
  const from = at < 0 ? -1 : rendered.lastIndexOf('<img', at)
  return from < 0 ? undefined : { from, to: rendered.indexOf('>', at) + 1 }
}

/**
 * The last rendered element and its first cover tag, read while its render was one flat string: the element as
 * returned is built from pieces, and a search of it would first copy all of it (~0.2 ms for a page of cards).
 */
let lastCover: { element: string; img: string | undefined } | undefined

/**
 * Lit's `collectResultSync`, gathering the pieces in an array joined once: its `str += piece` builds a string of
 * thousands of links that costs about a millisecond to flatten when the page is later searched or encoded.
 */
function collect(result: Iterable<unknown>): string {
  const pieces: string[] = []
  const walk = (items: Iterable<unknown>) => {
    for (let item of items) {
      while (typeof item === 'function') item = item()
      if (typeof item === 'string') pieces.push(item)
      else if (Array.isArray(item)) walk(item)
      else if (item !== undefined) throw new Error('Unexpected asynchronous piece in a server render')
    }
  }
  walk(result)
  return pieces.join('')
}

const num = (n: number | undefined) => (n === undefined ? nothing : String(n))

/**
 * `<article-list>` showing `list` (and tabs from `categories`). The light DOM holds the data and, for crawlers,
 * each article as a link with its date and excerpt; the shadow root shows the cards instead (that light list is
 * the element's fallback slot, shown only if a later load fails), so nothing appears twice.
 */
export function renderArticleList(o: ArticleListRenderOptions): string {
  const href = o.href ?? ARTICLE_HREF
  const tabs = o.tabs ?? !!o.categories
  const initial: ArticleListInitial = tabs && o.categories ? { list: o.list, categories: o.categories } : { list: o.list }
  const uiLang = /^en\b/i.test(o.lang) ? 'en' : 'zh'
  const light =
    `<ul>${o.list.docs
      .map(
        (a) =>
          `<li><a href="${escapeHtml(safeHref(fillHref(href, a)))}">${escapeHtml(a.title)}</a> <time datetime="${escapeHtml(a.publishedAt)}">${escapeHtml(formatDate(a.publishedAt, uiLang))}</time>${a.excerpt ? ` <p>${escapeHtml(a.excerpt)}</p>` : ''}</li>`,
      )
      .join('')}</ul>` +
    jsonScript(initial)
  return renderHost(
    'article-list',
    o.lang,
    html`<article-list id=${o.id ?? nothing} lang=${o.lang} api=${o.api} api-path=${o.apiPath || nothing} timeout=${num(o.timeout)} category=${o.category || nothing} region=${o.region || nothing} page=${num(o.page ?? o.list.page)} page-size=${num(o.pageSize ?? o.list.limit)} sort=${o.sort ?? nothing} href=${href} layout=${o.layout ?? nothing} paging=${o.paging ?? nothing} region-source=${o.regionSource ?? nothing} ?tabs=${tabs} ?url-sync=${o.urlSync} .initial=${initial}></article-list>`,
    light,
    o.priorityCover,
  )
}

/**
 * `<article-view>` showing `detail`. Headline, date, the sanitized body and previous/next links are light DOM in
 * the element's slots (real page content), with a small scoped stylesheet for the body; the rest is shadow DOM.
 */
export function renderArticleView(o: ArticleViewRenderOptions): string {
  const d = o.detail
  const href = o.href ?? ARTICLE_HREF
  const link = (slot: string, a?: { slug: string; title: string }) =>
    a ? `<a slot="${slot}" href="${escapeHtml(safeHref(fillHref(href, a)))}">${escapeHtml(a.title)}</a>` : ''
  // The body travels once, as light DOM; the element never needs it again from the JSON, which comes after the text
  // so that a browser parses and paints the text first.
  const light =
    `<style>${lightBodyStyles}</style>` +
    `<h1 slot="title">${escapeHtml(d.title)}</h1>` +
    `<time slot="date" datetime="${escapeHtml(d.publishedAt)}">${escapeHtml(isoDay(d.publishedAt))}</time>` +
    `<div slot="body" class="news-body">${sanitizeBodyForPage(d.html ?? '', o.api)}</div>` +
    link('prev', d.prev) +
    link('next', d.next) +
    jsonScript({ ...d, html: '' })
  return renderHost(
    'article-view',
    o.lang,
    html`<article-view id=${o.id ?? nothing} lang=${o.lang} api=${o.api} api-path=${o.apiPath || nothing} timeout=${num(o.timeout)} slug=${d.slug} href=${href} ?no-count=${o.noCount} .initial=${d}></article-view>`,
    light,
  )
}

/** The region `code` names where a picker at `level` may choose it (a municipality is its own only city). */
function choosable(tree: RegionTreeResponse, level: RegionLevel, code: string) {
  for (const p of tree.provinces) {
    if (level === 'province' || !p.cities?.length) {
      if (p.code === code) return p
    } else {
      const city = p.cities.find((c) => c.code === code)
      if (city) return city
    }
  }
  return undefined
}

/**
 * `<region-picker>` with `value` labelled. The light DOM carries the chosen region's name (or, with `embedTree`, the
 * whole tree), which the client reads instead of fetching.
 */
export function renderRegionPicker(o: RegionPickerRenderOptions): string {
  const node = o.value ? choosable(o.tree, o.level ?? 'city', o.value) : undefined
  const label: RegionLabelData['label'] | undefined = node && { code: node.code, name: node.name, lang: /^en\b/i.test(o.lang) ? 'en' : 'zh' }
  return renderHost(
    'region-picker',
    o.lang,
    html`<region-picker id=${o.id ?? nothing} lang=${o.lang} api=${o.api} api-path=${o.apiPath || nothing} timeout=${num(o.timeout)} value=${o.value || nothing} level=${o.level ?? nothing} name=${o.name || nothing} placeholder=${o.placeholder || nothing} ?required=${o.required} ?disabled=${o.disabled} ?no-remember=${o.noRemember} .regions=${o.embedTree ? o.tree : undefined} .label=${label}></region-picker>`,
    o.embedTree ? jsonScript(o.tree) : label ? jsonScript({ label } satisfies RegionLabelData) : '',
  )
}

/**
 * A `<link rel="preload">` for the first cover image in server output (on a phone, the list's first card is the
 * largest paint), with the very srcset and sizes its `<img>` carries, so the browser reuses the response. Without it
 * that image, lazy and inside a declarative shadow root, is asked for only after the first layout. '' when none.
 */
export function firstCoverPreload(rendered: string): string {
  // The same string as the last render (compared by identity first, so without reading it): its tag is known.
  const known = lastCover?.element === rendered ? lastCover : undefined
  const tag = known ? undefined : firstCoverTag(rendered)
  const img = known ? known.img : tag && rendered.slice(tag.from, tag.to)
  // Values as Lit wrote them (already escaped for a double-quoted attribute).
  const attr = (name: string) => (img ? new RegExp(`\\s${name}="([^"]*)"`).exec(img)?.[1] : undefined)
  const src = attr('src')
  if (!src) return ''
  const srcset = attr('srcset')
  const sizes = attr('sizes')
  return `<link rel="preload" as="image" href="${src}"${srcset ? ` imagesrcset="${srcset}"` : ''}${sizes ? ` imagesizes="${sizes}"` : ''} fetchpriority="high">`
}

/** A standalone `<article-card>`; its headline link, date and excerpt are also light DOM for crawlers (not displayed). */
export function renderArticleCard(o: ArticleCardRenderOptions): string {
  const a = o.card
  const href = o.href ?? ARTICLE_HREF
  const uiLang = /^en\b/i.test(o.lang) ? 'en' : 'zh'
  const light =
    jsonScript(a) +
    `<a href="${escapeHtml(safeHref(fillHref(href, a)))}">${escapeHtml(a.title)}</a> <time datetime="${escapeHtml(a.publishedAt)}">${escapeHtml(formatDate(a.publishedAt, uiLang))}</time>${a.excerpt ? ` <p>${escapeHtml(a.excerpt)}</p>` : ''}`
  return renderHost(
    'article-card',
    o.lang,
    html`<article-card id=${o.id ?? nothing} lang=${o.lang} api=${o.api} api-path=${o.apiPath || nothing} timeout=${num(o.timeout)} href=${fillHref(href, a)} layout=${o.layout ?? nothing} .article=${a}></article-card>`,
    light,
  )
}
