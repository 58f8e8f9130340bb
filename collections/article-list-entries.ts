import type { CollectionConfig } from 'payload'

export interface ArticleListEntriesCollectionArgs {
  slug: string
  articlesSlug: string
  categoriesSlug: string
  regionsSlug: string
  access: CollectionConfig['access']
}

/**
 * The public list's region index (SQL databases): one row per (published, not nationwide article, region it is
 * tagged with), carrying the article's category, publish date and featured flag. A list filtered by region then
 * counts and pages through an index range of the few rows of its category and regions instead of every article
 * tagged with those regions. Kept by the articles' hooks from the committed article row (see list-entries.ts).
 */
export const createArticleListEntriesCollection = ({ slug, articlesSlug, categoriesSlug, regionsSlug, access }: ArticleListEntriesCollectionArgs): CollectionConfig => ({
  slug,
  access,
  admin: { hidden: true },
  fields: [
    { name: 'article', type: 'relationship', relationTo: articlesSlug, required: true, index: true },
    { name: 'region', type: 'relationship', relationTo: regionsSlug },
    { name: 'category', type: 'relationship', relationTo: categoriesSlug },
    { name: 'publishedAt', type: 'date' },
    { name: 'featured', type: 'checkbox' },
  ],
  // Covering: a list's count and page read these entries alone (with or without a category).
  indexes: [{ fields: ['category', 'region', 'publishedAt', 'featured', 'article'] }, { fields: ['region', 'publishedAt', 'featured', 'article'] }],
})
