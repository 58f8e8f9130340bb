import type { Payload } from 'payload'

type Id = number

export interface BenchRegion {
  id: Id
  level: 'province' | 'city'
}

export interface SeedArticlesOptions {
  count: number
  categoryIds: Id[]
  regions: BenchRegion[]
  /** Rows per batch (one multi-row INSERT per table per batch). */
  batchSize?: number
}

interface LibsqlClient {
  execute: (stmt: { sql: string; args: unknown[] } | string) => Promise<{ rows: Record<string, unknown>[] }>
  batch: (stmts: { sql: string; args: unknown[] }[], mode: 'write') => Promise<unknown>
}

// Fixed clock so runs are comparable; article n is published n × 7 minutes before it.
const NEWEST = Date.UTC(2026, 10, 1, 9, 30)

/** Small deterministic PRNG (mulberry32): the same data on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const paragraph = (text: string) => ({
  type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '',
  children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
})
const body = (title: string) =>
  JSON.stringify({
    root: {
      type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
      children: [
        paragraph(`${title}。本文为基准测试生成的示例内容，用于衡量公共读取路径的性能。`),
        paragraph('托盘循环共用、仓储物流与供应链协同的最新动态，涵盖政策、企业与区域市场。'),
        paragraph('Generated benchmark content: a few paragraphs so detail pages render real HTML.'),
      ],
    },
  })

const insert = (table: string, columns: string[], rows: unknown[][]) => ({
  sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
  args: rows.flat(),
})

/**
 * Bulk-inserts published articles straight into SQLite: the same rows Payload and the plugin's hooks write (main
 * table, locales, relationship rows, one published version each, a view counter, the list entries), without hooks,
 * many rows per statement.
 * Continues after the articles already there, each new one older than the last.
 */
export const seedArticles = async (payload: Payload, { count, categoryIds, regions, batchSize = 500 }: SeedArticlesOptions) => {
  const client = (payload.db as unknown as { client?: LibsqlClient }).client
  if (!client) throw new Error('bench seeding needs the SQLite adapter')
  const maxId = async (table: string) => Number((await client.execute(`SELECT coalesce(max(id), 0) AS n FROM "${table}"`)).rows[0]!.n)
  const firstArticle = (await maxId('articles')) + 1
  const firstVersion = (await maxId('_articles_v')) + 1
  const rand = random(firstArticle)
  const cities = regions.filter((r) => r.level === 'city')
  const provinces = regions.filter((r) => r.level === 'province')
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const now = new Date().toISOString()

  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start)
    const articles: unknown[][] = []
    const locales: unknown[][] = []
    const rels: unknown[][] = []
    const versions: unknown[][] = []
    const versionLocales: unknown[][] = []
    const versionRels: unknown[][] = []
    const views: unknown[][] = []
    const entries: unknown[][] = []
    for (let k = 0; k < size; k++) {
      const n = firstArticle + start + k
      const versionId = firstVersion + start + k
      const slug = `bench-${n}`
      const category = categoryIds[n % categoryIds.length]!
      const publishedAt = new Date(NEWEST - n * 7 * 60_000).toISOString()
      const featured = n % 17 === 0 ? 1 : 0
      const tags = rand() < 0.25 ? [] : rand() < 0.7 ? [pick(rand() < 0.8 ? cities : provinces)] : [pick(cities), pick(cities)]
      const regionIds = [...new Set(tags.map((r) => r.id))]
      const nationwide = regionIds.length === 0 ? 1 : 0
      const author = `记者${n % 40}`
      const zhTitle = `区域新闻第${n}号：托盘循环共用进展`
      const enTitle = `Regional news no. ${n}: pallet pooling update`
      const zhExcerpt = `${zhTitle}。本文为基准测试生成的示例内容。`
      const enExcerpt = `${enTitle}. Generated benchmark content.`

      articles.push([n, slug, author, category, publishedAt, featured, nationwide, now, now, 'published'])
      locales.push([zhTitle, zhExcerpt, body(zhTitle), 'zh', n])
      if (n % 2 === 0) locales.push([enTitle, enExcerpt, body(enTitle), 'en', n])
      regionIds.forEach((id, order) => rels.push([order + 1, n, 'regions', id]))
      // The list entries the plugin's hooks keep (collections/article-list-entries.ts): published, not nationwide.
      regionIds.forEach((id) => entries.push([n, id, category, publishedAt, featured]))

      versions.push([versionId, n, slug, author, category, publishedAt, featured, nationwide, now, now, 'published', now, now, 1])
      versionLocales.push([zhTitle, zhExcerpt, body(zhTitle), 'zh', versionId])
      if (n % 2 === 0) versionLocales.push([enTitle, enExcerpt, body(enTitle), 'en', versionId])
      regionIds.forEach((id, order) => versionRels.push([order + 1, versionId, 'regions', id]))

      views.push([n, 50 + Math.floor(rand() * 5000), now, now])
    }
    const statements = [
      insert('articles', ['id', 'slug', 'author', 'category_id', 'published_at', 'featured', 'nationwide', 'updated_at', 'created_at', '_status'], articles),
      insert('articles_locales', ['title', 'excerpt', 'body', '_locale', '_parent_id'], locales),
      insert('_articles_v', [
        'id', 'parent_id', 'version_slug', 'version_author', 'version_category_id', 'version_published_at', 'version_featured',
        'version_nationwide', 'version_updated_at', 'version_created_at', 'version__status', 'created_at', 'updated_at', 'latest',
      ], versions),
      insert('_articles_v_locales', ['version_title', 'version_excerpt', 'version_body', '_locale', '_parent_id'], versionLocales),
      insert('article_views', ['article_id', 'views', 'updated_at', 'created_at'], views),
    ]
    if (rels.length) {
      statements.push(insert('articles_rels', ['order', 'parent_id', 'path', 'regions_id'], rels))
      statements.push(insert('_articles_v_rels', ['order', 'parent_id', 'path', 'regions_id'], versionRels))
      statements.push(insert('article_list_entries', ['article_id', 'region_id', 'category_id', 'published_at', 'featured'], entries))
    }
    await client.batch(statements, 'write')
  }
  return { first: firstArticle, last: firstArticle + count - 1 }
}
