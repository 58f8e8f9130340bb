import { TaskStatus } from '@lit/task'
import { css, html, isServer, nothing, type PropertyDeclarations, type PropertyValues } from 'lit'
import { type ApiError, getArticles, getCategories, isAbort } from '../api/client.js'
import type { ArticleCard, ArticleListResponse, ArticleSort, CategoryListResponse } from '../../wire/index.js'
import { readEmbedded } from '../base/embedded-data.js'
import { DEFAULT_HREF, fillHref } from '../base/format.js'
import { errorView, statusStyles } from '../base/status-view.js'
import { WidgetElement } from '../base/widget-element.js'
import { tokens } from '../theme/tokens.js'
import type { CardLayout } from '../article-card/article-card.js'
import { readUrlState, writeUrlState } from './url-state.js'

/** What a server render hands the list: the page it shows and, with `tabs`, the categories. */
export interface ArticleListInitial {
  list: ArticleListResponse
  categories?: CategoryListResponse
}

export interface ArticleListErrorDetail {
  kind: ApiError['kind']
  status?: number
}

/** Page numbers around the current one, with gaps (0) between runs: 1 … 4 5 6 … 12. */
export function pageWindow(page: number, total: number): number[] {
  const out: number[] = []
  for (let p = 1; p <= total; p++) {
    if (p === 1 || p === total || Math.abs(p - page) <= 1) out.push(p)
    else if (out[out.length - 1] !== 0) out.push(0)
  }
  return out
}

/**
 * A filtered, paged list of article cards, optionally with category tabs, following a region
 * picker and mirrored in the page URL. The host's own children (e.g. plain links for crawlers
 * and visitors without JavaScript) stay visible until the live list is ready and whenever it fails.
 *
 * @summary News list with category tabs, region filter and paging.
 *
 * @attr category - Category slug; empty for all.
 * @attr region - Region code.
 * @attr region-source - CSS selector of a `<region-picker>` whose value (and `change` events) set the region.
 * @attr page-size - Articles per page (default 12, max 50).
 * @attr paging - `pages` (default: numbered pages) or `more` (a load-more button).
 * @attr tabs - Show 全部 plus the CMS's categories as tabs.
 * @attr href - Card link template, e.g. `/news/{slug}` (default `?article={slug}`).
 * @attr sort - `-publishedAt` (default), `publishedAt`, `-views` or `title`.
 * @attr layout - Card layout: `vertical` (grid, default), `horizontal` or `compact` (lists).
 * @attr url-sync - Mirror category, region and page in the URL query and read them on load.
 * @attr page - Current page (1-based).
 * @attr api - CMS base URL (defaults to the origin this script came from).
 * @attr timeout - Request timeout in ms (default 10000).
 *
 * @prop {ArticleListInitial | undefined} initial - The page to show (and categories for the tabs) without fetching them, as long as
 *   the filters still match the ones it was set (or server-rendered) with; read from a `<script type="application/json">` child on connect.
 *
 * @slot - Fallback content shown until the live list is ready and when loading fails (a server render puts its headline links here).
 *
 * @event {CustomEvent<ArticleListResponse>} load - A page of articles arrived (not bubbling, like a native load).
 * @event {CustomEvent<ArticleListErrorDetail>} error - Loading failed; `detail: { kind, status? }` (not bubbling).
 *
 * @csspart tabs - The tablist.
 * @csspart tab - A category tab.
 * @csspart list - The list of cards.
 * @csspart card - Each `<article-card>` (style its inside with `article-card::part(...)` from the host).
 * @csspart empty - The empty state.
 * @csspart error - Error message with retry.
 * @csspart retry - The retry button.
 * @csspart pager - The page navigation.
 * @csspart more - The load-more button.
 *
 * @cssproperty --news-accent - Accent colour (active tab, current page).
 * @cssproperty --news-list-min - Minimum card width in the grid (default 16rem).
 * @cssproperty --news-list-gap - Gap between cards (default 1rem).
 */
export class ArticleList extends WidgetElement {
  static override properties: PropertyDeclarations = {
    category: {},
    region: {},
    regionSource: { attribute: 'region-source' },
    pageSize: { type: Number, attribute: 'page-size' },
    paging: {},
    tabs: { type: Boolean },
    href: {},
    sort: {},
    layout: {},
    urlSync: { type: Boolean, attribute: 'url-sync' },
    page: { type: Number },
    items: { state: true },
    initial: { attribute: false },
  }

  declare category: string
  declare region: string
  declare regionSource: string
  declare pageSize: number
  declare paging: 'pages' | 'more'
  declare tabs: boolean
  declare href: string
  declare sort: ArticleSort
  declare layout: CardLayout
  declare urlSync: boolean
  /** Current page (1-based). */
  declare page: number
  /** @internal Cards shown: the current page, or every page so far with `paging="more"`; undefined until the first load. */
  declare items?: ArticleCard[]
  declare initial?: ArticleListInitial

  constructor() {
    super()
    this.category = this.region = this.regionSource = this.href = ''
    this.pageSize = 12
    this.paging = 'pages'
    this.tabs = this.urlSync = false
    this.sort = '-publishedAt'
    this.layout = 'vertical'
    this.page = 1
  }

  get #limit() {
    return Math.min(50, Math.max(1, Math.floor(this.pageSize) || 12))
  }

  readonly articles = this.task({
    args: () => [this.apiRoot, this.uiLang, this.category, this.region, this.page, this.#limit, this.sort, this.timeout] as const,
    task: ([api, locale, category, region, page, limit, sort], { signal }) =>
      this.announce(
        getArticles(api, { category, region, page, limit, sort, locale }, this.req(signal)).then((res) => {
          this.items = page > 1 && this.paging === 'more' ? [...(this.items ?? []), ...res.docs] : res.docs
          return res
        }),
      ),
  })

  readonly categories = this.task({
    args: () => [this.tabs, this.apiRoot, this.uiLang, this.timeout] as const,
    task: ([tabs, api, lang], { signal }) => (tabs ? getCategories(api, lang, this.req(signal)) : undefined),
  })

  #source?: Element
  /**
   * What `initial` answers: [api + language (categories; '' without them), that + filters (articles)]. Each task stays
   * off while its key matches, and for good once it does not (from then on the list fetches as usual).
   */
  #seedKeys?: string[]

  #keys(): string[] {
    const c = JSON.stringify([this.apiRoot, this.uiLang])
    return [this.initial?.categories ? c : '', c + JSON.stringify([this.category, this.region, this.page, this.#limit, this.sort])]
  }

  /** The categories the tabs show: fetched, else the initial ones while they still apply. */
  get #cats() {
    return this.categories.value ?? (this.#seedKeys?.[0] ? this.initial!.categories : undefined)
  }

  override connectedCallback() {
    // Server output: its data, keyed by the attributes it was rendered with (before the URL may change them).
    if (!this.hasUpdated && !this.initial && (this.initial = readEmbedded(this, (d: ArticleListInitial) => Array.isArray(d.list?.docs))))
      this.#seedKeys = this.#keys()
    super.connectedCallback()
    if (this.urlSync) {
      // Hydration must first render exactly what the server did (it does not commit what differs); the URL's view after.
      if (this.hydrating) this.updateComplete.then(this.#readUrl)
      else this.#readUrl()
      addEventListener('popstate', this.#readUrl)
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.#follow(), { once: true })
    else this.#follow()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    removeEventListener('popstate', this.#readUrl)
    this.#source?.removeEventListener('change', this.#onSourceChange)
    this.#source = undefined
  }

  #readUrl = () => {
    const s = readUrlState()
    this.category = s.category ?? ''
    if (s.region !== undefined || !this.#source) this.region = s.region ?? this.region
    this.page = s.page ?? 1
  }

  /** Starts following the region picker named by `region-source`. */
  async #follow() {
    if (!this.regionSource || !this.isConnected || this.#source) return
    const root = this.getRootNode() as Document | ShadowRoot
    const src = (root.querySelector?.(this.regionSource) ?? document.querySelector(this.regionSource)) as
      | (Element & { value?: string })
      | null
    if (!src) return
    this.#source = src
    src.addEventListener('change', this.#onSourceChange)
    if (src.localName.includes('-')) await customElements.whenDefined(src.localName)
    // A hydrating picker takes its remembered choice only after its first update.
    if (this.hydrating) await (src as { updateComplete?: Promise<unknown> }).updateComplete
    const fromUrl = this.urlSync ? readUrlState().region : undefined
    // A shared link wins over the visitor's remembered city, and the picker shows it.
    if (fromUrl) src.value = fromUrl
    else if (src.value) this.region = src.value
  }

  #onSourceChange = (e: Event) => {
    const code = (e as CustomEvent<{ code?: string }>).detail?.code ?? (e.currentTarget as { value?: string }).value
    if (code === undefined || code === this.region) return
    this.region = code
    this.page = 1
    this.#syncUrl(false)
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const i = this.initial
    if (changed.has('initial') && i) {
      this.items = i.list.docs
      this.#lastRes = i.list
      if (this.hasUpdated || !this.#seedKeys) this.#seedKeys = this.#keys()
    }
    const s = this.#seedKeys
    if (s) {
      // Before the tasks look at their args.
      this.#keys().forEach((k, j) => k !== s[j] && (s[j] = ''))
      this.categories.autoRun = !s[0]
      this.articles.autoRun = !s[1]
    }
    // A new filter starts again from its first page.
    if (this.hasUpdated && (['category', 'region', 'sort', 'pageSize'] as const).some((k) => changed.has(k)) && !changed.has('page'))
      this.page = 1
  }

  #syncUrl(push: boolean) {
    if (this.urlSync) writeUrlState({ category: this.category, region: this.region, page: this.page }, push)
  }

  /** Shows one category, as a tab click does. */
  selectCategory(slug: string) {
    if (slug === this.category) return
    this.category = slug
    this.page = 1
    this.#syncUrl(true)
  }

  /** Goes to a page, as the pager does. */
  goTo(page: number) {
    this.page = page
    this.#syncUrl(this.paging !== 'more')
  }

  static override styles = [
    tokens,
    statusStyles,
    css`
      :host {
        display: block;
      }
      .tabs {
        display: flex;
        flex-wrap: wrap;
        margin-bottom: 1em;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        padding: 0.55em 1em;
        border: 0;
        border-bottom: 2px solid transparent;
        margin-bottom: -1px;
        background: none;
        cursor: pointer;
      }
      [role='tab']:hover,
      [aria-selected='true'] {
        color: var(--_accent);
      }
      [aria-selected='true'] {
        border-bottom-color: currentColor;
        font-weight: bold;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--news-list-gap, 1rem);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--news-list-min, 16rem)), 1fr));
      }
      .rows {
        grid-template-columns: 1fr;
      }
      article-card {
        height: 100%;
      }
      /* Cards off screen are neither laid out nor painted until scrolled near (a phone shows two of twelve): the first
         card's cover paints sooner. The clip margin keeps a hovered card's shadow. */
      li {
        content-visibility: auto;
        contain-intrinsic-size: auto 20em;
        overflow-clip-margin: 1.5em;
      }
      .busy {
        opacity: 0.55;
      }
      .skel {
        height: 16em;
      }
      .empty {
        padding: 2em;
        text-align: center;
        color: var(--_muted);
      }
      .error {
        margin-bottom: 1em;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.35em;
        margin-top: 1.25em;
      }
      nav button {
        min-width: 2.4em;
        padding: 0.4em 0.8em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        cursor: pointer;
      }
      [aria-current='page'] {
        background: var(--_accent);
        color: var(--_accent-text);
      }
      :disabled {
        opacity: 0.5;
        cursor: default;
      }
    `,
  ]

  #onTabKey(e: KeyboardEvent) {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')]
    const i = tabs.indexOf(e.target as HTMLElement)
    const j = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key]
    if (j === undefined || i < 0) return
    e.preventDefault()
    const tab = tabs[(j + tabs.length) % tabs.length]
    tab.focus()
    tab.click()
  }

  #renderTabs() {
    const all = [{ slug: '', name: this.t.all }, ...(this.#cats?.docs ?? [])]
    const current = all.some((c) => c.slug === this.category) ? this.category : undefined
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${this.t.categories} @keydown=${this.#onTabKey}>
      ${all.map((c, i) => {
        const selected = c.slug === current
        return html`<button
          part="tab"
          role="tab"
          type="button"
          id="tab-${i}"
          aria-selected=${selected}
          aria-controls="panel"
          tabindex=${selected || (current === undefined && i === 0) ? 0 : -1}
          @click=${() => this.selectCategory(c.slug)}
        >
          ${c.name}
        </button>`
      })}
    </div>`
  }

  #renderPager(res: ArticleListResponse | undefined, busy: boolean) {
    const t = this.t
    if (!res || res.totalPages < 2) return nothing
    if (this.paging === 'more')
      return res.hasNextPage
        ? html`<nav part="pager" aria-label=${t.pages}>
            <button part="more" type="button" ?disabled=${busy} @click=${() => this.goTo(res.page + 1)}>${busy ? t.loading : t.more}</button>
          </nav>`
        : nothing
    const page = res.page
    return html`<nav part="pager" aria-label=${t.pages}>
      <button type="button" ?disabled=${!res.hasPrevPage} @click=${() => this.goTo(page - 1)}>${t.prevPage}</button>
      ${pageWindow(page, res.totalPages).map((p) =>
        p
          ? html`<button type="button" aria-current=${p === page ? 'page' : 'false'} @click=${() => this.goTo(p)}>${p}</button>`
          : html`<span aria-hidden="true">…</span>`,
      )}
      <button type="button" ?disabled=${!res.hasNextPage} @click=${() => this.goTo(page + 1)}>${t.nextPage}</button>
    </nav>`
  }

  protected override render() {
    const t = this.t
    const task = this.articles
    const failed = task.error !== undefined && !isAbort(task.error) && task.status === TaskStatus.ERROR
    const busy = task.status === TaskStatus.PENDING || isAbort(task.error)
    const items = this.items
    const appending = this.paging === 'more' && this.page > 1
    // The host's own content stays until the live list is ready, and comes back when loading fails.
    // (No child nodes to look at on a server.)
    const hostContent = !isServer && [...this.childNodes].some((n) => n.nodeType === 1 || n.textContent!.trim())
    const showItems = items && (!failed || appending)
    // The selected tab labels the panel. A server has no rendered tabs to look at: it works it out from the data,
    // and hydration then finds the same tab selected.
    const current = !this.tabs
      ? undefined
      : isServer
        ? `tab-${Math.max(0, ['', ...(this.#cats?.docs ?? []).map((c) => c.slug)].indexOf(this.category))}`
        : this.renderRoot.querySelector?.('[role=tab][aria-selected=true]')?.id
    const body = html`
      ${failed ? errorView(t, task.error, () => task.run()) : nothing}
      ${!showItems ? html`<slot></slot>` : nothing}
      ${!items && busy && !hostContent
        ? html`<ul class=${this.layout === 'vertical' ? '' : 'rows'} aria-hidden="true">
            ${Array.from({ length: Math.min(this.#limit, 6) }, () => html`<li class="skel"></li>`)}
          </ul>`
        : nothing}
      ${showItems
        ? items.length
          ? html`<ul part="list" class="${this.layout === 'vertical' ? '' : 'rows'} ${busy && !appending ? 'busy' : ''}" aria-busy=${busy}>
              ${items.map(
                (a) => html`<li>
                  <article-card part="card" .article=${a} api=${this.api} href=${fillHref(this.href || DEFAULT_HREF, a)} layout=${this.layout}></article-card>
                </li>`,
              )}
            </ul>`
          : html`<p part="empty" class="empty">${t.empty}</p>`
        : nothing}
      ${showItems && !(failed && !appending) ? this.#renderPager(task.value ?? this.#lastRes, busy) : nothing}
    `
    return this.tabs
      ? html`${this.#renderTabs()}
          <div id="panel" role="tabpanel" aria-labelledby=${current ?? 'tab-0'}>${body}</div>`
      : body
  }

  /** The last successful response; Task clears its value while a new run is pending or failed. */
  #lastRes?: ArticleListResponse

  protected override updated() {
    if (this.articles.value) this.#lastRes = this.articles.value
  }
}
