/** Every widget, defined. The self-contained `/widgets/v1/widgets.js` is this module with Lit bundled in. */
export * from './region-picker/define.js'
export * from './article-list/define.js'
export * from './article-card/define.js'
export * from './article-view/define.js'
export { ApiError, type ApiErrorKind } from './api/client.js'
export type {
  ArticleCard as ArticleCardData,
  ArticleDetail,
  ArticleLink,
  ArticleListResponse,
  ArticleSort,
  CategoryListResponse,
  CategorySummary,
  ContentLocale,
  CoverImage,
  Credit,
  ImageVariant,
  RegionNode,
  RegionTreeResponse,
  ViewResponse,
} from '../wire/index.js'
