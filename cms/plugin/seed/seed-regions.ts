import type { RegionalNewsRuntime } from '../runtime'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import regionData from './region-data.json'
import type { RegionRecord } from './region-record'


export interface SeedRegionsOptions {
  /** The regions collection's slug. */
  slug?: string
  log?: (line: string) => void
}

export interface SeedRegionsResult {
  created: number
  existing: number
}

type Id = string | number

/** Value of a localized text field in the adapter's all-locales shape: zh for zh*, en for en*, zh for the default. */
const localizer = (payload: Payload) => {
  const localization = payload.config.localization
  if (!localization) return (zh: string) => zh as unknown
  return (zh: string, en: string) => {
    const value: Record<string, string> = {}
    for (const code of localization.localeCodes) {
      if (code.toLowerCase().startsWith('zh')) value[code] = zh
      else if (code.toLowerCase().startsWith('en')) value[code] = en
    }
    value[localization.defaultLocale] ??= zh
    return value
  }
}

/**
 * Creates every region of region-data.json whose code is not in the collection yet, provinces before cities.
 * Existing regions are never touched: an admin may have edited them. Writes go straight to the database adapter
 * in one transaction (no per-record hooks or lookups), so ~400 rows take well under a second.
 */
export const seedRegions = async (
  payload: Payload,
  { slug = 'regions', log }: SeedRegionsOptions = {},
): Promise<SeedRegionsResult> => {
  const regions = (regionData as { regions: RegionRecord[] }).regions
  const { docs } = await payload.find({
    collection: slug as never,
    pagination: false,
    depth: 0,
    select: { code: true } as never,
    overrideAccess: true,
  })
  const idByCode = new Map<string, Id>((docs as unknown as { id: Id; code: string }[]).map((doc) => [doc.code, doc.id]))
  const missing = regions.filter((region) => !idByCode.has(region.code))
  const existing = regions.length - missing.length
  if (missing.length === 0) {
    log?.(`seed: regions 0 created, ${existing} existing`)
    return { created: 0, existing }
  }

  const localized = localizer(payload)
  const now = new Date().toISOString()
  const row = (region: RegionRecord, parent: Id | null) => ({
    name: localized(region.name, region.nameEn),
    shortName: localized(region.shortName, region.shortNameEn),
    code: region.code,
    level: region.level,
    parent,
    pinyin: region.pinyin,
    initials: region.initials,
    letter: region.letter,
    order: region.order,
    hot: region.hot,
    latitude: region.lat,
    longitude: region.lng,
    active: true,
    createdAt: now,
    updatedAt: now,
  })

  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  try {
    for (const region of missing.filter((r) => r.level === 'province')) {
      const doc = await payload.db.create({ collection: slug as never, data: row(region, null), req })
      idByCode.set(region.code, doc.id as Id)
    }
    for (const region of missing.filter((r) => r.level === 'city')) {
      const parent = region.parent ? idByCode.get(region.parent) : undefined
      if (parent === undefined) throw new Error(`region ${region.code}: parent ${region.parent} not found`)
      await payload.db.create({ collection: slug as never, data: row(region, parent), req, returning: false })
    }
    if (ownTransaction) await commitTransaction(req)
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
  // The adapter bypasses the collection hooks that normally clear cached public responses.
  ;(payload.config.custom as { regionalNews?: RegionalNewsRuntime } | undefined)?.regionalNews?.cache.invalidate('all')
  log?.(`seed: regions ${missing.length} created, ${existing} existing`)
  return { created: missing.length, existing }
}
