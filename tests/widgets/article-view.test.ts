import { expect } from '@esm-bundle/chai'
import { ArticleView } from '../../widgets/article-view/define.js'
import { inertHtml } from '../../widgets/article-view/inert-html.js'
import type { ArticleDetail } from '../../wire/index.js'
import { $, $$, cleanup, expectNoAxeViolations, fixtureApi, liveApi, mount, requestLog, sleep, uid, usingRealCms, waitFor } from './support/helpers.js'

const VISITOR = 'regional-news:visitor'
const pwned = () => (window as { __pwned?: unknown }).__pwned

async function view(attrs: string, api = fixtureApi()) {
  const el = mount<ArticleView>(`<article-view api="${api}" ${attrs}></article-view>`)
  await waitFor(() => $(el, '[part=title]') || $(el, '[part=error]'), 5000, 'article or error')
  return el
}

afterEach(cleanup)

describe('<article-view>', () => {
  it('renders headline, meta line, body, credits and prev/next links', async () => {
    const el = await view('slug="article-6" href="/news/{slug}"')
    expect($(el, 'h1[part=title]')!.textContent).to.equal('托盘行业动态第 6 期')
    const meta = $(el, '[part=meta]')!.textContent!.replace(/\s+/g, ' ')
    expect(meta).to.contain('托盘网').and.match(/\d{4}-\d{2}-\d{2}/).and.match(/阅读：\d+/)
    expect($(el, '[part=body] h2')!.textContent).to.equal('01 行业概况')
    expect($(el, '[part=body] blockquote')).to.exist
    expect(($(el, '[part=body] img') as HTMLImageElement).loading).to.equal('lazy')
    expect($(el, '[part=body] img')!.getAttribute('src')).to.equal(`${location.origin}/fixture-api/media/cover-6.svg`)
    expect($$(el, '[part=credits] div').map((d) => d.textContent)).to.deep.equal(['来源中国托盘网', '编辑小王'])
    const links = $$(el, '[part=nav] a')
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['/news/article-1', '/news/article-11'])
    expect($(el, '[part=nav]')!.textContent).to.contain('上一篇').and.contain('下一篇')
    await expectNoAxeViolations(el)
  })

  it('shows 没有了 where there is no neighbour', async () => {
    const el = await view('slug="article-1"')
    expect($$(el, '[part=nav] p')[0].textContent).to.contain('上一篇：没有了')
    expect($$(el, '[part=nav] a')[0].getAttribute('href')).to.equal('?article=article-6')
  })

  it('counts one view per visitor with an anonymous id and shows the returned count', async () => {
    localStorage.removeItem(VISITOR)
    const ns = uid()
    const el = await view('slug="article-2"', fixtureApi(ns))
    await waitFor(async () => (await requestLog(ns)).some((r) => r.method === 'POST'))
    const post = (await requestLog(ns)).find((r) => r.method === 'POST')!
    expect(post.route).to.equal('/api/news/articles/article-2/views')
    const visitor = (post.body as { visitor: string }).visitor
    expect(visitor).to.match(/^[\w-]{8,64}$/)
    expect(localStorage.getItem(VISITOR)).to.equal(visitor)
    const before = (await (await fetch('/fixture-api/api/news/articles/article-2')).json()) as ArticleDetail
    await waitFor(() => $(el, '[part=meta]')!.textContent!.includes(`阅读：${before.views}`), 5000, 'returned count')
    // A second page view by the same visitor does not inflate the count.
    cleanup()
    const again = await view('slug="article-2"', fixtureApi(ns))
    await waitFor(async () => (await requestLog(ns)).filter((r) => r.method === 'POST').length === 2)
    await sleep(50)
    expect($(again, '[part=meta]')!.textContent).to.contain(`阅读：${before.views}`)
  })

  it('counts once per article shown: another slug is counted once more, a re-render is not', async () => {
    const ns = uid()
    const el = await view('slug="article-2"', fixtureApi(ns))
    const posts = async () => (await requestLog(ns)).filter((r) => r.method === 'POST').map((r) => r.route)
    await waitFor(async () => (await posts()).length === 1, 5000, 'first view')
    el.setAttribute('slug', 'article-4')
    await waitFor(async () => (await posts()).length === 2, 5000, 'second view')
    el.lang = 'en'
    await el.updateComplete
    await sleep(200)
    expect(await posts()).to.deep.equal(['/api/news/articles/article-2/views', '/api/news/articles/article-4/views'])
  })

  it('does not count with no-count', async () => {
    const ns = uid()
    await view('slug="article-3" no-count', fixtureApi(ns))
    await sleep(100)
    expect((await requestLog(ns)).map((r) => r.method)).to.deep.equal(['GET'])
  })

  it('fires load with the article and follows slug changes', async () => {
    const el = mount<ArticleView>(`<article-view api="${fixtureApi()}"></article-view>`)
    const got = new Promise<CustomEvent<ArticleDetail>>((r) => el.addEventListener('load', (e) => r(e as CustomEvent), { once: true }))
    el.slug = 'article-4'
    expect((await got).detail.slug).to.equal('article-4')
    el.slug = 'article-5'
    await waitFor(() => $(el, 'h1')?.textContent === '托盘行业动态第 5 期')
  })

  it('renders the content locale of lang="en"', async () => {
    const el = await view('slug="article-5" lang="en"')
    expect($(el, 'h1')!.textContent).to.equal('Pallet industry update #5')
    expect($(el, '[part=nav]')!.textContent).to.contain('Previous')
  })

  it('renders hostile html and title inert', async () => {
    delete (window as { __pwned?: unknown }).__pwned
    const el = await view('slug="hostile" no-count')
    await sleep(300)
    expect($(el, 'h1')!.textContent).to.contain('<img src=x onerror=')
    const body = $(el, '[part=body]')!
    expect(body.querySelector('script')).to.equal(null)
    expect(body.querySelector('[onerror], [srcdoc], [action]')).to.equal(null)
    expect(body.querySelector('a')!.hasAttribute('href')).to.equal(false)
    ;(body.querySelector('a') as HTMLElement).click()
    await sleep(200)
    expect(pwned()).to.equal(undefined)
  })

  it('inertHtml drops scripting and keeps content', () => {
    const out = inertHtml(
      '<p onclick="x()">a<script>1</script><object data="x"></object><a href="jav&#x61;script:alert(1)">l</a><a href="/ok">ok</a><img src="/m.png"></p>',
      'https://cms.example.com/base',
    )
    expect(out).to.equal(
      '<p>a<a>l</a><a href="/ok">ok</a><img src="https://cms.example.com/m.png" loading="lazy" decoding="async"></p>',
    )
  })

  if (usingRealCms)
    it('renders an article from the real CMS', async () => {
      const list = await (await fetch(`${liveApi()}/api/news/articles?limit=1`)).json()
      const el = await view(`slug="${list.docs[0].slug}" no-count`, liveApi())
      expect($(el, 'h1')!.textContent).to.equal(list.docs[0].title)
    })
})
