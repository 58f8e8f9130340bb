import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { idOf } from '../hooks/article-derived-fields'
import type { ResolvedOptions } from '../options'
import type { RegionIndex, RegionIndexMemo } from '../queries/region-index'
import type { ResponseCache } from './response-cache'
import { articleEditTags, categoryEditTags, fileTags, mediaDocEditTags, type PublicArticleState, type RegionRef, regionEditTags } from './tags'

type Id = string | number
type Doc = Record<string, unknown> & { id?: Id }

export interface InvalidationContext {
  cache: ResponseCache
  regionIndex: RegionIndexMemo
  options: ResolvedOptions
}

type Kind = 'articles' | 'categories' | 'regions' | 'media'

const refOf = (index: RegionIndex, id: Id | undefined): RegionRef | undefined => {
  const region = id === undefined ? undefined : index.byId.get(id)
  if (!region) return undefined
  const parent = region.parentId === undefined ? undefined : index.byId.get(region.parentId)
  return {
    code: region.code,
    level: region.level,
    parentCode: parent?.code,
    childCodes: region.childIds.flatMap((child) => index.byId.get(child)?.code ?? []),
  }
}

const categorySlugs = async (ctx: InvalidationContext, req: PayloadRequest, ids: Id[]): Promise<Map<string, string>> => {
  if (!ids.length) return new Map()
  const { docs } = await req.payload.find({
    collection: ctx.options.slugs.categories as never,
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { slug: true } as never,
  })
  return new Map((docs as unknown as { id: Id; slug: string }[]).map((d) => [String(d.id), d.slug]))
}

/** An article version the public could see: published (a draft saved over it may replace what shows). */
const wasPublic = (doc: Doc | undefined): doc is Doc => Boolean(doc && doc._status === 'published')

const articleTags = async (ctx: InvalidationContext, req: PayloadRequest, versions: (Doc | undefined)[]): Promise<string[]> => {
  const visible = versions.filter(wasPublic)
  if (!visible.length) return []
  const slugs = await categorySlugs(ctx, req, visible.flatMap((v) => idOf(v.category) ?? []))
  const index = await ctx.regionIndex.get(req.payload, ctx.options, req).catch(() => undefined)
  const states: PublicArticleState[] = visible.map((v) => {
    const category = idOf(v.category)
    return {
      id: v.id!,
      slug: typeof v.slug === 'string' ? v.slug : undefined,
      categorySlug: category === undefined ? undefined : slugs.get(String(category)),
      regions: ((v.regions as unknown[] | undefined) ?? []).map((r) => (index ? refOf(index, idOf(r)) : undefined)),
    }
  })
  return articleEditTags(states)
}

const regionTags = async (ctx: InvalidationContext, req: PayloadRequest, versions: (Doc | undefined)[]): Promise<string[]> => {
  const index = await ctx.regionIndex.get(req.payload, ctx.options, req)
  const refs = versions.flatMap((v): RegionRef[] => {
    if (!v || typeof v.code !== 'string') return []
    const parentId = idOf(v.parent)
    return [{
      code: v.code,
      level: v.level === 'city' ? 'city' : 'province',
      // From the version itself: a city moved to another province touches both provinces' lists.
      parentCode: parentId === undefined ? undefined : index.byId.get(parentId)?.code,
      childCodes: refOf(index, v.id)?.childCodes ?? [],
    }]
  })
  return regionEditTags(refs)
}

const tagsFor = (ctx: InvalidationContext, kind: Kind, req: PayloadRequest, versions: (Doc | undefined)[], deleted: boolean): Promise<string[]> | string[] => {
  if (kind === 'articles') return articleTags(ctx, req, versions)
  if (kind === 'categories') return categoryEditTags(versions.map((v) => v?.slug as string | undefined))
  if (kind === 'regions') return regionTags(ctx, req, versions)
  return mediaDocEditTags(versions, deleted)
}

/** Drops `tags` now and, inside a transaction, again once it commits. */
const dropTags = async (ctx: InvalidationContext, req: PayloadRequest, tags: string[] | 'all') => {
  if (tags !== 'all' && tags.length === 0) return
  // A real transaction id is a string or number. Without transactions (SQLite by default) Payload leaves a promise of
  // null here, which its dataloader may replace with `{}` (a JSON copy of that promise): neither will be committed.
  const transaction = await req.transactionID
  ctx.cache.invalidate(tags, { inTransaction: typeof transaction === 'string' || typeof transaction === 'number' })
}

const drop = async (ctx: InvalidationContext, kind: Kind, req: PayloadRequest, versions: (Doc | undefined)[], deleted = false) => {
  let tags: string[] | 'all'
  try {
    tags = await tagsFor(ctx, kind, req, versions, deleted)
  } catch (error) {
    // Not knowing what an edit touched must never leave a stale answer: drop everything.
    req.payload.logger.warn(`cache: could not work out what a ${kind} edit touched (${(error as Error).message}); dropping all`)
    tags = 'all'
  }
  await dropTags(ctx, req, tags)
}

/** Files whose public status changed (media-visibility.ts): their cached lookups here and elsewhere, their CDN copies. */
export const invalidateFiles = (ctx: InvalidationContext) => (req: PayloadRequest, names: string[]) => dropTags(ctx, req, fileTags(names))

/** Drops the cached public responses a change touches (again after the transaction commits). */
export const invalidateOnChange =
  (ctx: InvalidationContext, kind: Kind): CollectionAfterChangeHook =>
  async ({ req, doc, previousDoc }) => {
    await drop(ctx, kind, req, [doc, previousDoc])
    return doc
  }

export const invalidateOnDelete =
  (ctx: InvalidationContext, kind: Kind): CollectionAfterDeleteHook =>
  async ({ req, doc }) => {
    await drop(ctx, kind, req, [doc], true)
    return doc
  }
