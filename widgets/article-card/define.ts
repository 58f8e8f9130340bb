import { ArticleCard } from './article-card.js'

export { ArticleCard }

// Harmless when the bundle is loaded twice or the host registered the class itself.
if (!customElements.get('article-card')) customElements.define('article-card', ArticleCard)

declare global {
  interface HTMLElementTagNameMap {
    'article-card': ArticleCard
  }
}
