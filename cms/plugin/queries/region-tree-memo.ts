import type { Payload } from 'payload'
import type { ContentLocale, RegionTreeResponse } from '../../../wire/index'
import type { ResponseCache } from '../cache/response-cache'
import type { ResolvedOptions } from '../options'
import { buildRegionTree } from './region-tree'

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * The region tree per locale, built again only after regions change (the cache's `regionsVersion`). Pages, feeds and
 * fragments need it for a city's name and the picker's label; building it costs more than rendering a page of cards
 * (~2.7 ms of CPU for 389 regions), and it followed every page miss. Kept no longer than a cached answer (the TTL
 * bounds staleness when another instance's notice is missed). Frozen: every caller shares the same object.
 */
export const createRegionTreeMemo = (cache: ResponseCache) => {
  const memo = new Map<string, { version: number; builtAt: number; tree: Promise<RegionTreeResponse> }>()
  return {
    get(payload: Payload, options: ResolvedOptions, locale: ContentLocale): Promise<RegionTreeResponse> {
      // With the response cache off, every request reads the database (what that mode is for).
      if (!options.publicApi.cache) return buildRegionTree(payload, options, locale)
      const version = cache.regionsVersion
      const now = Date.now()
      const known = memo.get(locale)
      if (known && known.version === version && now - known.builtAt <= cache.limits.ttlMs) return known.tree
      const tree = buildRegionTree(payload, options, locale).then(deepFreeze)
      memo.set(locale, { version, builtAt: now, tree })
      // A failed build is not kept: the next request tries again.
      tree.catch(() => {
        if (memo.get(locale)?.tree === tree) memo.delete(locale)
      })
      return tree
    },
  }
}

export type RegionTreeMemo = ReturnType<typeof createRegionTreeMemo>
