import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { seedRegions } from '../cms/plugin'
import { databaseFromUrl } from '../cms/database'
import { createConfig } from '../payload.config'
import { type BenchRegion, seedArticles } from './seed-articles'

/** This run's secret (bench/api.ts sets a random one before anything loads Payload). */
export const benchSecret = () => {
  const secret = process.env.PAYLOAD_SECRET
  if (!secret) throw new Error('bench: PAYLOAD_SECRET must be set before the bench database is made')
  return secret
}

const CATEGORIES = [
  { slug: 'industry', zh: '行业新闻', en: 'Industry news' },
  { slug: 'policy', zh: '政策法规', en: 'Policy' },
  { slug: 'enterprise', zh: '企业动态', en: 'Companies' },
  { slug: 'market', zh: '市场行情', en: 'Markets' },
  { slug: 'technology', zh: '技术创新', en: 'Technology' },
]

export interface BenchDatabase {
  url: string
  payload: Payload
  categoryIds: number[]
  regions: BenchRegion[]
  /** Adds `count` published articles; returns the seconds it took. */
  addArticles: (count: number) => Promise<number>
  /** Closes this process's connection; the file stays for a server to open. */
  close: () => Promise<void>
  /** Deletes the database files. */
  remove: () => void
}

/**
 * A fresh SQLite database with the schema from the committed migrations (as the production server expects it),
 * every region, five categories, and articles added in bulk on demand.
 */
export const createBenchDatabase = async (): Promise<BenchDatabase> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'regional-news-bench-'))
  const url = `file:${path.join(dir, 'bench.db')}`
  const config = await createConfig({ db: await databaseFromUrl(url), secret: benchSecret(), mediaDir: path.join(dir, 'media') })
  const payload = await getPayload({ config, key: url })

  await seedRegions(payload, {})
  const categoryIds: number[] = []
  for (const [order, category] of CATEGORIES.entries()) {
    const doc = await payload.create({ collection: 'categories', locale: 'zh', data: { name: category.zh, slug: category.slug, order } as never })
    await payload.update({ collection: 'categories', id: doc.id, locale: 'en', data: { name: category.en } as never })
    categoryIds.push(doc.id as number)
  }
  const { docs } = await payload.find({ collection: 'regions', pagination: false, depth: 0, select: { level: true } as never, overrideAccess: true })
  const regions = (docs as unknown as BenchRegion[]).map(({ id, level }) => ({ id, level }))

  return {
    url,
    payload,
    categoryIds,
    regions,
    addArticles: async (count) => {
      const start = performance.now()
      await seedArticles(payload, { count, categoryIds, regions })
      return (performance.now() - start) / 1000
    },
    close: () => payload.destroy(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
