import type { Payload } from 'payload'
import type { ContentLocale, RegionTreeResponse } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localApiFallback } from '../../locale-fallback'
import { assembleRegionTree, type RegionDoc } from '../region-tree-shape'

/** Every active province with its active cities, compact. */
export const buildRegionTree = async (
  payload: Payload,
  options: ResolvedOptions,
  locale: ContentLocale,
): Promise<RegionTreeResponse> => {
  const find = async (inLocale: string, select: Record<string, true>) =>
    (
      await payload.find({
        collection: options.slugs.regions as never,
        pagination: false,
        depth: 0,
        locale: inLocale as never,
        fallbackLocale: localApiFallback(options.fallbackOf[inLocale]) as never,
        overrideAccess: false,
        select: select as never,
      })
    ).docs as unknown as RegionDoc[]
  const docs = await find(locale, {
    code: true, name: true, shortName: true, level: true, parent: true, pinyin: true, initials: true, letter: true,
    hot: true, latitude: true, longitude: true, phone: true, order: true,
  })
  // The suffix kind is read from the Chinese names, also for a tree in another language.
  const zhLocale = options.locales.find((l) => /^zh/i.test(l))
  const zhDocs = locale === zhLocale ? docs : zhLocale ? await find(zhLocale, { code: true, name: true, shortName: true }) : []
  return assembleRegionTree(docs, new Map(zhDocs.map((d) => [d.code, d])))
}
