import { xmlEsc } from './html'
import { articleUrl, listUrl, type PageContext } from './pages'

/** The sitemaps protocol allows 50,000 URLs per file; past that, an index of files. */
export const SITEMAP_MAX_URLS = 50_000
const NEWS_WINDOW_MS = 48 * 3_600_000

export interface SitemapArticle {
  slug: string
  title: string
  publishedAt: string
  updatedAt?: string
}

const urlset = (urls: { loc: string; lastmod?: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `<url><loc>${xmlEsc(u.loc)}</loc>${u.lastmod ? `<lastmod>${xmlEsc(u.lastmod)}</lastmod>` : ''}</url>`)
    .join('\n')}\n</urlset>\n`

/** List pages: the news root and each category's first page, last modified with their newest article. */
export const listPageUrls = (ctx: PageContext, categories: { slug: string; newest?: string }[], newest?: string) => [
  { loc: `${ctx.site.url}${listUrl(ctx, {})}`, lastmod: newest },
  ...categories.map((c) => ({ loc: `${ctx.site.url}${listUrl(ctx, { category: c.slug })}`, lastmod: c.newest })),
]

const articleUrls = (ctx: PageContext, articles: SitemapArticle[]) =>
  articles.map((a) => ({ loc: `${ctx.site.url}${articleUrl(ctx, a.slug)}`, lastmod: a.updatedAt ?? a.publishedAt }))

/** `/sitemap.xml`: every published article and list page, or an index of files once past 50,000 URLs. */
export const renderSitemap = (ctx: PageContext, pages: { loc: string; lastmod?: string }[], articles: SitemapArticle[]): string => {
  if (pages.length + articles.length <= SITEMAP_MAX_URLS) return urlset([...pages, ...articleUrls(ctx, articles)])
  const files = Math.ceil(articles.length / SITEMAP_MAX_URLS)
  const entries = [`${ctx.site.url}/sitemap-pages.xml`, ...Array.from({ length: files }, (_, i) => `${ctx.site.url}/sitemap-articles-${i + 1}.xml`)]
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries
    .map((loc) => `<sitemap><loc>${xmlEsc(loc)}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`
}

export const renderPagesSitemap = (pages: { loc: string; lastmod?: string }[]) => urlset(pages)

/** One file of the article sitemap (1-based), for sites past 50,000 URLs. */
export const renderArticleSitemap = (ctx: PageContext, articles: SitemapArticle[], file: number) =>
  urlset(articleUrls(ctx, articles.slice((file - 1) * SITEMAP_MAX_URLS, file * SITEMAP_MAX_URLS)))

/** `/sitemap-news.xml`: articles published in the last 48 hours, in Google's news sitemap format. */
export const renderNewsSitemap = (ctx: PageContext, articles: SitemapArticle[], now = Date.now()): string => {
  const name = ctx.site.name[ctx.locales[0]!] ?? ''
  const language = ctx.locales[0] === 'zh' ? 'zh-cn' : ctx.locales[0]!
  const recent = articles.filter((a) => now - Date.parse(a.publishedAt) <= NEWS_WINDOW_MS && Date.parse(a.publishedAt) <= now)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${recent
    .map(
      (a) =>
        `<url><loc>${xmlEsc(`${ctx.site.url}${articleUrl(ctx, a.slug)}`)}</loc><news:news><news:publication><news:name>${xmlEsc(name)}</news:name><news:language>${xmlEsc(language)}</news:language></news:publication><news:publication_date>${xmlEsc(a.publishedAt)}</news:publication_date><news:title>${xmlEsc(a.title)}</news:title></news:news></url>`,
    )
    .join('\n')}\n</urlset>\n`
}

/** The admin and the JSON APIs are not for crawlers; images (articles' covers) and fragments are. */
export const renderRobots = (ctx: PageContext, apiPrefix: string, mediaSlug: string) => {
  const api = apiPrefix.replace(/\/$/, '')
  return `User-agent: *\nDisallow: /admin\nDisallow: ${api}/\nAllow: ${api}/${mediaSlug}/file/\nAllow: ${api}/news/html/\n\nSitemap: ${ctx.site.url}/sitemap.xml\nSitemap: ${ctx.site.url}/sitemap-news.xml\n`
}
