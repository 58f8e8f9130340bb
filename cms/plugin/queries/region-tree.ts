import type { Payload } from 'payload'
import type { ContentLocale, RegionTreeResponse } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import { fastReader } from './read-path'
import { buildRegionTree as referenceRegionTree } from './reference/region-tree'
import { sqlRegionTree } from './sql/region-tree'

export { assembleRegionTree, type ChineseNames, REGION_SOURCE_NOTE, type RegionDoc, regionNode } from './region-tree-shape'

/** The region tree: SQL on Drizzle adapters, the Local API reference elsewhere (MongoDB). */
export const buildRegionTree = (payload: Payload, options: ResolvedOptions, locale: ContentLocale): Promise<RegionTreeResponse> => {
  const reader = fastReader(payload, options)
  return reader ? sqlRegionTree(options, reader, locale) : referenceRegionTree(payload, options, locale)
}
