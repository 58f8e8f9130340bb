import '../article-card/define.js'
import { ArticleList } from './article-list.js'

export { ArticleList }
export type { ArticleListErrorDetail } from './article-list.js'

// Harmless when the bundle is loaded twice or the host registered the class itself.
if (!customElements.get('article-list')) customElements.define('article-list', ArticleList)

declare global {
  interface HTMLElementTagNameMap {
    'article-list': ArticleList
  }
}
