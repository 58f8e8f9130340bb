/**
 * The ES modules npm users import (dist/widgets/lib, Lit external): one element's define module brings
 * that element and no other, and a host can register the class under its own name.
 * Needs `vite build` first (CI builds before testing).
 */
import { expect } from '@esm-bundle/chai'

const CARD = '/dist/widgets/lib/article-card/define.js'

describe('npm modules dist/widgets/lib', () => {
  before(async function () {
    if (!(await fetch(CARD, { method: 'HEAD' })).ok) {
      console.warn(`SKIPPED: ${CARD} is missing; run \`npx vite build\` first.`)
      this.skip()
    }
  })

  it('defines only the element whose module was imported', async () => {
    const mod = await import(/* @vite-ignore */ CARD)
    expect(customElements.get('article-card')).to.equal(mod.ArticleCard)
    for (const other of ['region-picker', 'article-list', 'article-view']) expect(customElements.get(other), other).to.equal(undefined)
  })

  it('lets the host register the class under another name, rendering as the original', async () => {
    const { ArticleCard } = await import(/* @vite-ignore */ CARD)
    customElements.define('acme-news-card', class extends ArticleCard {})
    const el = document.createElement('acme-news-card') as HTMLElement & { article: unknown; updateComplete: Promise<boolean> }
    el.article = { id: '1', slug: 'a', title: '标题', publishedAt: '2025-01-01T00:00:00.000Z', views: 3, regions: [] }
    document.body.append(el)
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.contain('标题')
    el.remove()
  })
})
