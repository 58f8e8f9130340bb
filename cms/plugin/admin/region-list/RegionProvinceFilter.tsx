import type { Payload } from 'payload'
import React from 'react'
import { adminText } from '../admin-text'
import { ProvinceFilterSelect } from './ProvinceFilterSelect'

type Id = string | number
interface Props {
  payload: Payload
  collectionConfig?: { slug: string }
  i18n?: { language: string }
  locale?: { code: string }
  user?: unknown
}

/**
 * Above the regions list: "省份 / Province", the provinces that have cities, each with how many. Choosing one filters
 * the list on 上级 / Parent (its cities), the same condition the list's own filters write.
 */
export const RegionProvinceFilter = async ({ payload, collectionConfig, i18n, locale, user }: Props) => {
  if (!collectionConfig) return null
  const { docs } = await payload.find({
    collection: collectionConfig.slug as never,
    pagination: false,
    depth: 0,
    sort: 'code',
    locale: locale?.code as never,
    user,
    overrideAccess: false,
    select: { code: true, level: true, parent: true, name: true, shortName: true } as never,
  })
  const regions = docs as unknown as { id: Id; level: string; parent?: Id | null; name?: string; shortName?: string }[]
  const cities = new Map<string, number>()
  for (const r of regions) if (r.level === 'city' && r.parent != null) cities.set(String(r.parent), (cities.get(String(r.parent)) ?? 0) + 1)
  const provinces = regions
    .filter((r) => r.level === 'province' && cities.has(String(r.id)))
    .map((r) => ({ id: String(r.id), name: r.shortName || r.name || String(r.id), cities: cities.get(String(r.id))! }))
  const text = adminText(i18n?.language ?? 'zh')
  return <ProvinceFilterSelect provinces={provinces} field="parent" text={{ label: text.province, all: text.allProvinces, option: text.provinceOption }} />
}
