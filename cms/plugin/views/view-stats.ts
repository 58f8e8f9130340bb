import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook, FieldHook } from 'payload'
import type { ResolvedOptions } from '../options'

/** Every article gets its counter row when created, so the view endpoint only ever increments. */
export const createViewCounter =
  (options: ResolvedOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const existing = await req.payload.db.findOne({ collection: options.slugs.articleViews, where: { article: { equals: doc.id } }, req })
    if (!existing) await req.payload.db.create({ collection: options.slugs.articleViews, data: { article: doc.id, views: 0 }, req })
    return doc
  }

// Before, not after: the counter row references the article, and some databases null or block that reference on delete.
export const deleteViewCounter =
  (options: ResolvedOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await req.payload.db.deleteMany({ collection: options.slugs.articleViews, where: { article: { equals: id } }, req })
    await req.payload.db.deleteMany({ collection: options.slugs.articleViewDays, where: { article: { equals: id } }, req })
  }

/** The admin shows the count read-only; anonymous REST reads skip the lookup (the public endpoints batch it). */
export const readViewCount =
  (options: ResolvedOptions): FieldHook =>
  async ({ data, req }) => {
    if (!req.user || data?.id == null) return undefined
    const row = await req.payload.db.findOne<{ id: string | number; views?: number }>({
      collection: options.slugs.articleViews,
      where: { article: { equals: data.id } },
      req,
    })
    return row?.views ?? 0
  }
