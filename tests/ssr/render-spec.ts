/**
 * What the server render API must do, in plain Node: no DOM, no global shim, no requests; complete element HTML
 * with declarative shadow DOM, embedded data and crawlable light DOM; hostile content inert; timing.
 * Run against the sources (render.test.ts) and the built renderer the server uses (render-built.test.ts), each in
 * its own test file: both define the same elements, and a process has one element registry.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ArticleCard, ArticleDetail, ArticleListResponse, RegionTreeResponse } from '../../wire/index.js'

export type Api = typeof import('../../widgets/ssr/render.js')

const card = (i: number, over: Partial<ArticleCard> = {}): ArticleCard => ({
  id: String(i),
  slug: `article-${i}`,
  title: `托盘行业动态第 ${i} 期`,
  excerpt: `第 ${i} 期摘要`,
  publishedAt: new Date(Date.UTC(2025, 0, 31 - i, 2)).toISOString(),
  author: '托盘网',
  views: 100 + i,
  regions: [{ code: '330100', name: '杭州' }],
  category: { slug: 'industry', name: '行业新闻' },
  cover: {
    url: `/api/media/file/c${i}.jpg`,
    width: 1200,
    height: 675,
    alt: '封面',
    sizes: {
      card: { url: `/api/media/file/c${i}-768.jpg`, width: 768, height: 432 },
    },
  },
  ...over,
})
const listOf = (docs: ArticleCard[]): ArticleListResponse => ({
  docs,
  page: 1,
  limit: docs.length,
  totalDocs: docs.length,
  totalPages: 1,
  hasNextPage: false,
  hasPrevPage: false,
})
const categories = {
  docs: [
    { slug: 'industry', name: '行业新闻' },
    { slug: 'policy', name: '政策法规' },
  ],
}
const tree: RegionTreeResponse = {
  source: 'test',
  provinces: [
    { code: '110000', name: '北京', py: 'bei jing' },
    {
      code: '330000',
      name: '浙江',
      py: 'zhe jiang',
      cities: [{ code: '330100', name: '杭州', py: 'hang zhou', hot: true }],
    },
  ],
}
const HOSTILE_TITLE = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>\u2028标题'
const hostileDetail: ArticleDetail = {
  ...card(9, {
    title: HOSTILE_TITLE,
    excerpt: '<script>alert(3)</script>',
    author: '<b onmouseover="alert(4)">作者</b>',
  }),
  html: [
    '<p>正文第一段</p>',
    '<script>alert("script")</script>',
    '<img src="data:," onerror="alert(5)" alt="x">',
    '<a id="js" href=" JaVa&#x09;script:alert(6)">链接</a>',
    '<iframe srcdoc="<script>alert(7)</script>"></iframe>',
    '<svg><script>alert(8)</script></svg>',
    '<form action="javascript:alert(9)"><button>提交</button></form>',
    '<p style="background:url(javascript:alert(10))">样式</p>',
    '<figure><img src="/api/media/file/body.jpg" alt="图"><figcaption>图注</figcaption></figure>',
  ].join(''),
  credits: [{ label: '来源', value: '<i>托盘网</i>' }],
  prev: { slug: 'article-8', title: '上一篇 <标题>' },
}
const API = 'https://cms.example.com'

/** The embedded JSON, parsed as a browser would (the script ends at the first `</script`). */
function embedded(html: string) {
  const m = html.match(/<script type="application\/json">([^]*?)<\/script/i)
  return m ? JSON.parse(m[1]) : undefined
}
/** The light DOM: the host's content after its declarative shadow root. */
const lightOf = (html: string) => html.slice(html.lastIndexOf('</template>') + '</template>'.length)

/** `load` imports the API; globals are compared with the ones before it. */
export function describeRenderApi(name: string, load: () => Promise<Api | undefined>) {
  describe(`render API (${name})`, async () => {
    const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis))
    const fetchBefore = globalThis.fetch
    const api = await load()
    const fetchAfterLoad = globalThis.fetch
    if (!api) {
      it.skip('needs `npm run build:widgets`')
      return
    }
    const ssr = api

    it('uses only the minimal shim: no document, window or fetch replacement', () => {
      const added = Object.getOwnPropertyNames(globalThis).filter((k) => !globalsBefore.has(k))
      for (const k of added)
        expect(k).toMatch(
          /^(lit\w*|reactiveElementVersions|customElements|litPropertyMetadata|__vitest\w*|HTMLElement|Element|CustomElementRegistry|Event|CustomEvent|EventTarget|CSSStyleSheet|ShadowRoot)$/,
        )
      expect(fetchAfterLoad).toBe(fetchBefore)
      expect('document' in globalThis).toBe(false)
      expect('window' in globalThis).toBe(false)
      expect('localStorage' in globalThis).toBe(false)
    })

    {
      const fetchSpy = vi.fn()
      beforeAll(() => {
        globalThis.fetch = fetchSpy as unknown as typeof fetch
      })
      afterAll(() => {
        globalThis.fetch = fetchBefore
      })

      it('article-list: host, declarative shadow root with the cards, embedded data, crawlable light links; no request', () => {
        const list = listOf([card(1), card(2), card(3)])
        const html = ssr.renderArticleList({
          list,
          categories,
          lang: 'zh-CN',
          api: API,
          region: '330100',
          pageSize: 3,
        })
        expect(html.startsWith('<article-list ')).toBe(true)
        expect(html.endsWith('</article-list>')).toBe(true)
        expect(html).toMatch(
          /^<article-list [^>]*lang="zh-CN"[^>]*api="https:\/\/cms\.example\.com"[^>]*region="330100"[^>]*page-size="3"[^>]*href="\/news\/\{slug\}"[^>]*tabs/,
        )
        expect(html).toContain('<template shadowroot="open" shadowrootmode="open">')
        // Cards: nested declarative roots, deferred until the list hydrates them; the cover has its source on the server.
        expect(html.match(/<article-card [^>]*defer-hydration/g)).toHaveLength(3)
        expect(html).toContain('src="https://cms.example.com/api/media/file/c1-768.jpg"')
        expect(html).toContain('>行业新闻<')
        expect(embedded(html)).toEqual({ list, categories })
        const light = lightOf(html)
        expect(light).toContain('<a href="/news/article-1">托盘行业动态第 1 期</a>')
        expect(light).toMatch(/<time datetime="2025-01-30T02:00:00.000Z">2025年1月30日<\/time>/)
        expect(light).toContain('<p>第 1 期摘要</p>')
        expect(fetchSpy).not.toHaveBeenCalled()
      })

      it('renders the language it is given (lang on the host, English text)', () => {
        const html = ssr.renderArticleList({
          list: listOf([card(1)]),
          lang: 'en',
          api: API,
        })
        expect(html).toMatch(/^<article-list [^>]*lang="en"/)
        expect(html).toContain('Views')
        expect(html).not.toContain('阅读')
        expect(
          ssr.renderArticleList({
            list: listOf([card(1)]),
            lang: 'zh-CN',
            api: API,
          }),
        ).toContain('阅读')
      })

      it('article-view: headline, date, sanitized body and neighbour links slotted in the light DOM, data without the body', () => {
        const html = ssr.renderArticleView({
          detail: { ...hostileDetail, title: '标题' },
          lang: 'zh-CN',
          api: API,
        })
        expect(html).toMatch(/^<article-view [^>]*slug="article-9"/)
        const light = lightOf(html)
        expect(light).toContain('<h1 slot="title">标题</h1>')
        expect(light).toMatch(/<time slot="date" datetime="[^"]+">2025-01-22<\/time>/)
        expect(light).toContain('<div slot="body" class="news-body"><p>正文第一段</p>')
        expect(light).toContain('<img src="https://cms.example.com/api/media/file/body.jpg" alt="图" loading="lazy" decoding="async" />')
        expect(light).toContain('<a slot="prev" href="/news/article-8">上一篇 &lt;标题&gt;</a>')
        expect(light).toContain('<style>:where(article-view>.news-body)')
        const shadow = html.slice(0, html.lastIndexOf('</template>'))
        expect(shadow).toContain('<slot name="body">')
        expect(shadow).not.toContain('正文第一段')
        const data = embedded(html)
        expect(data.slug).toBe('article-9')
        expect(data.html).toBe('')
        expect(fetchSpy).not.toHaveBeenCalled()
      })

      it('hostile content stays inert: escaped text, sanitized body, JSON that cannot end its script', () => {
        const outputs = [
          ssr.renderArticleView({
            detail: hostileDetail,
            lang: 'zh-CN',
            api: API,
          }),
          ssr.renderArticleList({
            list: listOf([hostileDetail]),
            lang: 'zh-CN',
            api: API,
          }),
          ssr.renderArticleCard({
            card: hostileDetail,
            lang: 'zh-CN',
            api: API,
          }),
        ]
        for (const html of outputs) {
          expect(html).not.toMatch(/<script(?![^>]*type="application\/json")/i)
          expect(html.match(/<\/script/gi)).toHaveLength(1)
          const data = embedded(html)
          expect((data.list?.docs[0] ?? data).title).toBe(HOSTILE_TITLE)
          // Outside the data (a JSON string, inert): nothing that runs.
          const markup = html.replace(/<script type="application\/json">[^]*?<\/script>/, '')
          expect(markup).not.toMatch(/<img[^>]*onerror/i)
          expect(markup).not.toMatch(/<[^>]+\son\w+=/i)
          expect(markup).not.toMatch(/(href|action|src)="\s*j\s*a\s*v\s*a/i)
          expect(markup).not.toMatch(/<iframe|<form|<svg|srcdoc|style="/i)
          expect(markup).toContain('&lt;img src=x onerror=')
        }
      })

      it('region-picker: the chosen region labelled from the tree; the client gets its name, not the tree', () => {
        const html = ssr.renderRegionPicker({
          tree,
          value: '330100',
          lang: 'zh-CN',
          api: API,
          name: 'city',
        })
        expect(html).toMatch(/^<region-picker [^>]*value="330100"[^>]*name="city"/)
        expect(html).toContain('shadowrootdelegatesfocus')
        expect(html).toMatch(/part="label"[^>]*>(<!--[^>]*-->)*杭州/)
        expect(embedded(html)).toEqual({ label: { code: '330100', name: '杭州', lang: 'zh' } })
        expect(html).not.toContain('浙江')
        // Nothing chosen: nothing embedded; a province code is no choice for a city picker.
        expect(ssr.renderRegionPicker({ tree, lang: 'en', api: API })).toMatch(/part="label"[^>]*>(<!--[^>]*-->)*Choose a city/)
        expect(ssr.renderRegionPicker({ tree, lang: 'en', api: API })).not.toContain('application/json')
        expect(ssr.renderRegionPicker({ tree, value: '330000', lang: 'zh', api: API })).not.toContain('application/json')
        expect(ssr.renderRegionPicker({ tree, value: '330000', level: 'province', lang: 'zh', api: API })).toMatch(/part="label"[^>]*>(<!--[^>]*-->)*浙江/)
        // Asked for, the whole tree travels with the element.
        expect(embedded(ssr.renderRegionPicker({ tree, value: '330100', lang: 'zh', api: API, embedTree: true }))).toEqual(tree)
        expect(fetchSpy).not.toHaveBeenCalled()
      })

      it('article-card: standalone, with its data and a crawlable link', () => {
        const html = ssr.renderArticleCard({
          card: card(4),
          lang: 'zh-CN',
          api: API,
          href: '/p/{slug}',
        })
        expect(html).toMatch(/^<article-card [^>]*href="\/p\/article-4"/)
        expect(html).not.toContain('defer-hydration')
        expect(embedded(html).slug).toBe('article-4')
        expect(lightOf(html)).toContain('<a href="/p/article-4">托盘行业动态第 4 期</a>')
      })

      it('first cover preload: the first card image as its <img> names it, escaped; none without a cover', () => {
        const first = card(1, { cover: { ...card(1).cover!, url: '/api/media/file/a&b.jpg' } })
        const html = ssr.renderArticleList({ list: listOf([first, card(2)]), lang: 'zh-CN', api: API })
        const link = ssr.firstCoverPreload(html)
        const img = /<img\s[^>]*\bpart="cover"[^>]*>/.exec(html)![0]
        const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
        expect(link).toMatch(/^<link rel="preload" as="image" [^<]*fetchpriority="high">$/)
        expect(attr(link, 'href')).toBe(attr(img, 'src'))
        expect(attr(link, 'imagesrcset')).toBe(attr(img, 'srcset'))
        expect(attr(link, 'imagesizes')).toBe(attr(img, 'sizes'))
        expect(attr(link, 'imagesrcset')).toContain(`${API}/api/media/file/c1-768.jpg 768w`)
        expect(link).toContain('/api/media/file/a&amp;b.jpg 1200w')
        expect(ssr.firstCoverPreload(ssr.renderArticleList({ list: listOf([card(3, { cover: undefined })]), lang: 'zh-CN', api: API }))).toBe('')
        // Asked for, the same image loads eagerly and first; the other covers stay lazy, and nothing else changes.
        const eager = ssr.renderArticleList({ list: listOf([first, card(2)]), lang: 'zh-CN', api: API, priorityCover: true })
        const imgs = eager.match(/<img\s[^>]*\bpart="cover"[^>]*>/g)!
        expect(imgs).toHaveLength(2)
        expect(imgs[0]).toContain(' loading="eager" fetchpriority="high"')
        expect(imgs[1]).toContain(' loading="lazy"')
        expect(eager.replace(' loading="eager" fetchpriority="high"', ' loading="lazy"')).toBe(html)
        expect(ssr.firstCoverPreload(eager)).toBe(link)
      })

      it('the elements can be constructed and configured on a server (isServer guards)', () => {
        for (const tag of ['region-picker', 'article-list', 'article-card', 'article-view']) {
          const Ctor = customElements.get(tag)!
          const el = new Ctor() as HTMLElement & Record<string, unknown>
          el.setAttribute('lang', 'en')
          el.api = API
          expect(el.getAttribute('lang')).toBe('en')
        }
        expect(fetchSpy).not.toHaveBeenCalled()
      })

      it('conventions for server pages: cookie, link template, hydrate bundle', () => {
        expect(ssr.REGION_COOKIE).toBe('news_region')
        expect(ssr.regionFromCookie('a=1; news_region=330100; b=2')).toBe('330100')
        expect(ssr.regionFromCookie('news_region=evil')).toBeUndefined()
        expect(ssr.regionFromCookie(undefined)).toBeUndefined()
        expect(ssr.ARTICLE_HREF).toBe('/news/{slug}')
        expect(ssr.fillHref(ssr.ARTICLE_HREF, { slug: 'a b' })).toBe('/news/a%20b')
        expect(ssr.HYDRATE_BUNDLE).toBe('/widgets/v1/widgets-hydrate.js')
      })

      it('renders 24 cards synchronously in a few milliseconds', () => {
        const list = listOf(Array.from({ length: 24 }, (_, i) => card(i + 1)))
        const times: number[] = []
        for (let i = 0; i < 60; i++) {
          const t = performance.now()
          ssr.renderArticleList({
            list,
            categories,
            lang: 'zh-CN',
            api: API,
            pageSize: 24,
          })
          times.push(performance.now() - t)
        }
        times.sort((a, b) => a - b)
        const median = times[times.length >> 1]
        const bytes = Buffer.byteLength(
          ssr.renderArticleList({
            list,
            categories,
            lang: 'zh-CN',
            api: API,
            pageSize: 24,
          }),
        )
        console.log(`[ssr ${name}] 24 cards + tabs: median ${median.toFixed(2)} ms (first ${times.at(-1)!.toFixed(2)} ms max), ${bytes} bytes`)
        // A sanity bound on two shared cores; the figure itself is printed (and measured idle by bench/ssr.mjs).
        expect(median).toBeLessThan(50)
      })
    }
  })
}
