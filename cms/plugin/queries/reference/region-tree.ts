import type { Payload } from 'payload'
import type { ContentLocale, RegionTreeResponse } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { assembleRegionTree, type RegionDoc } from '../region-tree-shape'

/** Every active province with its active cities, compact. */
export const buildRegionTree = async (
  payload: Payload,
  options: ResolvedOptions,
  locale: ContentLocale,
): Promise<RegionTreeResponse> => {
  const { docs } = await payload.find({
    collection: options.slugs.regions as never,
    pagination: false,
    depth: 0,
    locale,
    fallbackLocale: options.locales[0] as never,
    overrideAccess: false,
    select: {
      code: true, name: true, shortName: true, level: true, parent: true, pinyin: true, hot: true, latitude: true, longitude: true, phone: true, order: true,
    } as never,
  })
  return assembleRegionTree(docs as unknown as RegionDoc[])
}
