import type { CollectionConfig } from 'payload'

export interface ArticleViewsCollectionArgs {
  slug: string
  articlesSlug: string
  access: CollectionConfig['access']
}

/** View counts, one row per article, outside the article's versions so publishing or restoring never lowers a count. */
export const createArticleViewsCollection = ({ slug, articlesSlug, access }: ArticleViewsCollectionArgs): CollectionConfig => ({
  slug,
  labels: { singular: { zh: '阅读量', en: 'View count' }, plural: { zh: '阅读量', en: 'View counts' } },
  access,
  admin: {
    group: { zh: '区域新闻', en: 'Regional news' },
    defaultColumns: ['article', 'views', 'updatedAt'],
    useAsTitle: 'id',
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: articlesSlug,
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true },
      label: { zh: '文章', en: 'Article' },
    },
    { name: 'views', type: 'number', required: true, defaultValue: 0, admin: { readOnly: true }, label: { zh: '阅读量', en: 'Views' } },
  ],
})
