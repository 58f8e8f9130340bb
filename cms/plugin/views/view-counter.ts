import { createHash, createHmac } from 'node:crypto'
import type { Payload, Where } from 'payload'
import type { ViewResponse } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import { HttpError } from '../http/http-error'
import { runtimeOf } from '../runtime'
import { nextSiteMidnight, siteDay } from './site-day'

type Id = string | number
const VISITOR = /^[A-Za-z0-9_-]{8,64}$/

/** Receipt key: a hash salted per site day from the server secret, so yesterday's keys cannot be linked to today's. */
const receiptKey = (secret: string, visitor: string, articleId: Id, day: string) => {
  const daySalt = createHmac('sha256', secret).update(`views:${day}`).digest()
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

const incrementOnce = (payload: Payload, collection: string, where: Where) =>
  payload.db
    .updateOne({ collection, where, data: { views: { $inc: 1 } } as never })
    .then((row) => (row as { views?: number } | null)?.views ?? null)
    .catch(() => null)

/**
 * Adds one to a counter row in the database (no read-modify-write) and returns the new count. A missing row is
 * created with 0 first; a concurrent request may win that insert (unique key), then both increment.
 */
const upsertIncrement = async (payload: Payload, collection: string, where: Where, row: Record<string, unknown>): Promise<number> => {
  const views = await incrementOnce(payload, collection, where)
  if (views !== null) return views
  try {
    await payload.db.create({ collection, data: { ...row, views: 0 } })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
  const retried = await incrementOnce(payload, collection, where)
  if (retried === null) throw new Error(`${collection}: counter row missing after create`)
  return retried
}

/** Self-declared crawlers (Googlebot, Baiduspider, "… crawler"): not readers. */
const CRAWLER = /bot\b|bot\/|spider|crawler|crawling|slurp/i
export const isCrawler = (userAgent: string | null | undefined) => Boolean(userAgent && CRAWLER.test(userAgent))

/** The region the page says its reader chose: optional, else a known code (400 otherwise). */
const readerRegion = async (payload: Payload, options: ResolvedOptions, body: unknown): Promise<Id | undefined> => {
  const region = (body as { region?: unknown } | null)?.region
  if (region === undefined || region === null || region === '') return undefined
  if (typeof region !== 'string' || !/^\d{6}$/.test(region)) throw new HttpError(400, '"region" must be a 6-digit region code')
  const known = (await runtimeOf(payload).regionIndex.get(payload, options)).byCode.get(region)
  if (!known) throw new HttpError(400, `Unknown region "${region}"`)
  return known.id
}

/**
 * Records one view of a published article by an anonymous visitor: at most once per visitor, article and site day
 * (`views.timeZone`), enforced by a unique receipt in the database (holds across instances). The total, the day's
 * row for the article and, when the page names the reader's region, the day's row for that region are each
 * incremented in place. Self-declared crawlers are answered with the count but not counted.
 */
export const recordView = async (
  payload: Payload,
  options: ResolvedOptions,
  slug: string,
  body: unknown,
  now = Date.now(),
  userAgent?: string | null,
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
  const region = await readerRegion(payload, options, body)
  if (isCrawler(userAgent)) return { views: await readCount(payload, options, article.id), counted: false }

  const { timeZone } = options.views
  const day = siteDay(timeZone, now)
  let counted = true
  try {
    await payload.db.create({
      collection: options.slugs.viewReceipts,
      data: {
        key: receiptKey(payload.secret, visitor, article.id, day),
        expiresAt: new Date(nextSiteMidnight(timeZone, now)).toISOString(),
      },
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    counted = false
  }
  let views: number
  if (counted) {
    // One atomic increment per counter row: the total, the article's day, the article's day in the reader's region.
    views = await upsertIncrement(payload, options.slugs.articleViews, { article: { equals: article.id } }, { article: article.id })
    const days = options.slugs.articleViewDays
    for (const regionId of region === undefined ? [''] : ['', region]) {
      const key = `${day}|${article.id}|${regionId}`
      await upsertIncrement(payload, days, { key: { equals: key } }, { key, day, article: article.id, ...(regionId === '' ? {} : { region: regionId }) })
    }
  } else views = await readCount(payload, options, article.id)
  void pruneReceipts(payload, options, now).catch((error) => payload.logger.warn({ err: error }, 'view receipt pruning failed'))
  return { views, counted }
}
