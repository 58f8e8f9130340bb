import type { Payload } from 'payload'
import type { ContentLocale } from '../../../wire/index'
import { finishBytes } from '../cache/response-cache'
import { detailTags, listTags } from '../cache/tags'
import { HttpError } from '../http/http-error'
import type { ResolvedOptions } from '../options'
import type { Built } from '../public-api/public-api'
import { listCacheKey, parseListParams, parseLocaleOnly, parseSlug } from '../public-api/query-params'
import { buildArticleDetail } from '../queries/article-detail'
import { buildArticleList } from '../queries/article-list'
import { runtimeOf } from '../runtime'
import { loadElementRenderer } from './element-renderer'
import { esc } from './html'
import { apiAttributes, articleListElement, articleViewElement, type PageContext, widgetApiPath } from './pages'
import { htmlLang } from './strings'
import { utf8 } from '../http/utf8'

/** Fragment names under `<api>/<basePath>/html/`. */
export const FRAGMENTS = ['article-list', 'article-view', 'region-picker'] as const

/**
 * Server-rendered elements for host pages not built with this product (PHP, WordPress, a static site, an edge
 * include): the element with its content in the light DOM, absolute links to the site, and the script tag it needs.
 * Returns the cache key and how to build the answer; the public API caches and invalidates it like the JSON.
 */
export const fragmentRequest = (
  options: ResolvedOptions,
  payload: Payload,
  name: string,
  query: URLSearchParams,
  cacheControl: string,
): { key: string; build: () => Promise<Built> } => {
  const { site, locales } = options
  const context = async (locale: string): Promise<PageContext> => {
    const renderer = await loadElementRenderer()
    return { site, locale, locales, script: '', api: site.url, apiPath: widgetApiPath(options), origin: site.url, renderer }
  }
  // The hydrating bundle when the element was server-rendered (it adopts the declarative shadow DOM).
  const html = (ctx: PageContext, body: string, tags: readonly string[]): Built => ({
    entry: finishBytes(
      200,
      utf8(`${body}\n<script type="module" src="${esc(`${site.url}${ctx.renderer ? ctx.renderer.HYDRATE_BUNDLE : '/widgets/v1/widgets.js'}`)}"></script>\n`),
      { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': cacheControl },
    ),
    tags,
  })
  if (name === 'article-list') {
    const params = parseListParams(query, locales)
    return {
      key: `fragment|${listCacheKey(params)}`,
      build: async () => {
        const [list, ctx] = await Promise.all([buildArticleList(payload, options, params), context(params.locale)])
        return html(ctx, articleListElement(ctx, list, params), listTags(params.category, params.region, list))
      },
    }
  }
  if (name === 'article-view') {
    const locale = parseLocaleOnly(new URLSearchParams([...query].filter(([k]) => k !== 'slug')), locales) as ContentLocale
    const raw = query.get('slug')
    if (!raw) throw new HttpError(400, '"slug" is required')
    const slug = parseSlug(raw)
    return {
      key: `fragment|article|${locale}|${slug}`,
      build: async () => {
        const [detail, ctx] = await Promise.all([buildArticleDetail(payload, options, slug, locale), context(locale)])
        return html(ctx, articleViewElement(ctx, detail), [...detailTags(detail), `slug:${slug}`])
      },
    }
  }
  if (name === 'region-picker') {
    const value = query.get('value') ?? ''
    const locale = parseLocaleOnly(new URLSearchParams([...query].filter(([k]) => k !== 'value')), locales)
    if (value && !/^\d{6}$/.test(value)) throw new HttpError(400, '"value" must be a 6-digit division code')
    return {
      key: `fragment|picker|${locale}|${value}`,
      build: async () => {
        const [tree, ctx] = await Promise.all([runtimeOf(payload).regionTrees.get(payload, options, locale as ContentLocale), context(locale)])
        const element = ctx.renderer
          ? ctx.renderer.renderRegionPicker({ tree, value: value || undefined, lang: htmlLang(locale), api: ctx.api, apiPath: ctx.apiPath })
          : `<region-picker${apiAttributes(ctx)} lang="${esc(htmlLang(locale))}"${value ? ` value="${esc(value)}"` : ''}></region-picker>`
        return html(ctx, element, ['regions'])
      },
    }
  }
  throw new HttpError(404, `No such fragment; available: ${FRAGMENTS.join(', ')}`)
}
