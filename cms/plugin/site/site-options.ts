/** The public site the plugin serves (server-rendered news pages, feeds, sitemap). */
export interface SiteOptions {
  /** Absolute origin of the public site, e.g. https://news.example.com (default: SITE_URL, else http://localhost:3000). */
  url?: string
  /** Site name per locale (Open Graph site_name, feed titles, the publisher in structured data). */
  name?: Record<string, string>
  /** Default description per locale. */
  description?: Record<string, string>
  /** Publisher logo (absolute or site-relative URL) with its size. */
  logo?: { url: string; width: number; height: number }
  /** Image for pages and articles without a cover. */
  defaultImage?: { url: string; width: number; height: number }
  /** Where the pages live (default '/news'). */
  path?: string
  /** Time zone of publish dates and days (default Asia/Shanghai). */
  timeZone?: string
}

export interface ResolvedSite {
  url: string
  /** Whether `url` came from the option or SITE_URL rather than the localhost default. */
  urlConfigured?: boolean
  name: Record<string, string>
  description: Record<string, string>
  logo?: { url: string; width: number; height: number }
  defaultImage?: { url: string; width: number; height: number }
  path: string
  timeZone: string
}

export const resolveSite = (site: SiteOptions = {}): ResolvedSite => ({
  url: (site.url ?? process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
  urlConfigured: Boolean(site.url ?? process.env.SITE_URL),
  name: { zh: '新闻中心', en: 'Newsroom', ...site.name },
  description: { zh: '行业新闻、跨界新闻、托盘百科、政策法规与焦点。', en: 'Industry news, cross-industry news, guides, policies and highlights.', ...site.description },
  logo: site.logo,
  defaultImage: site.defaultImage,
  path: (site.path ?? '/news').replace(/\/+$/, ''),
  timeZone: site.timeZone ?? 'Asia/Shanghai',
})
