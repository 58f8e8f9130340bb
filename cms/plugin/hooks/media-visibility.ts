import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import type { ResolvedOptions } from '../options'
import { mediaFileNames } from '../cache/tags'
import { idOf } from './article-derived-fields'

type Id = string | number
const refsOf = (doc: { mediaRefs?: unknown[] | null } | undefined): Id[] =>
  (doc?.mediaRefs ?? []).map(idOf).filter((id): id is Id => id !== undefined)

/** Told the file names of an image whose public status flipped (the plugin drops their cached lookups). */
export type VisibilityListener = (req: PayloadRequest, files: string[]) => Promise<void>

/** Marks each touched image public exactly while some published article shows it. */
const syncMedia = async (options: ResolvedOptions, req: PayloadRequest, ids: Id[], onFlip?: VisibilityListener) => {
  for (const id of new Set(ids)) {
    const { totalDocs } = await req.payload.count({
      collection: options.slugs.articles as never,
      where: { and: [{ mediaRefs: { in: [id] } }, { _status: { equals: 'published' } }] },
      overrideAccess: true,
      req,
    })
    const media = await req.payload.db.findOne<{ id: Id; usedByPublished?: boolean; filename?: string; sizes?: unknown }>({
      collection: options.slugs.media,
      where: { id: { equals: id } },
      req,
    })
    const used = totalDocs > 0
    if (media && Boolean(media.usedByPublished) !== used) {
      await req.payload.db.updateOne({ collection: options.slugs.media, id, data: { usedByPublished: used }, req })
      await onFlip?.(req, mediaFileNames(media as Record<string, unknown>))
    }
  }
}

export const syncMediaAfterChange =
  (options: ResolvedOptions, onFlip?: VisibilityListener): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await syncMedia(options, req, [...refsOf(doc), ...refsOf(previousDoc)], onFlip)
    return doc
  }

export const syncMediaAfterDelete =
  (options: ResolvedOptions, onFlip?: VisibilityListener): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await syncMedia(options, req, refsOf(doc), onFlip)
    return doc
  }
