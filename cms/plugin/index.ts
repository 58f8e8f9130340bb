import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CollectionConfig, Config } from 'payload'
import { deepMergeSimple } from 'payload/shared'
import { createArticleListEntriesCollection } from '../../collections/article-list-entries'
import { createArticleViewDaysCollection } from '../../collections/article-view-days'
import { createArticleViewsCollection } from '../../collections/article-views'
import { createArticlesCollection } from '../../collections/articles'
import { createCategoriesCollection } from '../../collections/categories'
import { createMediaCollection } from '../../collections/media'
import { createRegionsCollection } from '../../collections/regions'
import { createViewReceiptsCollection } from '../../collections/view-receipts'
import { buildAccess } from './access/access'
import { applyOverride } from './apply-override'
import { createPublicEndpoints } from './public-api/payload-endpoints'
import { createStatsEndpoint } from './stats/stats-endpoint'
import { assertTimeZone } from './views/site-day'
import { deriveArticleFields, setPublishDate } from './hooks/article-derived-fields'
import { syncMediaAfterChange, syncMediaAfterDelete } from './hooks/media-visibility'
import { rejectMalformedId } from './hooks/reject-malformed-id'
import { regionPinyinSearch } from './hooks/region-pinyin-search'
import { createViewCounter, deleteViewCounter, readViewCount } from './views/view-stats'
import { type RegionalNewsOptions, resolveOptions } from './options'
import { invalidateFiles, invalidateOnChange, invalidateOnDelete } from './cache/invalidate-on-change'
import { startInvalidationBus } from './cache/invalidation-bus'
import { purgeUrls } from './cache/purge-urls'
import { createResponseCache } from './cache/response-cache'
import { createPublicApi } from './public-api/public-api'
import { createPublicFiles } from './public-api/public-files'
import { createRegionIndexMemo } from './queries/region-index'
import { createRegionTreeMemo } from './queries/region-tree-memo'
import type { RegionalNewsRuntime } from './runtime'
import { PAGE_SECURITY_HEADERS } from './site/page-headers'
import { createSite } from './site/site-routes'
import { reconcileListEntries, refreshListEntries, removeListEntries } from './queries/sql/list-entries'
import { sqliteReadTuning } from './queries/sqlite-read-tuning'
import { translations } from './translations'
import { SEED_REGIONS_COMMAND } from './seed/seed-regions-command'

/**
 * The seed command's module beside this one (.ts from source, .js from the package). Undefined where this module
 * has no file URL (inside a bundle): Payload's CLI loads the config with Node, never from a bundle.
 */
const seedCommandPath = (): string | undefined => {
  try {
    const here = fileURLToPath(import.meta.url)
    return path.join(path.dirname(here), 'seed', `seed-regions-command${path.extname(here)}`)
  } catch {
    return undefined
  }
}

export type { RegionalNewsOptions } from './options'

/**
 * Regional news for Payload: regions (China's provinces and cities), categories, articles with drafts and
 * scheduled publishing, media, view counts, and a cached public read path for embeddable widgets.
 */
export const regionalNews =
  (pluginOptions: RegionalNewsOptions = {}) =>
  (incomingConfig: Config): Config => {
    const options = resolveOptions(pluginOptions, incomingConfig)
    // Article bodies use the host's rich-text editor; the public API renders them with Lexical's HTML converters.
    if (!incomingConfig.editor) throw new Error('regionalNews: the config needs a rich-text editor for article bodies, e.g. `editor: lexicalEditor()` from @payloadcms/richtext-lexical')
    const { slugs, overrides, enabled } = options
    assertTimeZone(options.views.timeZone)
    const components = enabled ? options.adminComponents : false
    const access = buildAccess(options)
    const on = <T>(hooks: T[]) => (enabled ? hooks : [])
    // This config's own state (see runtime.ts): its cache, region index and public API.
    const { cacheTtlMs: ttlMs, cacheStaleMs: staleMs, cacheMaxBytes: maxBytes } = options.publicApi
    const cache = createResponseCache({ ttlMs, staleMs, maxBytes })
    const regionIndex = createRegionIndexMemo(cache)
    const invalidation = { cache, regionIndex, options }
    // An image turning public or private drops its files' cached lookups (and tells the CDN hook).
    const onFlip = enabled ? invalidateFiles(invalidation) : undefined

    const invalidating = (kind: 'regions' | 'categories' | 'media'): CollectionConfig['hooks'] => ({
      afterChange: on([invalidateOnChange(invalidation, kind)]),
      afterDelete: on([invalidateOnDelete(invalidation, kind)]),
    })

    const collections: CollectionConfig[] = [
      applyOverride(
        createRegionsCollection({
          slug: slugs.regions,
          access: access.regions,
          // The list's search box finds `suzhou` and `szs` as the picker does.
          hooks: { ...invalidating('regions'), beforeOperation: on([regionPinyinSearch]) },
          provinceFilter: components ? `${components}/rsc#RegionProvinceFilter` : undefined,
        }),
        overrides.regions,
      ),
      applyOverride(createCategoriesCollection({ slug: slugs.categories, access: access.categories, hooks: invalidating('categories') }), overrides.categories),
      applyOverride(
        createArticlesCollection({
          slug: slugs.articles,
          categoriesSlug: slugs.categories,
          regionsSlug: slugs.regions,
          mediaSlug: slugs.media,
          access: access.articles,
          readViews: readViewCount(options),
          regionField: components ? `${components}/client#RegionField` : undefined,
          hooks: {
            beforeValidate: [deriveArticleFields(slugs.articles)],
            beforeChange: [setPublishDate],
            beforeDelete: [deleteViewCounter(options), ...on([removeListEntries(options)])],
            afterChange: [
              ...on([refreshListEntries(options)]),
              createViewCounter(options),
              syncMediaAfterChange(options, onFlip),
              ...on([invalidateOnChange(invalidation, 'articles')]),
            ],
            afterDelete: [syncMediaAfterDelete(options, onFlip), ...on([invalidateOnDelete(invalidation, 'articles')])],
          },
        }),
        overrides.articles,
      ),
      applyOverride(createMediaCollection({ slug: slugs.media, access: access.media, hooks: invalidating('media') }), overrides.media),
      applyOverride(
        createArticleViewsCollection({ slug: slugs.articleViews, articlesSlug: slugs.articles, access: access.articleViews }),
        overrides.articleViews,
      ),
      applyOverride(
        createArticleViewDaysCollection({ slug: slugs.articleViewDays, articlesSlug: slugs.articles, regionsSlug: slugs.regions, access: access.articleViewDays }),
        overrides.articleViewDays,
      ),
      applyOverride(createViewReceiptsCollection({ slug: slugs.viewReceipts, access: access.viewReceipts }), overrides.viewReceipts),
      applyOverride(
        createArticleListEntriesCollection({
          slug: slugs.articleListEntries,
          articlesSlug: slugs.articles,
          categoriesSlug: slugs.categories,
          regionsSlug: slugs.regions,
          access: access.articleListEntries,
        }),
        overrides.articleListEntries,
      ),
    ]

    // Wrong-shape ids get a 404 on every collection of the plugin, overrides included.
    for (const collection of collections)
      collection.hooks = { ...collection.hooks, beforeOperation: [rejectMalformedId, ...(collection.hooks?.beforeOperation ?? [])] }

    // Each article, category and region's edit view links to the embed builder preset to it.
    if (components)
      for (const [slug, kind] of [[slugs.articles, 'article'], [slugs.categories, 'category'], [slugs.regions, 'region']] as const) {
        const collection = collections.find((c) => c.slug === slug)
        if (!collection) continue
        const edit = collection.admin?.components?.edit
        const action = { path: `${components}/client#EmbedPresetLink`, clientProps: { kind } }
        collection.admin = {
          ...collection.admin,
          components: { ...collection.admin?.components, edit: { ...edit, beforeDocumentControls: [...(edit?.beforeDocumentControls ?? []), action] } },
        }
      }

    // The admin's Preview button opens the draft on the article page (editors only; see site/site-routes.ts).
    const articles = collections.find((c) => c.slug === slugs.articles)
    if (articles && enabled && !articles.admin?.preview)
      articles.admin = {
        ...articles.admin,
        preview: (doc, { locale }) => `${options.site.url}${options.site.path}/preview/${encodeURIComponent(String(doc.id))}${locale && locale !== options.locales[0] ? `?locale=${encodeURIComponent(locale)}` : ''}`,
      }

    const config: Config = {
      ...incomingConfig,
      collections: [...(incomingConfig.collections ?? []), ...collections],
      localization: incomingConfig.localization || {
        locales: options.locales,
        defaultLocale: options.locales[0]!,
        fallback: true,
      },
      i18n: {
        ...incomingConfig.i18n,
        translations: deepMergeSimple(translations, incomingConfig.i18n?.translations ?? {}),
      },
    }
    // `npx payload regional-news:seed-regions`
    const scriptPath = seedCommandPath()
    if (scriptPath) config.bin = [...(incomingConfig.bin ?? []), { key: SEED_REGIONS_COMMAND, scriptPath }]
    if (!enabled) return config

    // Scheduled publishing needs the job runner; keep the host's own schedule when it has one.
    config.jobs = {
      ...incomingConfig.jobs,
      autoRun: incomingConfig.jobs?.autoRun ?? [{ cron: '*/5 * * * * *', queue: 'default', limit: 20 }],
    }

    const publicApi = createPublicApi(options, cache)
    // The lean server in front of Next answers the same routes with this same handler.
    const site = createSite(options, options.site, publicApi, PAGE_SECURITY_HEADERS)
    const runtime: RegionalNewsRuntime = { options, cache, regionIndex, regionTrees: createRegionTreeMemo(cache), publicApi, publicFiles: createPublicFiles(options, cache), site }
    config.custom = { ...incomingConfig.custom, regionalNews: runtime }
    config.endpoints = [...(incomingConfig.endpoints ?? []), ...createPublicEndpoints(publicApi, options), createStatsEndpoint(options)]
    if (components) {
      // The newsroom above the dashboard: views, drafts, scheduled and recent publications (editors only).
      const admin = incomingConfig.admin ?? {}
      config.admin = {
        ...admin,
        components: {
          ...admin.components,
          beforeDashboard: [...(admin.components?.beforeDashboard ?? []), `${components}/rsc#NewsroomDashboard`],
          afterNavLinks: [...(admin.components?.afterNavLinks ?? []), `${components}/client#EmbedNavLink`],
          // The embed builder; the view itself requires a logged-in user (custom views are public otherwise).
          views: { ...admin.components?.views, embedBuilder: { Component: `${components}/rsc#EmbedBuilderView`, path: '/embed', exact: true } },
        },
      }
    }

    config.onInit = async (payload) => {
      await incomingConfig.onInit?.(payload)
      // Reads that raced a write may have cached pre-commit rows: clear again once the write commits.
      const commit = payload.db.commitTransaction.bind(payload.db)
      payload.db.commitTransaction = async (id) => {
        await commit(id)
        cache.afterCommit()
      }
      // PostgreSQL: tell other instances on the same database (see invalidation-bus.ts for the bound).
      const bus = startInvalidationBus(payload, cache)
      // A CDN purge hook, told what each committed edit changed.
      if (options.publicApi.onPurge) {
        const purge = options.publicApi.onPurge
        const prefix = `${payload.config.routes.api}${options.publicApi.basePath}`
        const filePrefix = `${payload.config.routes.api}/${options.slugs.media}/file`
        cache.onLocalInvalidation((tags, removed) => {
          const urls = purgeUrls(prefix, tags, removed, filePrefix)
          if (urls.length) void Promise.resolve().then(() => purge(urls)).catch((error: Error) => payload.logger.warn(`onPurge failed: ${error.message}`))
        })
      }
      // SQLite: planner statistics and page cache the list's indexes rely on.
      const tuning = sqliteReadTuning(payload, options.slugs.articles)
      const destroy = payload.db.destroy?.bind(payload.db)
      payload.db.destroy = async () => {
        tuning?.stop()
        await bus?.stop()
        await destroy?.()
      }
      // The list's region entries, for a database that has articles from before them (SQL databases only).
      await reconcileListEntries(payload, options)
      await tuning?.start()
      if (bus) await Promise.race([bus.ready, new Promise((resolve) => setTimeout(resolve, 3_000).unref())])
    }
    return config
  }

export { createPublicApi } from './public-api/public-api'
export { resolveOptions } from './options'
export { runtimeOf, type RegionalNewsRuntime } from './runtime'
export { seedRegions, type SeedRegionsOptions, type SeedRegionsResult } from './seed/seed-regions'
export { SEED_REGIONS_COMMAND } from './seed/seed-regions-command'
