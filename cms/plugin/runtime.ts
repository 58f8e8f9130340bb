import type { Payload } from 'payload'
import type { ResponseCache } from './cache/response-cache'
import type { ResolvedOptions } from './options'
import type { PublicApi } from './public-api/public-api'
import type { PublicFiles } from './public-api/public-files'
import type { RegionIndexMemo } from './queries/region-index'
import type { RegionTreeMemo } from './queries/region-tree-memo'
import type { Site } from './site/site-routes'

/**
 * What the plugin keeps per Payload instance: options, response cache, region index and the public API (with its
 * rate limiter). Stored in the instance's config (`config.custom.regionalNews`), never in module state: Next's
 * bundle and the front server load separate copies of these modules, and one process may run several instances.
 */
export interface RegionalNewsRuntime {
  options: ResolvedOptions
  cache: ResponseCache
  regionIndex: RegionIndexMemo
  /** The region tree per locale for pages, feeds and fragments, rebuilt after regions change. */
  regionTrees: RegionTreeMemo
  publicApi: PublicApi
  /** Which upload files anonymous readers may load (the front server's media path). */
  publicFiles: PublicFiles
  /** Server-rendered pages, feeds and sitemaps, for a server mounting them at the site's root. */
  site: Site
}

/** The runtime the plugin registered in this Payload's config (for a server mounting the public API outside Payload). */
export const runtimeOf = (payload: Pick<Payload, 'config'>): RegionalNewsRuntime => {
  const runtime = (payload.config.custom as { regionalNews?: RegionalNewsRuntime } | undefined)?.regionalNews
  if (!runtime) throw new Error('The regionalNews plugin is not enabled in this Payload config')
  return runtime
}
