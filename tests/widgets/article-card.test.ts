import { expect } from '@esm-bundle/chai'
import { ArticleCard } from '../../widgets/article-card/define.js'
import type { ArticleCard as CardData } from '../../wire/index.js'
import { $, cleanup, expectNoAxeViolations, liveApi, mount, usingRealCms, waitFor } from './support/helpers.js'

const article: CardData = {
  id: '1',
  slug: 'pallet-news',
  title: '塑料托盘租赁新规',
  excerpt: '摘要文字',
  publishedAt: '2025-03-04T02:00:00.000Z',
  author: '托盘网',
  views: 417,
  category: { slug: 'policy', name: '政策法规' },
  regions: [{ code: '330100', name: '杭州' }],
  cover: {
    url: '/media/cover.jpg',
    width: 1200,
    height: 675,
    alt: '托盘',
    sizes: { thumb: { url: '/media/cover-400.jpg', width: 400, height: 225 }, card: { url: '/media/cover-768.jpg', width: 768, height: 432 } },
  },
}

async function card(attrs = '', data: CardData | undefined = article) {
  const el = mount<ArticleCard>(`<article-card api="https://cms.example.com" ${attrs}></article-card>`)
  if (data) el.article = data
  await el.updateComplete
  return el
}

afterEach(cleanup)

describe('<article-card>', () => {
  it('renders title, excerpt, localized date, author, views and category as one link', async () => {
    const el = await card()
    const root = el.shadowRoot!
    expect($(el, '[part=title]')!.textContent).to.equal('塑料托盘租赁新规')
    expect($(el, '[part=excerpt]')!.textContent).to.equal('摘要文字')
    expect($(el, '[part=category]')!.textContent).to.equal('政策法规')
    expect($(el, '[part=meta]')!.textContent).to.contain('2025年3月4日').and.contain('托盘网').and.contain('417')
    expect(root.querySelector('time')!.getAttribute('datetime')).to.equal(article.publishedAt)
    const links = root.querySelectorAll('a')
    expect(links.length).to.equal(1)
    expect(links[0].getAttribute('href')).to.equal('?article=pallet-news')
    // The link's ::after covers the whole card.
    const box = $(el, '[part=card]')!.getBoundingClientRect()
    const hit = root.elementFromPoint(box.left + 5, box.bottom - 5)
    expect(hit === links[0] || links[0].contains(hit)).to.equal(true)
    await expectNoAxeViolations(el)
  })

  it('uses the href attribute for the link', async () => {
    const el = await card('href="/news/pallet-news"')
    expect($(el, 'a')!.getAttribute('href')).to.equal('/news/pallet-news')
  })

  it('lazy-loads the cover with intrinsic size and a srcset resolved against the CMS', async () => {
    const el = await card()
    const img = $(el, 'img') as HTMLImageElement
    // The first frame shows the card's text; the cover's request starts just after it.
    expect(img.hasAttribute('src')).to.equal(false)
    await waitFor(() => img.hasAttribute('src'), 2000, 'cover src')
    expect(img.loading).to.equal('lazy')
    expect(img.getAttribute('width')).to.equal('1200')
    expect(img.getAttribute('height')).to.equal('675')
    expect(img.alt).to.equal('托盘')
    expect(img.getAttribute('src')).to.equal('https://cms.example.com/media/cover-768.jpg')
    expect(img.getAttribute('srcset')).to.equal(
      'https://cms.example.com/media/cover-400.jpg 400w, https://cms.example.com/media/cover-768.jpg 768w, https://cms.example.com/media/cover.jpg 1200w',
    )
    expect(img.getAttribute('sizes')).to.be.a('string')
  })

  it('supports vertical, horizontal and compact layouts', async () => {
    const el = await card('layout="horizontal"')
    expect(getComputedStyle($(el, '[part=card]')!).flexDirection).to.equal('row')
    el.layout = 'compact'
    await el.updateComplete
    expect($(el, 'img')).to.equal(null)
    expect($(el, '[part=excerpt]')).to.equal(null)
    el.layout = 'vertical'
    await el.updateComplete
    expect(getComputedStyle($(el, '[part=card]')!).flexDirection).to.equal('column')
  })

  it('renders without a cover', async () => {
    const el = await card('', { ...article, cover: undefined })
    expect($(el, 'img')).to.equal(null)
    expect($(el, '[part=title]')!.textContent).to.equal(article.title)
  })

  it('formats the date in English under lang="en"', async () => {
    const el = await card('lang="en"')
    expect($(el, 'time')!.textContent).to.equal('Mar 4, 2025')
    expect($(el, '[part=meta]')!.textContent).to.contain('Views')
  })

  it('renders hostile text as text', async () => {
    delete (window as { __pwned?: unknown }).__pwned
    const el = await card('', {
      ...article,
      title: '<img src=x onerror="window.__pwned=1">标题',
      excerpt: '<script>window.__pwned=2</script>',
      author: '<b onmouseover="window.__pwned=3">x</b>',
    })
    await new Promise((r) => setTimeout(r, 100))
    expect($(el, '[part=title]')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">标题')
    expect(el.shadowRoot!.querySelector('[part=title] img, script, b')).to.equal(null)
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined)
  })

  it('fetches an article by slug', async () => {
    const slug = usingRealCms
      ? (await (await fetch(`${liveApi()}/api/news/articles?limit=1`)).json()).docs[0].slug
      : 'article-1'
    const el = mount<ArticleCard>(`<article-card api="${liveApi()}" slug="${slug}"></article-card>`)
    await waitFor(() => $(el, '[part=title]'), 5000, 'title')
    expect($(el, 'a')!.getAttribute('href')).to.equal(`?article=${slug}`)
  })
})
