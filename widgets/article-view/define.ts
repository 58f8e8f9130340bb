import { ArticleView } from './article-view.js'

export { ArticleView }

// Harmless when the bundle is loaded twice or the host registered the class itself.
if (!customElements.get('article-view')) customElements.define('article-view', ArticleView)

declare global {
  interface HTMLElementTagNameMap {
    'article-view': ArticleView
  }
}
