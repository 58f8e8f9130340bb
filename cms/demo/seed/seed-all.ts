import { createHash, randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { resolveOptions, seedRegions, type RegionalNewsOptions } from '../../plugin'
import { demoArticles, demoCategories, demoRegionPhones, type DemoArticle, type Localized } from './demo-content'
import { renderCover } from './demo-images'

export interface SeedAllOptions {
  log?: (line: string) => void
  /** Defaults to ADMIN_EMAIL, then admin@example.com. */
  adminEmail?: string
  /** Defaults to ADMIN_PASSWORD, then a random password printed once. */
  adminPassword?: string
}

export interface SeedAllResult {
  regions: { created: number; existing: number }
  categories: { created: number; existing: number }
  /** `password` is set only when it was generated here (it is printed once and never stored in clear). */
  admin: { created: boolean; email?: string; password?: string }
  articles: { created: number; existing: number; skipped: number }
  covers: number
}

type Id = string | number
type Doc = { id: Id } & Record<string, unknown>

const DAY = 24 * 60 * 60 * 1000

/** A plausible, stable read count per article. */
const viewsFor = (slug: string) => 50 + (createHash('sha1').update(slug).digest().readUInt32BE(0) % 851)

/** 09:30 Beijing time, `daysAgo` days before now; never later than now. */
const publishDate = (daysAgo: number, now = Date.now()) => {
  const day = new Date(now - daysAgo * DAY)
  day.setUTCHours(1, 30, 0, 0)
  return new Date(Math.min(day.getTime(), now)).toISOString()
}

const slugsOf = (payload: Payload) => {
  const custom = payload.config.custom as { regionalNews?: { options?: { slugs?: RegionalNewsOptions['slugs'] } } } | undefined
  return resolveOptions({ slugs: custom?.regionalNews?.options?.slugs }).slugs
}

/** Every document of a collection as `key → id`, in one query. */
const idsBy = async (payload: Payload, collection: string, key: string): Promise<Map<string, Id>> => {
  const { docs } = await payload.find({
    collection: collection as never,
    pagination: false,
    depth: 0,
    select: { [key]: true } as never,
    overrideAccess: true,
  })
  return new Map((docs as unknown as Record<string, unknown>[]).map((doc) => [String(doc[key]), doc.id as Id]))
}

/**
 * Demo data: regions, categories, an admin user, published articles with covers and read counts.
 * Idempotent: creates only what is missing (matched by code, slug or "any user") and never changes an existing
 * record, since an admin may have edited it.
 */
export const seedAll = async (payload: Payload, options: SeedAllOptions = {}): Promise<SeedAllResult> => {
  const log = options.log ?? ((line: string) => console.log(line))
  const slugs = slugsOf(payload)

  const regions = await seedRegions(payload, { slug: slugs.regions, log })
  // Only on the regions created now: an editor may have set or cleared a phone since.
  if (regions.created > 0) await seedRegionPhones(payload, slugs.regions)

  // Categories
  const categoryIds = await idsBy(payload, slugs.categories, 'slug')
  let categoriesCreated = 0
  for (const category of demoCategories) {
    if (categoryIds.has(category.slug)) continue
    const doc = (await payload.create({
      collection: slugs.categories as never,
      locale: 'zh',
      data: { name: category.name.zh, slug: category.slug, description: category.description.zh, order: category.order } as never,
    })) as Doc
    await payload.update({
      collection: slugs.categories as never,
      id: doc.id,
      locale: 'en',
      data: { name: category.name.en, description: category.description.en } as never,
    })
    categoryIds.set(category.slug, doc.id)
    categoriesCreated++
  }
  const categories = { created: categoriesCreated, existing: demoCategories.length - categoriesCreated }
  log(`seed: categories ${categories.created} created, ${categories.existing} existing`)

  const admin = await seedAdmin(payload, options, log)

  // Articles (with their covers: an image is made only for an article created now)
  const regionIds = await idsBy(payload, slugs.regions, 'code')
  const existingSlugs = new Set(
    (
      await payload.find({
        collection: slugs.articles as never,
        where: { slug: { in: demoArticles.map((a) => a.slug) } },
        pagination: false,
        depth: 0,
        select: { slug: true } as never,
        overrideAccess: true,
      })
    ).docs.map((doc) => (doc as { slug?: string }).slug),
  )
  const missing = demoArticles.filter((article) => !existingSlugs.has(article.slug))
  // Rendering runs in sharp's thread pool, so all covers at once; uploads stay sequential (SQLite has one writer).
  const rendered = new Map(
    // Palettes in turn, so neighbouring cards differ.
    await Promise.all(missing.filter((a) => a.cover).map(async (a, i) => [a.slug, await renderCover(a.slug, i)] as const)),
  )
  let created = 0
  let skipped = 0
  let covers = 0
  const now = Date.now()
  for (const article of missing) {
    const category = categoryIds.get(article.category)
    if (category === undefined) {
      log(`seed: article ${article.slug} skipped: category ${article.category} is missing`)
      skipped++
      continue
    }
    const image = rendered.get(article.slug)
    const cover = image && article.cover ? await uploadCover(payload, slugs.media, article.slug, article.cover.alt, image) : undefined
    if (cover !== undefined) covers++
    await createArticle(payload, slugs, article, {
      category,
      regions: article.regions.map((code) => regionIds.get(code)).filter((id): id is Id => id !== undefined),
      cover,
      publishedAt: publishDate(article.daysAgo, now),
    })
    created++
  }
  const articles = { created, existing: demoArticles.length - created - skipped, skipped }
  log(`seed: articles ${created} created, ${articles.existing} existing; ${covers} covers uploaded`)

  return { regions, categories, admin, articles, covers }
}

const seedAdmin = async (payload: Payload, options: SeedAllOptions, log: (line: string) => void): Promise<SeedAllResult['admin']> => {
  const collection = payload.config.admin.user
  const { totalDocs } = await payload.count({ collection: collection as never, overrideAccess: true })
  if (totalDocs > 0) {
    log(`seed: users exist (${totalDocs}), no admin created`)
    return { created: false }
  }
  const email = options.adminEmail || process.env.ADMIN_EMAIL?.trim() || 'admin@example.com'
  const given = options.adminPassword || process.env.ADMIN_PASSWORD
  // No fixed default: without a given password, a random one is shown once.
  const password = given || randomBytes(18).toString('base64url')
  await payload.create({ collection: collection as never, data: { email, password, roles: ['admin'] } as never })
  if (given) {
    log(`seed: created admin user ${email} (password as given${options.adminPassword ? '' : ' in ADMIN_PASSWORD'})`)
    return { created: true, email }
  }
  log(`seed: created admin user ${email} with password ${password} — change it after logging in`)
  return { created: true, email, password }
}

const uploadCover = async (payload: Payload, collection: string, slug: string, alt: Localized, data: Buffer): Promise<Id> => {
  const media = (await payload.create({
    collection: collection as never,
    locale: 'zh',
    data: { alt: alt.zh } as never,
    file: { data, mimetype: 'image/jpeg', name: `${slug}.jpg`, size: data.length },
  })) as Doc
  await payload.update({ collection: collection as never, id: media.id, locale: 'en', data: { alt: alt.en } as never })
  return media.id
}

const createArticle = async (
  payload: Payload,
  slugs: ReturnType<typeof slugsOf>,
  article: DemoArticle,
  refs: { category: Id; regions: Id[]; cover?: Id; publishedAt: string },
) => {
  const doc = (await payload.create({
    collection: slugs.articles as never,
    locale: 'zh',
    data: {
      title: article.title.zh,
      slug: article.slug,
      excerpt: article.excerpt.zh,
      author: article.author,
      body: article.body,
      credits: article.credits.map((credit) => ({ label: credit.label.zh, value: credit.value })),
      category: refs.category,
      regions: refs.regions,
      cover: refs.cover,
      publishedAt: refs.publishedAt,
      featured: Boolean(article.featured),
      _status: 'published',
    } as never,
  })) as Doc & { credits?: { id: string; value: string }[] }

  // English title, excerpt and credit labels; the body falls back to Chinese. Without `draft: true` an update
  // publishes; _status is repeated so the new version is explicitly a published one, not a draft.
  await payload.update({
    collection: slugs.articles as never,
    id: doc.id,
    locale: 'en',
    data: {
      title: article.title.en,
      excerpt: article.excerpt.en,
      credits: (doc.credits ?? []).map((row, i) => ({ id: row.id, label: article.credits[i]!.label.en, value: row.value })),
      _status: 'published',
    } as never,
  })

  // The counter row was just created at 0 by the plugin's hook; set it only while still 0.
  await payload.db.updateOne({
    collection: slugs.articleViews as never,
    where: { and: [{ article: { equals: doc.id } }, { views: { equals: 0 } }] },
    data: { views: viewsFor(article.slug) },
    returning: false,
  })
}

const seedRegionPhones = async (payload: Payload, collection: string) => {
  const { docs } = await payload.find({
    collection: collection as never,
    where: { code: { in: Object.keys(demoRegionPhones) }, phone: { exists: false } },
    pagination: false,
    depth: 0,
    select: { code: true } as never,
    overrideAccess: true,
  })
  for (const doc of docs as unknown as { id: Id; code: string }[])
    await payload.update({ collection: collection as never, id: doc.id, data: { phone: demoRegionPhones[doc.code] } as never, overrideAccess: true })
}
