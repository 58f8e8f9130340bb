import type { Payload, PayloadRequest } from 'payload'
import type { ResolvedOptions } from '../options'
import type { ResponseCache } from '../cache/response-cache'
import { runtimeOf } from '../runtime'

type Id = string | number

export interface IndexedRegion {
  id: Id
  code: string
  level: 'province' | 'city'
  parentId?: Id
  childIds: Id[]
}

export interface RegionIndex {
  byCode: Map<string, IndexedRegion>
  byId: Map<Id, IndexedRegion>
}

const load = async (payload: Payload, options: ResolvedOptions, req?: PayloadRequest): Promise<RegionIndex> => {
  const { docs } = await payload.find({
    collection: options.slugs.regions as never,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { code: true, level: true, parent: true } as never,
    req,
  })
  const byCode = new Map<string, IndexedRegion>()
  const byId = new Map<Id, IndexedRegion>()
  for (const doc of docs as unknown as { id: Id; code: string; level: 'province' | 'city'; parent?: Id | null }[]) {
    const region: IndexedRegion = { id: doc.id, code: doc.code, level: doc.level, parentId: doc.parent ?? undefined, childIds: [] }
    byCode.set(doc.code, region)
    byId.set(doc.id, region)
  }
  for (const region of byId.values()) if (region.parentId !== undefined) byId.get(region.parentId)?.childIds.push(region.id)
  return { byCode, byId }
}

/** Active regions by code and id, rebuilt after regions change; the article filter needs parents and children. */
export const createRegionIndexMemo = (cache: ResponseCache) => {
  let memo: { generation: number; index: Promise<RegionIndex> } | undefined
  return {
    /** `req` reads inside the caller's transaction (an edit's hook). */
    get(payload: Payload, options: ResolvedOptions, req?: PayloadRequest): Promise<RegionIndex> {
      const generation = cache.regionsVersion
      if (!memo || memo.generation !== generation) {
        const index = load(payload, options, req)
        memo = { generation, index }
        index.catch(() => {
          if (memo?.index === index) memo = undefined
        })
      }
      return memo.index
    },
  }
}

export type RegionIndexMemo = ReturnType<typeof createRegionIndexMemo>

/** This instance's region index. */
export const getRegionIndex = (payload: Payload, options: ResolvedOptions): Promise<RegionIndex> => runtimeOf(payload).regionIndex.get(payload, options)

/**
 * Region rule: a city matches articles tagged with it or its province; a province matches articles tagged with it
 * or any of its cities. Nationwide articles (no regions) match everywhere.
 */
export const regionIdsMatching = (region: IndexedRegion): Id[] =>
  region.level === 'city'
    ? [region.id, ...(region.parentId !== undefined ? [region.parentId] : [])]
    : [region.id, ...region.childIds]
