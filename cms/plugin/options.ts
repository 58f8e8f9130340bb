import type { CollectionConfig, Config, Field, PayloadRequest } from 'payload'
import { type FallbackChains, resolveFallbacks } from './locale-fallback'
import { resolveSite, type ResolvedSite, type SiteOptions } from './site/site-options'

/** Payload's usual override shape: replace or extend the generated fields, override anything else. */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields'>> & {
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

export type UserCheck = (user: PayloadRequest['user']) => boolean

export interface RegionalNewsSlugs {
  regions: string
  categories: string
  articles: string
  media: string
  articleViews: string
  articleViewDays: string
  viewReceipts: string
  articleListEntries: string
}

export interface RegionalNewsOptions {
  /** false keeps the collections (stable schema) but adds no endpoints or hooks that do work. */
  enabled?: boolean
  slugs?: Partial<RegionalNewsSlugs>
  overrides?: Partial<Record<keyof RegionalNewsSlugs, CollectionOverride>>
  /** Who may create and edit articles and media. Default: any logged-in user. */
  canEdit?: UserCheck
  /** Who may edit regions and categories. Default: any logged-in user. */
  canAdminister?: UserCheck
  /**
   * Locales the public API, pages and feeds serve; the first is their default. Default: the host config's
   * `localization` (its default locale first), else ['zh', 'en'] (and the plugin then adds that localization).
   * With a host localization, every entry must be one of its locale codes.
   */
  locales?: string[]
  /** Public read path settings. */
  publicApi?: {
    /** Mount point under Payload's /api route. Default '/news'. */
    basePath?: string
    /** Allowed origins for the public endpoints: '*' (default) or a list. Never with credentials. */
    corsOrigins?: '*' | string[]
    /** Seconds a browser/CDN may reuse a response (default 30) and serve it stale while revalidating (default 300). */
    maxAge?: number
    staleWhileRevalidate?: number
    /**
     * Upload files the front server answers itself (public images): seconds a browser/CDN may reuse one (default
     * 3600, an hour) and serve it stale while revalidating (default 86400). After an image stops being public, copies
     * outside this server live at most that long (`onPurge` is told its URLs).
     */
    mediaMaxAge?: number
    mediaStaleWhileRevalidate?: number
    /** Safety-net lifetime of an in-memory cache entry in ms (default 60000); edits drop what they touch at once. */
    cacheTtlMs?: number
    /** After its lifetime an entry is served for this long more (ms, default 30000) while one request refreshes it. */
    cacheStaleMs?: number
    /** Memory budget of the response cache in bytes (default 64 MiB); least recently used entries go first. */
    cacheMaxBytes?: number
    /** Miss computations running at once (default 8); the rest wait up to `missQueueTimeoutMs` (default 2000), then 503. */
    maxConcurrentMisses?: number
    missQueueTimeoutMs?: number
    /**
     * Called after an edit commits with the public URLs (paths under Payload's API route) whose answers it changed,
     * e.g. to purge them at a CDN. Errors are logged, never thrown into the edit.
     */
    onPurge?: (urls: string[]) => void | Promise<void>
    /** Disable the in-memory cache (benchmarks, debugging). */
    cache?: boolean
    /**
     * On the Payload-endpoint mounting (no socket; Next passes on any X-Forwarded-For a client sends): a header
     * your proxy sets on every request, overwriting what a client sent (e.g. 'x-real-ip'). Its value is the client
     * address for the view rate limit. Unset: all clients there share one rate-limit bucket. The front server
     * uses its socket and `views.trustedProxies` instead.
     */
    clientAddressHeader?: string
  }
  /** The server-rendered site: news pages, feeds, sitemaps (absolute URLs come from `site.url` / SITE_URL). */
  site?: SiteOptions
  /**
   * Where the host's import map finds the plugin's admin components (`<this>/client`, `<this>/rsc`): the package
   * itself by default ('payload-regional-news'). false: Payload's stock field and no dashboard.
   */
  adminComponents?: string | false
  views?: {
    /** Views per client address per minute before 429. Default 120. */
    rateLimitPerMinute?: number
    /** Proxy addresses whose X-Forwarded-For is trusted. Default none. */
    trustedProxies?: string[]
    /**
     * IANA time zone of the site's calendar days: the once-per-visitor-per-day rule and the daily stats follow it.
     * Default 'Asia/Shanghai'.
     */
    timeZone?: string
  }
}

export interface ResolvedOptions {
  enabled: boolean
  slugs: RegionalNewsSlugs
  overrides: Partial<Record<keyof RegionalNewsSlugs, CollectionOverride>>
  canEdit: UserCheck
  canAdminister: UserCheck
  locales: string[]
  /**
   * Per public locale, the locales a missing localized value is read from, in order (empty: none): the host's
   * `localization` rules, as Payload's own find applies them (locale-fallback.ts).
   */
  fallbackOf: FallbackChains
  /** Where the host serves the public API: its API route + `publicApi.basePath` (default /api/news). */
  publicPath: string
  publicApi: Required<Omit<NonNullable<RegionalNewsOptions['publicApi']>, 'onPurge' | 'clientAddressHeader'>> &
    Pick<NonNullable<RegionalNewsOptions['publicApi']>, 'onPurge' | 'clientAddressHeader'>
  views: Required<NonNullable<RegionalNewsOptions['views']>>
  site: ResolvedSite
  adminComponents: string | false
}

const isLoggedIn: UserCheck = (user) => Boolean(user)

/**
 * The public locales, default first: the plugin option when given (checked against the host's codes), else the
 * host's `localization` (codes from strings or `{ code }` objects, `defaultLocale` first), else zh and en.
 */
export const resolveLocales = (own: string[] | undefined, host: Config['localization'] | undefined): string[] => {
  const hostCodes = host ? host.locales.map((l) => (typeof l === 'string' ? l : l.code)) : undefined
  if (own?.length) {
    const unknown = hostCodes ? own.filter((code) => !hostCodes.includes(code)) : []
    if (unknown.length) throw new Error(`regionalNews: locales ${unknown.join(', ')} are not in the host's localization (${hostCodes!.join(', ')})`)
    return [...new Set(own)]
  }
  if (host && hostCodes!.length) return [host.defaultLocale, ...hostCodes!.filter((code) => code !== host.defaultLocale)]
  return ['zh', 'en']
}

/** Resolved against the host config: its localization (see resolveLocales) and its API route. */
export const resolveOptions = (options: RegionalNewsOptions = {}, host: Pick<Config, 'localization' | 'routes'> = {}): ResolvedOptions => {
  const locales = resolveLocales(options.locales, host.localization)
  return {
    enabled: options.enabled ?? true,
    slugs: {
      regions: 'regions',
      categories: 'categories',
      articles: 'articles',
      media: 'media',
      articleViews: 'article-views',
      articleViewDays: 'article-view-days',
      viewReceipts: 'view-receipts',
      articleListEntries: 'article-list-entries',
      ...options.slugs,
    },
    overrides: options.overrides ?? {},
    canEdit: options.canEdit ?? isLoggedIn,
    canAdminister: options.canAdminister ?? isLoggedIn,
    locales,
    fallbackOf: resolveFallbacks(locales, host.localization),
    publicPath: `${host.routes?.api ?? '/api'}${options.publicApi?.basePath ?? '/news'}`,
    adminComponents: options.adminComponents ?? 'payload-regional-news',
    publicApi: {
      basePath: '/news',
      corsOrigins: '*',
      maxAge: 30,
      staleWhileRevalidate: 300,
      mediaMaxAge: 3_600,
      mediaStaleWhileRevalidate: 86_400,
      cacheTtlMs: 60_000,
      cacheStaleMs: 30_000,
      cacheMaxBytes: 64 * 1024 * 1024,
      maxConcurrentMisses: 8,
      missQueueTimeoutMs: 2_000,
      cache: true,
      ...options.publicApi,
    },
    site: resolveSite(options.site),
    views: {
      rateLimitPerMinute: 120,
      trustedProxies: [],
      timeZone: 'Asia/Shanghai',
      ...options.views,
    },
  }
}
