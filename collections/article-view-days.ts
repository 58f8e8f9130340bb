import type { CollectionConfig } from 'payload'

export interface ArticleViewDaysCollectionArgs {
  slug: string
  articlesSlug: string
  regionsSlug: string
  access: CollectionConfig['access']
}

/**
 * Daily view counters: one row per (site day, article) and one per (site day, article, region the reader chose).
 * `key` is unique so a counted view is one atomic increment of an existing row, or one insert that a concurrent
 * insert may win (then an increment). Nothing about the visitor is stored.
 */
export const createArticleViewDaysCollection = ({ slug, articlesSlug, regionsSlug, access }: ArticleViewDaysCollectionArgs): CollectionConfig => ({
  slug,
  labels: { singular: { zh: '每日阅读量', en: 'Daily views' }, plural: { zh: '每日阅读量', en: 'Daily views' } },
  access,
  admin: { hidden: true, useAsTitle: 'key' },
  fields: [
    // `${day}|${articleId}|${regionId or ''}`
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'day', type: 'text', required: true, index: true, label: { zh: '日期', en: 'Day' } },
    { name: 'article', type: 'relationship', relationTo: articlesSlug, required: true, index: true, label: { zh: '文章', en: 'Article' } },
    { name: 'region', type: 'relationship', relationTo: regionsSlug, index: true, label: { zh: '地区', en: 'Region' } },
    { name: 'views', type: 'number', required: true, defaultValue: 0, label: { zh: '阅读量', en: 'Views' } },
  ],
  indexes: [{ fields: ['day', 'region'] }],
})
