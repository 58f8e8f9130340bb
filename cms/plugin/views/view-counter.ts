import { createHash, createHmac } from 'node:crypto'
import type { Payload } from 'payload'
import type { ViewResponse } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import { HttpError } from '../http/http-error'

type Id = string | number
const VISITOR = /^[A-Za-z0-9_-]{8,64}$/
const DAY_MS = 86_400_000

const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10)

/** Receipt key: a hash salted per day from the server secret, so yesterday's keys cannot be linked to today's. */
const receiptKey = (secret: string, visitor: string, articleId: Id, now: number) => {
  const daySalt = createHmac('sha256', secret).update(`views:${utcDay(now)}`).digest()
  return createHash('sha256').update(daySalt).update(`${visitor}:${articleId}`).digest('base64url')
}

const isUniqueViolation = (error: unknown) => {
  const text = `${(error as { message?: string })?.message ?? ''} ${JSON.stringify((error as { data?: unknown })?.data ?? '')}`
  return /unique|duplicate|already|E11000|SQLITE_CONSTRAINT/i.test(text) || (error as { status?: number })?.status === 400
}

// Per Payload instance, not per process: two instances prune their own schedules.
const lastPrune = new WeakMap<Payload, number>()

/** Deletes receipts past the dedupe window; at most once a minute per instance. */
const pruneReceipts = async (payload: Payload, options: ResolvedOptions, now: number) => {
  if (now - (lastPrune.get(payload) ?? 0) < 60_000) return
  lastPrune.set(payload, now)
  await payload.db.deleteMany({
    collection: options.slugs.viewReceipts,
    where: { expiresAt: { less_than: new Date(now).toISOString() } },
  })
}

const readCount = async (payload: Payload, options: ResolvedOptions, articleId: Id): Promise<number> => {
  const row = await payload.db.findOne<{ id: Id; views?: number }>({
    collection: options.slugs.articleViews,
    where: { article: { equals: articleId } },
  })
  return row?.views ?? 0
}

const incrementOnce = (payload: Payload, options: ResolvedOptions, articleId: Id) =>
  payload.db
    .updateOne({
      collection: options.slugs.articleViews,
      where: { article: { equals: articleId } },
      data: { views: { $inc: 1 } } as never,
    })
    .then((row) => (row as { views?: number } | null)?.views ?? null)
    .catch(() => null)

/** Adds one in the database (no read-modify-write) and returns the new count. */
const increment = async (payload: Payload, options: ResolvedOptions, articleId: Id): Promise<number> => {
  const views = await incrementOnce(payload, options, articleId)
  if (views !== null) return views
  // No counter row yet (article created outside the hooks): create it; a concurrent request may win that race.
  try {
    await payload.db.create({ collection: options.slugs.articleViews, data: { article: articleId, views: 0 } })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
  const retried = await incrementOnce(payload, options, articleId)
  if (retried === null) throw new Error('view counter row missing after create')
  return retried
}

/**
 * Records one view of a published article by an anonymous visitor: at most once per visitor, article and UTC day,
 * enforced by a unique receipt in the database (holds across instances). The count is incremented in place.
 */
export const recordView = async (
  payload: Payload,
  options: ResolvedOptions,
  slug: string,
  body: unknown,
  now = Date.now(),
): Promise<ViewResponse> => {
  const visitor = (body as { visitor?: unknown } | null)?.visitor
  if (typeof visitor !== 'string' || !VISITOR.test(visitor)) {
    throw new HttpError(400, '"visitor" must be 8–64 characters of letters, digits, "-" or "_"')
  }
  const { docs } = await payload.find({
    collection: options.slugs.articles as never,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { slug: true } as never,
  })
  const article = docs[0] as unknown as { id: Id } | undefined
  if (!article) throw new HttpError(404, `No published article "${slug}"`)

  let counted = true
  try {
    await payload.db.create({
      collection: options.slugs.viewReceipts,
      data: {
        key: receiptKey(payload.secret, visitor, article.id, now),
        expiresAt: new Date(Math.floor(now / DAY_MS) * DAY_MS + DAY_MS).toISOString(),
      },
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    counted = false
  }
  const views = counted ? await increment(payload, options, article.id) : await readCount(payload, options, article.id)
  void pruneReceipts(payload, options, now).catch((error) => payload.logger.warn({ err: error }, 'view receipt pruning failed'))
  return { views, counted }
}
