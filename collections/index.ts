/** The plugin's collection factories, for hosts that assemble the collections themselves (`payload-regional-news/collections`). */
export { createArticleListEntriesCollection, type ArticleListEntriesCollectionArgs } from './article-list-entries'
export { createArticleViewDaysCollection, type ArticleViewDaysCollectionArgs } from './article-view-days'
export { createArticleViewsCollection, type ArticleViewsCollectionArgs } from './article-views'
export { createArticlesCollection, type ArticlesCollectionArgs } from './articles'
export { createCategoriesCollection, type CategoriesCollectionArgs } from './categories'
export { createMediaCollection, type MediaCollectionArgs } from './media'
export { createRegionsCollection, type RegionsCollectionArgs } from './regions'
export { createViewReceiptsCollection, type ViewReceiptsCollectionArgs } from './view-receipts'
