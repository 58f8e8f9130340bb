/**
 * Server output (widgets/ssr/render.ts, served by support/ssr-fixture-plugin.mjs) in real Chromium, each page in its
 * own iframe (its own window and element registry): painted without JavaScript, hydrated in place by
 * widgets-hydrate.js with no data requests and no layout shift, replaced (never doubled) by the plain widgets.js,
 * and inert with hostile content. Needs `npm run build:widgets` first for the bundles.
 */
import { expect } from '@esm-bundle/chai'
import { requestLog, uid, waitFor } from './support/helpers.js'

type Win = Window & typeof globalThis & { __errors: string[]; __shifts: number[]; __before: { root: ShadowRoot | null; first: Element | null; cardTitle: Element | null }[]; __pwned?: unknown }
type Lit = HTMLElement & { updateComplete: Promise<boolean>; hasUpdated: boolean }

const frames: HTMLIFrameElement[] = []

/** Loads a server-rendered page in an iframe; `scripts: false` = a sandbox where no script runs (JavaScript off). */
async function open(query: string, { scripts = true } = {}) {
  const frame = document.createElement('iframe')
  frame.style.cssText = 'width:760px;height:1400px;border:0;display:block'
  if (!scripts) frame.sandbox.add('allow-same-origin')
  frame.src = `/ssr-page?${query}`
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }))
  document.body.append(frame)
  frames.push(frame)
  await loaded
  return { win: frame.contentWindow as Win, doc: frame.contentDocument! }
}

/** Waits until every element (and the cards inside lists) has finished its first update. */
async function settled(doc: Document) {
  const all = () => [
    ...doc.querySelectorAll<Lit>('article-list, article-view, article-card, region-picker'),
    ...[...doc.querySelectorAll('article-list')].flatMap((l) => [...(l.shadowRoot?.querySelectorAll<Lit>('article-card') ?? [])]),
  ]
  const errors = (doc.defaultView as Win).__errors
  await waitFor(() => all().every((el) => el.hasUpdated) || errors?.length, 5000, 'elements updated')
  expect(errors ?? [], 'errors on the page').to.deep.equal([])
  await Promise.all(all().map((el) => el.updateComplete))
  // Two frames and the after-paint batch (covers start after the first paint).
  await new Promise((r) => setTimeout(r, 250))
}

const visible = (el: Element | null | undefined) => !!el && el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0
const dataRequests = async (ns: string) => (await requestLog(ns)).filter((r) => r.method === 'GET')
const cardsOf = (list: Element) => [...list.shadowRoot!.querySelectorAll('article-card')]

afterEach(() => {
  for (const f of frames.splice(0)) f.remove()
})

describe('server-rendered elements with JavaScript off', () => {
  it('list: styled cards from the declarative shadow root, headline links in the light DOM, nothing twice', async () => {
    const { doc } = await open(`kind=list&bundle=hydrate&ns=${uid()}&value=330100`, { scripts: false })
    const list = doc.querySelector('article-list')!
    expect(doc.querySelector('script[src]')).to.exist // the bundle is on the page, the sandbox keeps it from running
    expect(customElementsIn(doc)).to.equal(undefined)
    // Crawlers that skip <template> content: every headline is a light-DOM link, with its date and excerpt.
    const links = [...list.querySelectorAll(':scope > ul a[href]')] as HTMLAnchorElement[]
    expect(links).to.have.length(8) // the fixture's articles for 杭州 (the picker's region)
    expect(links[0].getAttribute('href')).to.equal('/news/article-1')
    expect(links[0].textContent).to.equal('托盘行业动态第 1 期')
    expect(list.querySelector(':scope > ul time')!.getAttribute('datetime')).to.match(/^2025-01-31/)
    expect(list.querySelector(':scope > ul p')!.textContent).to.contain('第 1 期摘要')
    // Painted from the shadow root, styled, once: the light list is not rendered.
    const cards = cardsOf(list)
    expect(cards).to.have.length(8)
    expect(visible(cards[0].shadowRoot!.querySelector('h3 a'))).to.equal(true)
    expect(getComputedStyle(cards[0].shadowRoot!.querySelector('.card')!).borderTopStyle).to.equal('solid')
    expect(visible(list.querySelector(':scope > ul'))).to.equal(false)
    expect(list.shadowRoot!.querySelectorAll('[role=tab]')).to.have.length(6)
    // The picker shows the region the server knew (e.g. from the news_region cookie).
    expect(doc.querySelector('region-picker')!.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('杭州')
  })

  it('article: the full body, headline, date and neighbour links are light DOM, shown once and styled', async () => {
    const { doc } = await open(`kind=view&bundle=hydrate&ns=${uid()}`, { scripts: false })
    const view = doc.querySelector('article-view')!
    const h1 = view.querySelector(':scope > h1[slot=title]')!
    expect(h1.textContent).to.equal('托盘行业动态第 3 期')
    expect(visible(h1)).to.equal(true)
    expect(parseFloat(getComputedStyle(h1).fontSize)).to.be.greaterThan(24)
    const body = view.querySelector(':scope > [slot=body]') as HTMLElement
    expect(visible(body)).to.equal(true)
    expect(body.textContent!.trim().length).to.be.greaterThan(5)
    expect(view.querySelector(':scope > time[slot=date]')!.textContent).to.match(/^\d{4}-\d\d-\d\d$/)
    expect(view.querySelector<HTMLAnchorElement>(':scope > a[slot]')!.getAttribute('href')).to.match(/^\/news\/article-\d+$/)
    // The shadow root holds no copy of the text: it shows the light DOM through its slots.
    expect(view.shadowRoot!.textContent).not.to.contain('托盘行业动态第 3 期')
    expect(view.shadowRoot!.querySelector('[part=body] slot[name=body]')).to.exist
  })
})

function customElementsIn(doc: Document) {
  return doc.defaultView!.customElements.get('article-list')
}

describe('server output with widgets-hydrate.js', () => {
  it('list + picker hydrate in place: no data request, no layout shift, then work as usual', async () => {
    const ns = uid()
    const { win, doc } = await open(`kind=list&bundle=hydrate&ns=${ns}&value=330100`)
    await settled(doc)
    const list = doc.querySelector('article-list') as Lit & { items: unknown[]; selectCategory(s: string): void }
    const picker = doc.querySelector('region-picker')!
    expect(win.customElements.get('article-list')).to.be.a('function')
    expect(await dataRequests(ns), 'requests after hydration').to.deep.equal([])
    // Bar: CLS ≤ 0.02 (issue). 0 on a quiet machine; one loaded CI run saw 0.0011 once (cause not yet found).
    expect(win.__shifts.reduce((a, b) => a + b, 0), 'CLS').to.be.below(0.005)
    // The server's nodes are the live ones (hydrated, not re-rendered).
    const [before] = win.__before.filter((b) => b.cardTitle)
    expect(before.root).to.equal(list.shadowRoot)
    expect(before.cardTitle!.isConnected).to.equal(true)
    expect(cardsOf(list)[0].shadowRoot!.querySelector('h3')).to.equal(before.cardTitle)
    expect(cardsOf(list)).to.have.length(8)
    expect(list.items).to.have.length(8)
    expect(picker.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('杭州')
    // The page carries the chosen city's name, not the region tree (28 kB of JSON).
    expect(picker.querySelector('script')!.textContent).not.to.contain('provinces')
    // Hydrated means interactive: a tab fetches its list (and only the list).
    const before8 = list.items
    list.selectCategory('industry')
    await waitFor(async () => (await dataRequests(ns)).length > 0)
    await waitFor(() => list.items !== before8 && cardsOf(list).length === list.items.length, 5000, 'industry cards')
    const routes = (await dataRequests(ns)).map((r) => r.route)
    expect(routes).to.deep.equal(['/api/news/articles'])
  })

  it('article hydrates with its body kept in place, counts one view and requests nothing else', async () => {
    const ns = uid()
    const { win, doc } = await open(`kind=view&bundle=hydrate&ns=${ns}`)
    await settled(doc)
    const view = doc.querySelector('article-view') as Lit & { slug: string }
    await waitFor(async () => (await requestLog(ns)).length > 0, 5000, 'view counted')
    const log = await requestLog(ns)
    expect(log.map((r) => `${r.method} ${r.route}`)).to.deep.equal(['POST /api/news/articles/article-3/views'])
    // Bar: CLS ≤ 0.02 (issue). 0 on a quiet machine; one loaded CI run saw 0.0011 once (cause not yet found).
    expect(win.__shifts.reduce((a, b) => a + b, 0), 'CLS').to.be.below(0.005)
    expect(view.shadowRoot).to.equal(win.__before[0].root)
    expect(view.shadowRoot!.firstElementChild).to.equal(win.__before[0].first)
    expect(visible(view.querySelector(':scope > [slot=body]'))).to.equal(true)
    // Another article is fetched and shown from the shadow root; the server's light DOM is no longer slotted.
    view.slug = 'article-4'
    await waitFor(() => view.shadowRoot!.querySelector('h1')?.textContent === '托盘行业动态第 4 期', 5000, 'article 4')
    expect(visible(view.querySelector(':scope > [slot=body]'))).to.equal(false)
  })

  it('a standalone card and an English page hydrate without requests', async () => {
    const ns = uid()
    const { win, doc } = await open(`kind=card&bundle=hydrate&ns=${ns}&lang=en`)
    await settled(doc)
    const card = doc.querySelector('article-card')!
    expect(card.shadowRoot!.querySelector('h3')!.textContent).to.equal('Pallet industry update #1')
    expect(card.shadowRoot!.querySelector('.meta')!.textContent).to.contain('Views')
    expect(card.shadowRoot).to.equal(win.__before[0].root)
    expect(await dataRequests(ns)).to.deep.equal([])
  })

  it('picker: a remembered city replaces the server placeholder after hydration, and a choice sets the news_region cookie', async () => {
    const key = 'regional-news:region-picker:city:last'
    localStorage.setItem(key, JSON.stringify({ code: '320100', name: '南京', lang: 'zh' }))
    try {
      const ns = uid()
      const { win, doc } = await open(`kind=picker&bundle=hydrate&ns=${ns}&remember=1`)
      await settled(doc)
      type Picker = Lit & { value: string; model: { byCode: Map<string, unknown> }; choose(e: unknown): void }
      const picker = doc.querySelector('region-picker') as Picker
      await waitFor(() => picker.shadowRoot!.querySelector('[part=label]')!.textContent === '南京', 3000, 'remembered label')
      expect(picker.value).to.equal('320100')
      expect(await dataRequests(ns)).to.deep.equal([])
      // The page carries no tree: reaching for the picker fetches it, once.
      type Opening = { show(): Promise<void>; model?: { byCode: Map<string, unknown> } }
      await (picker as unknown as Opening).show()
      await waitFor(() => !!(picker as unknown as Opening).model, 5000, 'tree loaded')
      expect((await dataRequests(ns)).map((r) => r.route)).to.deep.equal(['/api/news/regions'])
      picker.choose(picker.model.byCode.get('330100'))
      expect(doc.cookie).to.contain('news_region=330100')
      await picker.updateComplete
      expect(picker.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('杭州')
      // (No layout-shift check here: the label does change, placeholder → remembered city; the cookie lets a server
      // render the city in the first place.)
      expect(win.__errors).to.deep.equal([])
    } finally {
      localStorage.removeItem(key)
      localStorage.removeItem('regional-news:region-picker:city:recent')
      document.cookie = 'news_region=; Path=/; Max-Age=0'
    }
  })
})

describe('server output for a visitor the server did not know', () => {
  it('a city remembered only in localStorage is shown by the picker and followed by the list after hydration', async () => {
    const key = 'regional-news:region-picker:city:last'
    localStorage.setItem(key, JSON.stringify({ code: '330100', name: '杭州', lang: 'zh' }))
    try {
      const ns = uid()
      const { doc } = await open(`kind=list&bundle=hydrate&ns=${ns}&remember=1`)
      await settled(doc)
      const picker = doc.querySelector('region-picker')!
      const list = doc.querySelector('article-list') as Lit & { region: string }
      await waitFor(() => picker.shadowRoot!.querySelector('[part=label]')!.textContent === '杭州', 3000, 'remembered label')
      await waitFor(() => list.region === '330100', 3000, 'list follows the picker')
      await waitFor(async () => (await dataRequests(ns)).some((r) => r.query.region === '330100'), 3000, 'its list requested')
      expect(doc.cookie).to.contain('news_region=330100')
    } finally {
      localStorage.removeItem(key)
      localStorage.removeItem('regional-news:region-picker:city:recent')
      document.cookie = 'news_region=; Path=/; Max-Age=0'
    }
  })
})

describe('widgets-hydrate.js elsewhere', () => {
  it('renders elements that were not server-rendered, as widgets.js does', async () => {
    const ns = uid()
    const { doc } = await open(`kind=client&bundle=hydrate&ns=${ns}`)
    const list = doc.querySelector('article-list')!
    await waitFor(() => cardsOf(list).length === 5, 5000, '5 cards')
    await waitFor(() => list.shadowRoot!.querySelectorAll('[role=tab]').length === 6, 5000, '6 tabs')
    expect((await dataRequests(ns)).map((r) => r.route).sort()).to.deep.equal(['/api/news/articles', '/api/news/categories'])
  })

  it('fetches when the page URL asks for another view than the server rendered (url-sync)', async () => {
    const ns = uid()
    const { doc } = await open(`kind=list&bundle=hydrate&ns=${ns}&value=330100&sync=1&search=category%3Dpolicy`)
    await settled(doc)
    const list = doc.querySelector('article-list') as Lit & { category: string; items: { category?: { slug: string } }[] }
    await waitFor(async () => (await dataRequests(ns)).length > 0, 5000, 'a request')
    await waitFor(() => list.items.every((a) => a.category?.slug === 'policy'), 5000, 'policy articles')
    const log = await dataRequests(ns)
    expect(log.map((r) => `${r.route} ${r.query.category}`)).to.deep.equal(['/api/news/articles policy'])
    expect(list.shadowRoot!.querySelector('[role=tab][aria-selected=true]')!.textContent!.trim()).to.equal('政策法规')
  })
})

describe('server output with the plain widgets.js (no hydration support)', () => {
  it('replaces the declarative shadow roots: each card once, from the embedded data, no requests', async () => {
    const ns = uid()
    const { doc } = await open(`kind=list&bundle=plain&ns=${ns}&value=330100`)
    await settled(doc)
    const list = doc.querySelector('article-list')!
    expect(list.shadowRoot!.querySelectorAll('ul[part=list]')).to.have.length(1)
    const cards = cardsOf(list)
    expect(cards).to.have.length(8)
    const titles = cards.map((c) => c.shadowRoot!.querySelector('h3')!.textContent)
    expect(new Set(titles).size).to.equal(8)
    expect(cards.every((c) => c.shadowRoot!.querySelectorAll('article').length === 1)).to.equal(true)
    expect(visible(list.querySelector(':scope > ul'))).to.equal(false)
    expect(list.shadowRoot!.querySelectorAll('[role=tablist]')).to.have.length(1)
    const picker = doc.querySelector('region-picker')!
    expect(picker.shadowRoot!.querySelectorAll('.trigger')).to.have.length(1)
    expect(picker.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('杭州')
    expect(await dataRequests(ns)).to.deep.equal([])
  })

  it('an article is shown once too', async () => {
    const ns = uid()
    const { doc } = await open(`kind=view&bundle=plain&ns=${ns}`)
    await settled(doc)
    const view = doc.querySelector('article-view')!
    expect(view.shadowRoot!.querySelectorAll('article')).to.have.length(1)
    expect(view.shadowRoot!.querySelectorAll('slot[name=body]')).to.have.length(1)
    expect(visible(view.querySelector(':scope > [slot=body]'))).to.equal(true)
    expect((await dataRequests(ns)).map((r) => r.route)).to.deep.equal([])
  })
})

describe('hostile content in server output', () => {
  for (const bundle of ['hydrate', 'plain', 'none'])
    it(`stays inert (${bundle})`, async () => {
      const { win, doc } = await open(`kind=hostile&bundle=${bundle}&ns=${uid()}`)
      if (bundle !== 'none') await settled(doc)
      await new Promise((r) => setTimeout(r, 200))
      expect(win.__pwned).to.equal(undefined)
      const roots = [doc, ...[...doc.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))]
      const deep = (sel: string) => roots.flatMap((r) => [...r.querySelectorAll(sel)])
      deep('article-card').forEach((c) => c.shadowRoot && roots.push(c.shadowRoot))
      expect(deep('[onerror], [onmouseover], iframe, form, svg script')).to.deep.equal([])
      expect(deep('script').every((s) => s.getAttribute('type') === 'application/json' || s.hasAttribute('src') || !s.closest('article-list, article-view, article-card'))).to.equal(true)
      expect(deep('a[href]').filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')!.replace(/[\u0000-\u0020]/g, '')))).to.deep.equal([])
      // The title is text, shown as text.
      const view = doc.querySelector('article-view')!
      expect(view.querySelector(':scope > h1')!.textContent).to.contain('<img src=x onerror=')
    })
})
