import { expect } from '@esm-bundle/chai'
import { TaskStatus } from '@lit/task'
import { sendKeys } from '@web/test-runner-commands'
import { ArticleList, pageWindow } from '../../widgets/article-list/article-list.js'
import '../../widgets/article-list/define.js'
import '../../widgets/region-picker/define.js'
import type { RegionPicker } from '../../widgets/region-picker/define.js'
import type { ArticleListResponse } from '../../wire/index.js'
import { $, $$, cleanup, deepActive, expectNoAxeViolations, fixtureApi, liveApi, mount, requestLog, trackUncaught, uid, usingRealCms, waitFor } from './support/helpers.js'

const cards = (el: Element) => $$(el, 'article-card')
/** After any pending update (which starts a request for changed filters), the list's data has arrived. */
const loaded = async (el: ArticleList) => {
  await el.updateComplete
  return waitFor(() => el.items && el.articles.status === TaskStatus.COMPLETE && el, 5000, 'list loaded')
}
/** Waits for the update a change caused and the request it started. */
async function settle(el: ArticleList) {
  await el.updateComplete
  await el.articles.taskComplete.catch(() => {})
  await el.updateComplete
}
const articleRequests = async (ns: string) => (await requestLog(ns)).filter((r) => r.route === '/api/news/articles')

let startUrl: string
beforeEach(() => {
  startUrl = location.href
})
afterEach(() => {
  cleanup()
  history.replaceState(null, '', startUrl)
  for (const k of Object.keys(localStorage)) if (k.startsWith('regional-news:')) localStorage.removeItem(k)
})

describe('<article-list>', () => {
  it('renders cards from the API with the default query', async () => {
    const ns = uid()
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(ns)}"></article-list>`)
    await loaded(el)
    expect(cards(el).length).to.equal(12)
    const [req] = await articleRequests(ns)
    expect(req.query).to.deep.equal({ page: '1', limit: '12', sort: '-publishedAt', locale: 'zh' })
    expect($(cards(el)[0], 'a')!.getAttribute('href')).to.match(/^\?article=/)
    await expectNoAxeViolations(el)
  })

  it('passes category, region, page-size, sort, layout and href to the API and cards', async () => {
    const ns = uid()
    const el = mount<ArticleList>(
      `<article-list api="${fixtureApi(ns)}" category="industry" region="330100" page-size="3" sort="-views" layout="horizontal" href="/news/{slug}"></article-list>`,
    )
    await loaded(el)
    const [req] = await articleRequests(ns)
    expect(req.query).to.deep.equal({ category: 'industry', region: '330100', page: '1', limit: '3', sort: '-views', locale: 'zh' })
    const first = cards(el)[0]
    expect(first.getAttribute('layout')).to.equal('horizontal')
    expect($(first, 'a')!.getAttribute('href')).to.equal(`/news/${(first as HTMLElement & { article: { slug: string } }).article.slug}`)
  })

  it('caps page-size at 50', async () => {
    const ns = uid()
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(ns)}" page-size="500"></article-list>`)
    await loaded(el)
    expect((await articleRequests(ns))[0].query.limit).to.equal('50')
  })

  it('pages with numbered buttons', async () => {
    const ns = uid()
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(ns)}" page-size="5"></article-list>`)
    await loaded(el)
    const pager = $(el, 'nav[part=pager]')!
    expect(pager.querySelector('[aria-current=page]')!.textContent).to.equal('1')
    type Card = HTMLElement & { article: { slug: string } }
    const firstSlug = (cards(el)[0] as Card).article.slug
    ;[...pager.querySelectorAll('button')].find((b) => b.textContent === '下一页')!.click()
    await waitFor(() => el.page === 2 && el.articles.status === TaskStatus.COMPLETE && (cards(el)[0] as Card).article.slug !== firstSlug)
    expect((await articleRequests(ns)).at(-1)!.query.page).to.equal('2')
    await el.updateComplete
    expect($(el, '[aria-current=page]')!.textContent).to.equal('2')
    ;[...$(el, 'nav[part=pager]')!.querySelectorAll('button')].find((b) => b.textContent === '6')!.click()
    await waitFor(() => el.articles.value?.page === 6)
    await el.updateComplete
    expect(($$(el, 'nav[part=pager] button').find((b) => b.textContent === '下一页') as HTMLButtonElement).disabled).to.equal(true)
  })

  it('computes a compact page window', () => {
    expect(pageWindow(1, 3)).to.deep.equal([1, 2, 3])
    expect(pageWindow(5, 12)).to.deep.equal([1, 0, 4, 5, 6, 0, 12])
  })

  it("resolves its cards' covers against its own api, not the script's origin", async () => {
    const api = liveApi()
    const el = mount<ArticleList>(`<article-list api="${api}" page-size="12"></article-list>`)
    await loaded(el)
    const img = await waitFor(() => cards(el).map((c) => c.shadowRoot!.querySelector('img[src]')).find(Boolean), 5000, 'a cover') as HTMLImageElement
    expect(img.src.startsWith(new URL(api).origin + '/'), img.src).to.equal(true)
    for (const candidate of img.srcset.split(', ')) expect(candidate.startsWith(new URL(api).origin + '/'), candidate).to.equal(true)
  })

  it('appends pages with paging="more"', async () => {
    const el = mount<ArticleList>(`<article-list api="${liveApi()}" page-size="4" paging="more"></article-list>`)
    await loaded(el)
    expect(cards(el).length).to.equal(4)
    $(el, '[part=more]')!.click()
    await waitFor(() => cards(el).length === 8, 5000, '8 cards')
    const slugs = cards(el).map((c) => (c as HTMLElement & { article: { slug: string } }).article.slug)
    expect(new Set(slugs).size).to.equal(8)
  })

  it('shows category tabs (全部 + CMS categories) that switch the list, with arrow keys', async () => {
    const ns = uid()
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(ns)}" tabs></article-list>`)
    await loaded(el)
    await waitFor(() => $$(el, '[role=tab]').length > 1)
    const tabs = $$(el, '[role=tab]')
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['全部', '行业新闻', '跨界新闻', '托盘百科', '政策法规', '焦点'])
    expect($(el, '[role=tablist]')).to.exist
    expect(tabs[0].getAttribute('aria-selected')).to.equal('true')
    expect($(el, '[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal(tabs[0].id)
    tabs[3].click()
    await settle(el)
    expect(el.category).to.equal('encyclopedia')
    expect((await articleRequests(ns)).at(-1)!.query.category).to.equal('encyclopedia')
    await el.updateComplete
    expect(tabs[3].getAttribute('aria-selected')).to.equal('true')
    tabs[3].focus()
    await sendKeys({ press: 'ArrowRight' })
    await waitFor(() => el.category === 'policy')
    expect(deepActive()).to.equal(tabs[4])
    await sendKeys({ press: 'Home' })
    await waitFor(() => el.category === '')
    await settle(el)
    await expectNoAxeViolations(el)
  })

  it('shows an empty state', async () => {
    const el = mount<ArticleList>(`<article-list api="${fixtureApi()}" region="140100"></article-list>`)
    await loaded(el)
    expect($(el, '[part=empty]')!.textContent).to.equal('暂无文章')
  })

  it('fires load with the response', async () => {
    const el = document.createElement('article-list')
    el.api = fixtureApi()
    const got = new Promise<CustomEvent<ArticleListResponse>>((r) => el.addEventListener('load', (e) => r(e as CustomEvent), { once: true }))
    document.body.append(el)
    const e = await got
    expect(e.detail.docs.length).to.equal(12)
    expect(e.bubbles).to.equal(false)
    el.remove()
  })

  it('keeps host content until the live list is ready, and shows no skeleton then', async () => {
    const el = mount<ArticleList>(
      `<article-list api="${fixtureApi(uid(), '/delay/300')}"><a href="/news/a" id="fallback">静态链接</a></article-list>`,
    )
    await el.updateComplete
    expect($(el, 'slot')).to.exist
    expect(document.getElementById('fallback')!.getBoundingClientRect().height).to.be.greaterThan(0)
    expect($(el, '.skel')).to.equal(null)
    await loaded(el)
    await el.updateComplete
    expect($(el, 'slot')).to.equal(null)
    expect(document.getElementById('fallback')!.getBoundingClientRect().height).to.equal(0)
  })

  it('shows a skeleton while loading when the host put nothing inside', async () => {
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(uid(), '/delay/300')}" page-size="4"></article-list>`)
    await el.updateComplete
    expect($$(el, '.skel').length).to.equal(4)
    await loaded(el)
    await el.updateComplete
    expect($(el, '.skel')).to.equal(null)
  })

  it('aborts stale requests when filters change quickly', async () => {
    const t = trackUncaught()
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(uid(), '/delay/200')}"></article-list>`)
    await el.updateComplete
    el.category = 'industry'
    await el.updateComplete
    el.category = 'policy'
    await loaded(el)
    await new Promise((r) => setTimeout(r, 300))
    expect(el.items!.every((a) => a.category?.slug === 'policy')).to.equal(true)
    t.stop()
    expect(t.errors).to.deep.equal([])
  })

  it('aborts on disconnect without an error and loads again when reconnected', async () => {
    const t = trackUncaught()
    const errors: Event[] = []
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(uid(), '/delay/300')}"></article-list>`)
    el.addEventListener('error', (e) => errors.push(e))
    await el.updateComplete
    const parent = el.parentElement!
    el.remove()
    await new Promise((r) => setTimeout(r, 400))
    expect(errors).to.deep.equal([])
    parent.append(el)
    await loaded(el)
    expect(cards(el).length).to.equal(12)
    expect($(el, '[part=error]')).to.equal(null)
    t.stop()
    expect(t.errors).to.deep.equal([])
  })
})

describe('<article-list> region-source', () => {
  it('follows a region picker: its current value and its change events', async () => {
    localStorage.setItem('regional-news:region-picker:city:last', JSON.stringify({ code: '330100', name: '杭州', lang: 'zh' }))
    const ns = uid()
    const host = mount(`<div>
      <region-picker id="rp" api="${liveApi()}"></region-picker>
      <article-list region-source="#rp" api="${fixtureApi(ns)}"></article-list>
    </div>`)
    const list = host.querySelector('article-list')!
    const picker = host.querySelector('region-picker') as RegionPicker
    await waitFor(async () => list.region === '330100', 5000, 'region from picker')
    await loaded(list)
    await picker.show()
    await waitFor(() => $(picker, '[role=option]'))
    $$(picker, '.all [role=option]').find((o) => o.textContent!.trim() === '西安')!.click()
    await waitFor(() => list.region === '610100')
    // The update that follows starts the request for the new region; then wait for its answer.
    await list.updateComplete
    await list.articles.taskComplete
    const reqs = await articleRequests(ns)
    expect(reqs.at(-1)!.query.region).to.equal('610100')
    expect(list.items!.every((a) => a.regions.some((r) => r.code === '610100'))).to.equal(true)
  })
})

describe('<article-list url-sync>', () => {
  it('reads category, region and page from the URL on load', async () => {
    history.replaceState(null, '', '?category=policy&region=330100&page=1&other=keep')
    const ns = uid()
    const el = mount<ArticleList>(`<article-list url-sync tabs api="${fixtureApi(ns)}" page-size="2"></article-list>`)
    await loaded(el)
    expect((await articleRequests(ns))[0].query).to.include({ category: 'policy', region: '330100', page: '1' })
  })

  it('writes tab and page into the URL (pushState) and follows back/forward', async () => {
    history.replaceState(null, '', '?other=keep')
    const el = mount<ArticleList>(`<article-list url-sync tabs api="${fixtureApi()}" page-size="2"></article-list>`)
    await loaded(el)
    await waitFor(() => $$(el, '[role=tab]').length > 1)
    const before = history.length
    $$(el, '[role=tab]')[1].click()
    await waitFor(() => new URLSearchParams(location.search).get('category') === 'industry')
    expect(history.length).to.equal(before + 1)
    expect(new URLSearchParams(location.search).get('other')).to.equal('keep')
    await loaded(el)
    await el.updateComplete
    $$(el, 'nav[part=pager] button').find((b) => b.textContent === '2')!.click()
    await waitFor(() => new URLSearchParams(location.search).get('page') === '2')
    history.back()
    await waitFor(() => el.page === 1 && el.category === 'industry', 5000, 'back to page 1')
    history.back()
    await waitFor(() => el.category === '', 5000, 'back to all')
  })

  it('writes the region from its region-source with replaceState', async () => {
    history.replaceState(null, '', '?')
    const host = mount(`<div>
      <region-picker id="rp2" api="${liveApi()}" no-remember></region-picker>
      <article-list url-sync region-source="#rp2" api="${fixtureApi()}"></article-list>
    </div>`)
    const picker = host.querySelector('region-picker') as RegionPicker
    const before = history.length
    await picker.show()
    await waitFor(() => $(picker, '[role=option]'))
    $$(picker, '.all [role=option]').find((o) => o.textContent!.trim() === '杭州')!.click()
    await waitFor(() => new URLSearchParams(location.search).get('region') === '330100')
    expect(history.length).to.equal(before)
  })

  it('a link with ?region= wins over the remembered city and updates the picker', async () => {
    localStorage.setItem('regional-news:region-picker:city:last', JSON.stringify({ code: '330100', name: '杭州', lang: 'zh' }))
    history.replaceState(null, '', '?region=610100')
    const ns = uid()
    const host = mount(`<div>
      <region-picker id="rp3" api="${liveApi()}"></region-picker>
      <article-list url-sync region-source="#rp3" api="${fixtureApi(ns)}"></article-list>
    </div>`)
    const list = host.querySelector('article-list')!
    const picker = host.querySelector('region-picker') as RegionPicker
    await loaded(list)
    expect(list.region).to.equal('610100')
    await waitFor(() => picker.value === '610100')
    expect((await articleRequests(ns)).every((r) => r.query.region === '610100')).to.equal(true)
  })
})

if (usingRealCms) describe('against the real CMS', () => it('is configured', () => expect(liveApi()).to.match(/^http/)))
