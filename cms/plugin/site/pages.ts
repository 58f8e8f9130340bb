/**
 * Server-rendered news pages: complete HTML documents a crawler, a chat app's link preview or a reader without
 * JavaScript can use as they are — headlines as links, dates, excerpts and full article text in the light DOM,
 * canonical and hreflang links, Open Graph and Twitter cards, JSON-LD — with the widgets on top for readers with
 * JavaScript. Content comes only from the public builders (published only), already sanitized.
 */
import type { ArticleCard, ArticleDetail, ArticleListResponse, CategorySummary, RegionTreeResponse } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import type { ElementRenderer } from './element-renderer'
import { day, esc, jsonLd } from './html'
import type { ResolvedSite } from './site-options'
import { SITE_STYLES } from './site-styles'
import { htmlLang, stringsFor } from './strings'

export interface PageContext {
  site: ResolvedSite
  locale: string
  locales: readonly string[]
  /** The widgets bundle the page loads (site-relative). */
  script: string
  /** Public API origin for the widgets (empty: same origin). */
  api: string
  /** The public API's path when not /api/news (the host's API route + basePath), rendered as `api-path`. */
  apiPath?: string
  /** Prefix of links between pages: empty on the site itself, the site's origin in fragments for other hosts. */
  origin?: string
  /** The widgets' server renderer (declarative shadow DOM that hydrates); without it, light DOM only. */
  renderer?: ElementRenderer
  /** The region tree, for a server-rendered city switcher. */
  tree?: RegionTreeResponse
}

export interface ListPageData {
  list: ArticleListResponse
  categories: CategorySummary[]
  category?: CategorySummary
  region?: { code: string; name: string }
}

const absolute = (site: ResolvedSite, url: string) => (/^https?:\/\//.test(url) ? url : `${site.url}${url.startsWith('/') ? '' : '/'}${url}`)

/** A page URL with its query in a fixed order (canonical form); the default locale and page 1 are left out. */
/** The widgets' default public API path; elements name theirs (`api-path`) only when the host's differs. */
const WIDGETS_API_PATH = '/api/news'
export const widgetApiPath = (options: Pick<ResolvedOptions, 'publicPath'>) => (options.publicPath === WIDGETS_API_PATH ? undefined : options.publicPath)

/** `api` and `api-path` of an element rendered without the widgets' renderer (each only when not the default). */
export const apiAttributes = (ctx: Pick<PageContext, 'api' | 'apiPath'>) =>
  `${ctx.api ? ` api="${esc(ctx.api)}"` : ''}${ctx.apiPath ? ` api-path="${esc(ctx.apiPath)}"` : ''}`

export const listUrl = (ctx: Pick<PageContext, 'site' | 'locales'>, q: { category?: string; region?: string; page?: number; locale?: string }) => {
  const query = new URLSearchParams()
  if (q.category) query.set('category', q.category)
  if (q.region) query.set('region', q.region)
  if (q.page && q.page > 1) query.set('page', String(q.page))
  if (q.locale && q.locale !== ctx.locales[0]) query.set('locale', q.locale)
  const text = query.toString()
  return `${ctx.site.path}${text ? `?${text}` : ''}`
}

export const articleUrl = (ctx: Pick<PageContext, 'site' | 'locales'>, slug: string, locale?: string) =>
  `${ctx.site.path}/${encodeURIComponent(slug)}${locale && locale !== ctx.locales[0] ? `?locale=${encodeURIComponent(locale)}` : ''}`

export const feedUrl = (ctx: Pick<PageContext, 'site' | 'locales'>, file: string, q: { category?: string; region?: string; locale?: string }) => {
  const query = new URLSearchParams()
  if (q.category) query.set('category', q.category)
  if (q.region) query.set('region', q.region)
  if (q.locale && q.locale !== ctx.locales[0]) query.set('locale', q.locale)
  const text = query.toString()
  return `${ctx.site.path}/${file}${text ? `?${text}` : ''}`
}

interface Head {
  title: string
  description: string
  /** Site-relative canonical URL per locale (the current locale's is the canonical). */
  urls: Record<string, string>
  image?: { url: string; width: number; height: number; alt?: string }
  type: 'website' | 'article'
  extra?: string
  structuredData: unknown[]
  feeds?: { category?: string; region?: string }
}

const head = (ctx: PageContext, h: Head) => {
  const { site, locale } = ctx
  const canonical = absolute(site, h.urls[locale]!)
  const image = h.image ?? site.defaultImage
  const t = stringsFor(locale)
  const tags = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(h.title)}</title>`,
    `<meta name="description" content="${esc(h.description)}">`,
    `<link rel="canonical" href="${esc(canonical)}">`,
    ...ctx.locales.map((l) => `<link rel="alternate" hreflang="${esc(htmlLang(l))}" href="${esc(absolute(site, h.urls[l]!))}">`),
    `<link rel="alternate" hreflang="x-default" href="${esc(absolute(site, h.urls[ctx.locales[0]!]!))}">`,
    `<meta property="og:type" content="${h.type}">`,
    `<meta property="og:title" content="${esc(h.title)}">`,
    `<meta property="og:description" content="${esc(h.description)}">`,
    `<meta property="og:url" content="${esc(canonical)}">`,
    `<meta property="og:site_name" content="${esc(site.name[locale] ?? site.name.zh)}">`,
    `<meta property="og:locale" content="${esc(htmlLang(locale).replace('-', '_'))}">`,
    `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${esc(h.title)}">`,
    `<meta name="twitter:description" content="${esc(h.description)}">`,
  ]
  if (image) {
    tags.push(
      `<meta property="og:image" content="${esc(absolute(site, image.url))}">`,
      `<meta property="og:image:width" content="${image.width}">`,
      `<meta property="og:image:height" content="${image.height}">`,
      `<meta name="twitter:image" content="${esc(absolute(site, image.url))}">`,
    )
    if ('alt' in image && image.alt) tags.push(`<meta property="og:image:alt" content="${esc(image.alt)}">`)
  }
  if (h.feeds) {
    const q = { ...h.feeds, locale }
    tags.push(
      `<link rel="alternate" type="application/rss+xml" title="${esc(`${h.title} (RSS)`)}" href="${esc(feedUrl(ctx, 'feed.xml', q))}">`,
      `<link rel="alternate" type="application/atom+xml" title="${esc(`${h.title} (Atom)`)}" href="${esc(feedUrl(ctx, 'atom.xml', q))}">`,
      `<link rel="alternate" type="application/feed+json" title="${esc(`${h.title} (JSON Feed)`)}" href="${esc(feedUrl(ctx, 'feed.json', q))}">`,
    )
  }
  if (h.extra) tags.push(h.extra)
  tags.push(`<script type="module" src="${esc(ctx.script)}"></script>`, `<style>${SITE_STYLES}</style>`)
  void t
  return tags.join('\n')
}

// Structured data closes the body: crawlers read it anywhere, and a browser parses (and paints) the text before it.
const document = (ctx: PageContext, h: Head, body: string) =>
  `<!doctype html>\n<html lang="${esc(htmlLang(ctx.locale))}">\n<head>\n${head(ctx, h)}\n</head>\n<body>\n${body}\n${h.structuredData.map(jsonLd).join('\n')}\n</body>\n</html>\n`

const header = (ctx: PageContext, region?: string) => {
  const t = stringsFor(ctx.locale)
  const other = ctx.locales.find((l) => l !== ctx.locale)
  return `<header class="topbar"><div class="wrap">
<a class="brand" href="${esc(listUrl(ctx, { locale: ctx.locale }))}">${esc(ctx.site.name[ctx.locale] ?? ctx.site.name.zh)}</a>
${
  ctx.renderer && ctx.tree
    ? ctx.renderer.renderRegionPicker({ tree: ctx.tree, value: region, lang: htmlLang(ctx.locale), api: ctx.api, apiPath: ctx.apiPath, id: 'city', name: 'city' })
    : `<region-picker id="city" name="city"${region ? ` value="${esc(region)}"` : ''}${apiAttributes(ctx)}></region-picker>`
}
${other ? `<a class="lang" hreflang="${esc(htmlLang(other))}" href="${esc(listUrl(ctx, { locale: other }))}">${esc(t.language)}</a>` : ''}
</div></header>`
}

const cardItem = (ctx: PageContext, card: ArticleCard) => {
  const t = stringsFor(ctx.locale)
  const url = `${ctx.origin ?? ''}${articleUrl(ctx, card.slug, ctx.locale)}`
  return `<li><a href="${esc(url)}">${esc(card.title)}</a> <time datetime="${esc(card.publishedAt)}">${esc(day(card.publishedAt))}</time>${card.category ? ` <span>${esc(card.category.name)}</span>` : ''} <span>${esc(t.views(card.views))}</span>${card.excerpt ? `<p>${esc(card.excerpt)}</p>` : ''}</li>`
}

export const renderListPage = (ctx: PageContext, data: ListPageData): string => {
  const { list, category, region } = data
  const t = stringsFor(ctx.locale)
  const siteName = ctx.site.name[ctx.locale] ?? ctx.site.name.zh!
  const q = { category: category?.slug, region: region?.code }
  const urls = Object.fromEntries(ctx.locales.map((l) => [l, listUrl(ctx, { ...q, page: list.page, locale: l })]))
  const titleParts = [category?.name ?? t.all, region?.name, list.page > 1 ? t.page(list.page) : undefined, siteName].filter(Boolean)
  const title = titleParts.join(' · ')
  const description = category?.description || ctx.site.description[ctx.locale] || ''
  const tabs = [{ slug: undefined as string | undefined, name: t.all }, ...data.categories.map((c) => ({ slug: c.slug as string | undefined, name: c.name }))]
  const itemList = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: list.docs.map((card, i) => ({
      '@type': 'ListItem',
      position: (list.page - 1) * list.limit + i + 1,
      url: absolute(ctx.site, articleUrl(ctx, card.slug, ctx.locale)),
      name: card.title,
    })),
  }
  const breadcrumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: siteName, item: absolute(ctx.site, listUrl(ctx, { locale: ctx.locale })) },
      ...(category ? [{ '@type': 'ListItem', position: 2, name: category.name, item: absolute(ctx.site, listUrl(ctx, { category: category.slug, locale: ctx.locale })) }] : []),
    ],
  }
  const pager = [
    list.hasPrevPage ? `<a rel="prev" href="${esc(listUrl(ctx, { ...q, page: list.page - 1, locale: ctx.locale }))}">${esc(t.newer)}</a>` : '',
    list.totalPages > 1 ? `<span>${list.page} / ${list.totalPages}</span>` : '',
    list.hasNextPage ? `<a rel="next" href="${esc(listUrl(ctx, { ...q, page: list.page + 1, locale: ctx.locale }))}">${esc(t.older)}</a>` : '',
  ].join(' ')
  const listElement = ctx.renderer?.renderArticleList({
    list,
    categories: { docs: data.categories },
    category: category?.slug,
    region: region?.code,
    lang: htmlLang(ctx.locale),
    api: ctx.api,
    apiPath: ctx.apiPath,
    regionSource: '#city',
    urlSync: true,
    href: `${ctx.site.path}/{slug}`,
    // The first card's cover is the largest paint on a phone: fetched while the head parses, not after layout.
    priorityCover: true,
  })
  const extra = [
    listElement ? ctx.renderer!.firstCoverPreload(listElement) : '',
    list.hasPrevPage ? `<link rel="prev" href="${esc(absolute(ctx.site, listUrl(ctx, { ...q, page: list.page - 1, locale: ctx.locale })))}">` : '',
    list.hasNextPage ? `<link rel="next" href="${esc(absolute(ctx.site, listUrl(ctx, { ...q, page: list.page + 1, locale: ctx.locale })))}">` : '',
  ].join('')
  const body = `${header(ctx, region?.code)}
<main class="wrap">
<h1>${esc(category?.name ?? t.news)}${region ? ` · ${esc(region.name)}` : ''}</h1>
${(() => {
    const tabLinks = `<nav class="tabs" aria-label="${esc(t.categories)}">${tabs
      .map((tab) => `<a href="${esc(listUrl(ctx, { category: tab.slug, region: region?.code, locale: ctx.locale }))}"${tab.slug === category?.slug ? ' aria-current="page"' : ''}>${esc(tab.name)}</a>`)
      .join('')}</nav>`
    const pagerLinks = `<nav class="pager" aria-label="${esc(t.pagination)}">${pager}</nav>`
    if (!ctx.renderer) return `${tabLinks}\n${articleListElement(ctx, list, { category: category?.slug, region: region?.code, regionSource: '#city' })}\n${pagerLinks}`
    // The element draws its own tabs and pages; the same links stay in its fallback slot for crawlers.
    return `${listElement!.slice(0, -'</article-list>'.length)}${tabLinks}${pagerLinks}</article-list>`
  })()}
</main>`
  return document(ctx, { title, description, urls, type: 'website', structuredData: [breadcrumbs, itemList], feeds: q, extra }, body)
}

export const renderArticlePage = (ctx: PageContext, detail: ArticleDetail): string => {
  const t = stringsFor(ctx.locale)
  const siteName = ctx.site.name[ctx.locale] ?? ctx.site.name.zh!
  const urls = Object.fromEntries(ctx.locales.map((l) => [l, articleUrl(ctx, detail.slug, l)]))
  const cover = detail.cover ? { url: detail.cover.url, width: detail.cover.width, height: detail.cover.height, alt: detail.cover.alt } : undefined
  const image = cover ?? ctx.site.defaultImage
  const canonical = absolute(ctx.site, urls[ctx.locale]!)
  const publisher = {
    '@type': 'Organization',
    name: siteName,
    ...(ctx.site.logo ? { logo: { '@type': 'ImageObject', url: absolute(ctx.site, ctx.site.logo.url), width: ctx.site.logo.width, height: ctx.site.logo.height } } : {}),
  }
  const newsArticle = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: detail.title,
    description: detail.excerpt,
    datePublished: detail.publishedAt,
    dateModified: detail.publishedAt,
    author: [{ '@type': detail.author ? 'Person' : 'Organization', name: detail.author || siteName }],
    ...(image ? { image: [absolute(ctx.site, image.url)] } : {}),
    publisher,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(detail.category ? { articleSection: detail.category.name } : {}),
    inLanguage: htmlLang(ctx.locale),
  }
  const breadcrumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: siteName, item: absolute(ctx.site, listUrl(ctx, { locale: ctx.locale })) },
      ...(detail.category ? [{ '@type': 'ListItem', position: 2, name: detail.category.name, item: absolute(ctx.site, listUrl(ctx, { category: detail.category.slug, locale: ctx.locale })) }] : []),
      { '@type': 'ListItem', position: detail.category ? 3 : 2, name: detail.title, item: canonical },
    ],
  }
  const extra = [
    `<meta property="article:published_time" content="${esc(detail.publishedAt)}">`,
    detail.category ? `<meta property="article:section" content="${esc(detail.category.name)}">` : '',
    detail.author ? `<meta name="author" content="${esc(detail.author)}">` : '',
  ].join('')
  const body = `${header(ctx)}
<main class="wrap">
<nav class="crumbs" aria-label="breadcrumb"><a href="${esc(listUrl(ctx, { locale: ctx.locale }))}">${esc(t.news)}</a>${detail.category ? ` › <a href="${esc(listUrl(ctx, { category: detail.category.slug, locale: ctx.locale }))}">${esc(detail.category.name)}</a>` : ''}</nav>
${articleViewElement(ctx, detail)}
</main>`
  return document(
    ctx,
    { title: `${detail.title} · ${siteName}`, description: detail.excerpt || ctx.site.description[ctx.locale] || '', urls, image: cover, type: 'article', structuredData: [newsArticle, breadcrumbs], feeds: { category: detail.category?.slug }, extra },
    body,
  )
}

/** `<article-view>` with the whole article in its light DOM (crawlers, readers without JavaScript). */
export const articleViewElement = (ctx: PageContext, detail: ArticleDetail): string => {
  const t = stringsFor(ctx.locale)
  const cover = detail.cover
  const neighbour = (label: string, link: { slug: string; title: string } | undefined, rel: string) =>
    `<p><span>${esc(label)}：</span>${link ? `<a rel="${rel}" href="${esc(`${ctx.origin ?? ''}${articleUrl(ctx, link.slug, ctx.locale)}`)}">${esc(link.title)}</a>` : esc(t.none)}</p>`
  const credits = detail.credits.length ? `<dl class="credits">${detail.credits.map((c) => `<dt>${esc(c.label)}</dt><dd>${esc(c.value)}</dd>`).join('')}</dl>` : ''
  if (ctx.renderer) return ctx.renderer.renderArticleView({ detail, lang: htmlLang(ctx.locale), api: ctx.api, apiPath: ctx.apiPath, href: `${ctx.origin ?? ''}${ctx.site.path}/{slug}` })
  return `<article-view slug="${esc(detail.slug)}" href="${esc(`${ctx.origin ?? ''}${ctx.site.path}/{slug}`)}" lang="${esc(htmlLang(ctx.locale))}"${apiAttributes(ctx)}>
<article class="fallback">
<h1>${esc(detail.title)}</h1>
<p class="meta">${detail.author ? `<span>${esc(detail.author)}</span> ` : ''}<time datetime="${esc(detail.publishedAt)}">${esc(day(detail.publishedAt))}</time> <span>${esc(t.views(detail.views))}</span></p>
${cover ? `<img src="${esc(cover.url.startsWith("/") ? `${ctx.origin ?? ""}${cover.url}` : cover.url)}" width="${cover.width}" height="${cover.height}" alt="${esc(cover.alt)}">` : ''}
<div class="body">${detail.html}</div>
${credits}
<nav class="neighbours">${neighbour(t.prev, detail.prev, 'prev')}${neighbour(t.next, detail.next, 'next')}</nav>
</article>
</article-view>`
}

/** `<article-list>` with its page of headlines as links in its light DOM (crawlers, readers without JavaScript). */
export const articleListElement = (
  ctx: PageContext,
  list: ArticleListResponse,
  q: { category?: string; region?: string; regionSource?: string; sort?: string },
): string => {
  if (ctx.renderer)
    return ctx.renderer.renderArticleList({
      list,
      category: q.category,
      region: q.region,
      sort: q.sort as never,
      lang: htmlLang(ctx.locale),
      api: ctx.api,
      apiPath: ctx.apiPath,
      regionSource: q.regionSource,
      href: `${ctx.origin ?? ''}${ctx.site.path}/{slug}`,
    })
  const t = stringsFor(ctx.locale)
  const attrs = [
    q.category ? ` category="${esc(q.category)}"` : '',
    q.region ? ` region="${esc(q.region)}"` : '',
    q.regionSource ? ` region-source="${esc(q.regionSource)}"` : '',
    q.sort && q.sort !== '-publishedAt' ? ` sort="${esc(q.sort)}"` : '',
    ` page="${list.page}" page-size="${list.limit}"`,
    ` href="${esc(`${ctx.origin ?? ''}${ctx.site.path}/{slug}`)}" lang="${esc(htmlLang(ctx.locale))}"`,
    apiAttributes(ctx),
  ].join('')
  return `<article-list${attrs}>
<ol class="fallback">${list.docs.map((card) => cardItem(ctx, card)).join('\n') || `<li>${esc(t.empty)}</li>`}</ol>
</article-list>`
}

export const renderNotFoundPage = (ctx: PageContext): string => {
  const t = stringsFor(ctx.locale)
  const siteName = ctx.site.name[ctx.locale] ?? ctx.site.name.zh!
  const urls = Object.fromEntries(ctx.locales.map((l) => [l, listUrl(ctx, { locale: l })]))
  return document(
    ctx,
    { title: `${t.notFound} · ${siteName}`, description: t.notFoundText, urls, type: 'website', structuredData: [], extra: '<meta name="robots" content="noindex">' },
    `${header(ctx)}\n<main class="wrap"><h1>${esc(t.notFound)}</h1><p>${esc(t.notFoundText)}</p><p><a href="${esc(listUrl(ctx, { locale: ctx.locale }))}">${esc(t.back)}</a></p></main>`,
  )
}
