import type { Payload, PayloadRequest } from 'payload'
import type { ArticleDetail, CategorySummary, ContentLocale, RegionTreeResponse } from '../../../wire/index'
import { finishBytes, type CachedBody } from '../cache/response-cache'
import { detailTags, listTags } from '../cache/tags'
import { HttpError } from '../http/http-error'
import { answerServerError } from '../http/server-error'
import { esc } from './html'
import type { ResolvedOptions } from '../options'
import type { Alias, Built, PublicApi, PublicReply, PublicRequest, WireRequestHeaders } from '../public-api/public-api'
import { buildArticleDetail } from '../queries/article-detail'
import { buildArticleList } from '../queries/article-list'
import { buildCategoryList } from '../queries/category-list'
import { buildDraftPreview } from '../queries/draft-preview'
import { runtimeOf } from '../runtime'
import { loadElementRenderer } from './element-renderer'
import { FEED_FILES, FEED_TYPES, renderFeed } from './feeds'
import { articleUrl, type PageContext, renderArticlePage, renderListPage, renderNotFoundPage, widgetApiPath } from './pages'
import type { ResolvedSite } from './site-options'
import { listPageUrls, renderArticleSitemap, renderNewsSitemap, renderPagesSitemap, renderRobots, renderSitemap, type SitemapArticle, SITEMAP_MAX_URLS } from './sitemap'
import { utf8 } from '../http/utf8'

/** The reader's city, kept by `<region-picker>` (no personal data); a `?region=` in the URL wins over it. */
export const REGION_COOKIE = 'news_region'

const PAGE_SIZE = 12
const FEED_SIZE = 20
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const REGION_CODE = /^\d{6}$/
const HTML = 'text/html; charset=utf-8'
const XML = 'application/xml; charset=utf-8'

const regionCookie = (cookie: string | null | undefined) => {
  const match = /(?:^|;\s*)news_region=(\d{6})(?:;|$)/.exec(cookie ?? '')
  return match?.[1]
}

const readRegionCookie = (headers: WireRequestHeaders) => regionCookie(headers.cookie) ?? ''

// Replies to a list page without ?region= follow the reader's cookie: shared caches must key on it, and one chosen by
// it is the reader's own.
const FOLLOWS_COOKIE = { Vary: 'Cookie' }
const CHOSEN_BY_COOKIE = { Vary: 'Cookie', 'Cache-Control': 'private, no-cache' }

/** A site answer's request target, for the cached path (pages carry no CORS headers, either way they are served). */
const aliasOf = (req: PublicRequest, more?: Omit<Alias, 'url' | 'cors'>): Alias | undefined =>
  req.url === undefined ? undefined : { url: req.url, cors: false, ...more }

const findRegion = (tree: RegionTreeResponse, code: string) => {
  for (const province of tree.provinces) {
    if (province.code === code) return { code, name: province.name }
    for (const city of province.cities ?? []) if (city.code === code) return { code, name: city.name }
  }
  return undefined
}

/**
 * The public site: server-rendered list and article pages, feeds, sitemaps and robots.txt, read through the same
 * query builders and response cache as the JSON endpoints (ETag, 304, compression, tag invalidation).
 */
export const createSite = (options: ResolvedOptions, site: ResolvedSite, api: PublicApi, headers: Record<string, string>) => {
  const { locales } = options
  const pageHeaders = (type: string) => ({ 'Content-Type': type, 'Cache-Control': api.cacheControl, ...headers })
  const built = (body: string, type: string, tags: readonly string[]): Built => ({ entry: finishBytes(200, utf8(body), pageHeaders(type)), tags })

  const contextFor = (locale: string): PageContext => ({ site, locale, locales, script: '/widgets/v1/widgets.js', api: '', apiPath: widgetApiPath(options) })
  /** A page context with the widgets' server renderer (and the hydrating bundle) when the build has it. */
  const renderingContext = async (locale: string, tree?: RegionTreeResponse): Promise<PageContext> => {
    const renderer = await loadElementRenderer()
    return renderer ? { ...contextFor(locale), renderer, tree, script: renderer.HYDRATE_BUNDLE } : contextFor(locale)
  }

  const localeOf = (query: URLSearchParams): ContentLocale | undefined => {
    const raw = query.get('locale')
    if (raw === null || raw === '') return locales[0] as ContentLocale
    return locales.includes(raw) ? (raw as ContentLocale) : undefined
  }

  const notFound = (req: PublicRequest, locale: string): PublicReply => {
    const entry = finishBytes(404, utf8(renderNotFoundPage(contextFor(locale))), { 'Content-Type': HTML, 'Cache-Control': 'no-store', ...headers })
    return api.reply(entry, req)
  }

  const redirect = (location: string): PublicReply => ({
    status: 301,
    headers: { Location: location, 'Cache-Control': 'public, max-age=3600', 'Content-Length': '0' },
    body: Buffer.alloc(0),
  })

  const listPage = async (payload: Payload, req: PublicRequest, locale: ContentLocale): Promise<PublicReply> => {
    const { query } = req
    const category = query.get('category') || undefined
    const fromUrl = query.get('region') || undefined
    const fromCookie = regionCookie(req.header('cookie'))
    const region = fromUrl ?? fromCookie
    const page = query.get('page') ? Number(query.get('page')) : 1
    if ((category && !SLUG.test(category)) || (region && !REGION_CODE.test(region)) || !Number.isInteger(page) || page < 1 || page > 1000) return notFound(req, locale)
    const key = `page|list|${locale}|${category ?? ''}|${region ?? ''}|${page}`
    const cookieHeaders = fromUrl ? undefined : fromCookie ? CHOSEN_BY_COOKIE : FOLLOWS_COOKIE
    const params = { category, region, page, limit: PAGE_SIZE, sort: '-publishedAt' as const, locale }
    const entry = await api.cachedAnswer(
      key,
      async () => {
        const [list, categories, tree] = await Promise.all([
          buildArticleList(payload, options, params),
          buildCategoryList(payload, options, locale),
          runtimeOf(payload).regionTrees.get(payload, options, locale),
        ])
        const current = category ? categories.docs.find((c) => c.slug === category) : undefined
        const html = renderListPage(await renderingContext(locale, tree), {
          list,
          categories: categories.docs,
          category: current,
          region: region && tree ? findRegion(tree, region) : undefined,
        })
        return built(html, HTML, [...listTags(category, region, list), 'categories', 'regions'])
      },
      fromUrl ? aliasOf(req) : aliasOf(req, { vary: { read: readRegionCookie, value: fromCookie ?? '' }, headers: cookieHeaders }),
    )
    return api.reply(entry, req, {}, cookieHeaders)
  }

  /** An article's earlier slug (kept in its versions) leads to its current page. */
  const renamedTo = async (payload: Payload, slug: string): Promise<string | undefined> => {
    const { docs } = await payload.findVersions({
      collection: options.slugs.articles as never,
      where: { 'version.slug': { equals: slug } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { parent: true } as never,
    })
    const parent = (docs[0] as { parent?: string | number | { id: string | number } } | undefined)?.parent
    if (parent === undefined) return undefined
    const id = typeof parent === 'object' ? parent.id : parent
    const { docs: current } = await payload.find({
      collection: options.slugs.articles as never,
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      select: { slug: true } as never,
    })
    const now = (current[0] as { slug?: string } | undefined)?.slug
    return now && now !== slug ? now : undefined
  }

  const articlePage = async (payload: Payload, req: PublicRequest, slug: string, locale: ContentLocale): Promise<PublicReply> => {
    if (!SLUG.test(slug) || slug.length > 120) return notFound(req, locale)
    try {
      const entry = await api.cachedAnswer(
        `page|article|${locale}|${slug}`,
        async () => {
          const [detail, tree] = await Promise.all([buildArticleDetail(payload, options, slug, locale), runtimeOf(payload).regionTrees.get(payload, options, locale)])
          return built(renderArticlePage(await renderingContext(locale, tree), detail), HTML, [...detailTags(detail), `slug:${slug}`, 'regions'])
        },
        aliasOf(req),
      )
      return api.reply(entry, req)
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 404) throw error
      const renamed = await renamedTo(payload, slug)
      if (renamed) return redirect(articleUrl(contextFor(locale), renamed, locale))
      return notFound(req, locale)
    }
  }

  const feed = async (payload: Payload, req: PublicRequest, file: string, locale: ContentLocale): Promise<PublicReply> => {
    const format = FEED_FILES[file]!
    const category = req.query.get('category') || undefined
    const region = req.query.get('region') || undefined
    if ((category && !SLUG.test(category)) || (region && !REGION_CODE.test(region))) throw new HttpError(400, 'Malformed "category" or "region"')
    const entry = await api.cachedAnswer(
      `feed|${format}|${locale}|${category ?? ''}|${region ?? ''}`,
      async () => {
        const [list, categories, tree] = await Promise.all([
          buildArticleList(payload, options, { category, region, page: 1, limit: FEED_SIZE, sort: '-publishedAt', locale }),
          buildCategoryList(payload, options, locale),
          region ? runtimeOf(payload).regionTrees.get(payload, options, locale) : undefined,
        ])
        const details: ArticleDetail[] = []
        for (const card of list.docs) details.push(await buildArticleDetail(payload, options, card.slug, locale))
        const current = category ? categories.docs.find((c: CategorySummary) => c.slug === category) : undefined
        const body = renderFeed(contextFor(locale), format, { category: current, region: region && tree ? findRegion(tree, region) : undefined }, details)
        return built(body, FEED_TYPES[format], [...listTags(category, region, list), ...details.flatMap(detailTags), 'categories'])
      },
      aliasOf(req),
    )
    return api.reply(entry, req)
  }

  /**
   * An article's latest draft on the article page, for an editor signed in to the admin (its session cookie or API
   * key): `private, no-store`, noindex, never in the response cache. Anyone else gets the plain 404 page.
   */
  const preview = async (payload: Payload, req: PublicRequest, id: string, locale: ContentLocale): Promise<PublicReply> => {
    const user = (await req.user()) as PayloadRequest['user']
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id) || !user || !options.canEdit(user)) return notFound(req, locale)
    const numeric = payload.db.defaultIDType === 'number'
    if (numeric && !/^\d{1,15}$/.test(id)) return notFound(req, locale)
    const [detail, tree] = await Promise.all([
      buildDraftPreview(payload, options, numeric ? Number(id) : id, locale, user),
      runtimeOf(payload).regionTrees.get(payload, options, locale),
    ])
    if (!detail) return notFound(req, locale)
    const html = renderArticlePage(await renderingContext(locale, tree), detail).replace('<head>', '<head>\n<meta name="robots" content="noindex">')
    const entry = finishBytes(200, utf8(html), { 'Content-Type': HTML, ...headers, 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' })
    return api.reply(entry, req)
  }

  /** Every published article's slug, title and dates, newest first (one query). */
  const sitemapArticles = async (payload: Payload): Promise<SitemapArticle[]> => {
    const { docs } = await payload.find({
      collection: options.slugs.articles as never,
      pagination: false,
      depth: 0,
      sort: '-publishedAt',
      overrideAccess: false,
      select: { slug: true, title: true, publishedAt: true, updatedAt: true } as never,
    })
    return (docs as unknown as SitemapArticle[]).filter((d) => d.slug && d.publishedAt)
  }

  const sitemapFile = async (payload: Payload, req: PublicRequest, name: string): Promise<PublicReply | undefined> => {
    const ctx = contextFor(locales[0]!)
    const articlesFile = /^\/sitemap-articles-(\d{1,4})\.xml$/.exec(name)
    if (!['/sitemap.xml', '/sitemap-news.xml', '/sitemap-pages.xml'].includes(name) && !articlesFile) return undefined
    const entry: CachedBody = await api.cachedAnswer(
      `sitemap|${name}`,
      async () => {
        const [articles, categories] = await Promise.all([sitemapArticles(payload), buildCategoryList(payload, options, locales[0] as ContentLocale)])
        const newest = articles[0]?.publishedAt
        const pages = listPageUrls(ctx, categories.docs.map((c) => ({ slug: c.slug })), newest)
        let body: string
        if (name === '/sitemap.xml') body = renderSitemap(ctx, pages, articles)
        else if (name === '/sitemap-news.xml') body = renderNewsSitemap(ctx, articles)
        else if (name === '/sitemap-pages.xml') body = renderPagesSitemap(pages)
        else {
          const file = Number(articlesFile![1])
          if (file < 1 || (file - 1) * SITEMAP_MAX_URLS >= articles.length) throw new HttpError(404, 'No such sitemap file')
          body = renderArticleSitemap(ctx, articles, file)
        }
        return built(body, XML, ['sitemap', 'categories'])
      },
      aliasOf(req),
    )
    return api.reply(entry, req)
  }

  /**
   * Answers the site's paths (the list at `site.path`, articles below it, feeds, sitemaps, robots.txt, and the old
   * `/?article=` links); undefined for anything else.
   */
  const route = async (payload: Payload, req: PublicRequest): Promise<PublicReply | undefined> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined
    const path = req.path
    if (path === '/') {
      const old = req.query.get('article')
      if (old !== null) return redirect(articleUrl(contextFor(locales[0]!), old))
      return undefined
    }
    if (path === '/robots.txt') {
      return api.reply(finishBytes(200, utf8(renderRobots(contextFor(locales[0]!), payload.config.routes.api, options.slugs.media)), { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }), req)
    }
    if (path.startsWith('/sitemap')) return sitemapFile(payload, req, path)
    if (path !== site.path && !path.startsWith(`${site.path}/`)) return undefined
    const locale = localeOf(req.query)
    if (!locale) return notFound(req, locales[0]!)
    const rest = path.slice(site.path.length).replace(/^\/+/, '')
    if (rest === '') return listPage(payload, req, locale)
    if (rest.startsWith('preview/')) return preview(payload, req, rest.slice('preview/'.length), locale)
    if (FEED_FILES[rest]) return feed(payload, req, rest, locale)
    if (rest.includes('/')) return notFound(req, locale)
    let slug: string
    try {
      slug = decodeURIComponent(rest)
    } catch {
      return notFound(req, locale)
    }
    return articlePage(payload, req, slug, locale)
  }

  /** As the JSON endpoints: 503 + Retry-After while the database is unavailable, else 500 with a logged error id. */
  const handle = async (payload: Payload, req: PublicRequest): Promise<PublicReply | undefined> => {
    try {
      return await route(payload, req)
    } catch (error) {
      if (error instanceof HttpError) throw error
      const answer = answerServerError(payload, error, 'site page')
      const page = `<!doctype html>\n<html><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${answer.status}</title></head><body><p>${esc(answer.message)}</p></body></html>\n`
      const replyHeaders = { 'Content-Type': HTML, ...headers, 'Cache-Control': 'no-store', ...answer.headers, ...(answer.id ? { 'X-Error-Id': answer.id } : {}) }
      return api.reply(finishBytes(answer.status, utf8(page), replyHeaders), req)
    }
  }

  return { handle }
}

export type Site = ReturnType<typeof createSite>
