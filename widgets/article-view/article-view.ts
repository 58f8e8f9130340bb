import { css, html, isServer, nothing, type PropertyDeclarations } from 'lit'
import { getArticle, isAbort, postView } from '../api/client.js'
import type { ArticleDetail, ArticleLink } from '../../wire/index.js'
import { readEmbedded } from '../base/embedded-data.js'
import { DEFAULT_HREF, fillHref, isoDay } from '../base/format.js'
import { errorView, statusStyles } from '../base/status-view.js'
import { WidgetElement } from '../base/widget-element.js'
import { tokens } from '../theme/tokens.js'
import { inertTemplate } from './inert-html.js'
import { visitorId } from './visitor-id.js'

/**
 * One article: headline, meta line, body, credits and previous/next links. Counts one view per
 * visitor (anonymous id in localStorage) and shows the count the CMS returns.
 *
 * @summary Full article page body.
 *
 * @attr slug - The article to show.
 * @attr href - Link template for previous/next, e.g. `/news/{slug}` (default `?article={slug}`).
 * @attr no-count - Do not count a view (previews, admin pages).
 * @attr region - Code of the region the reader chose (e.g. a `<region-picker>`'s value): sent with the view for the
 *   per-region stats.
 * @attr api - CMS base URL (defaults to the origin this script came from).
 * @attr timeout - Request timeout in ms (default 10000).
 *
 * @prop {ArticleDetail | undefined} initial - The article to show without fetching it, while `slug` is its slug; read from a
 *   `<script type="application/json">` child on connect. Server output (see widgets/ssr) puts its headline, date, body and
 *   previous/next links in the light DOM, in the slots below, so they are real page content for crawlers.
 *
 * @slot title - Server output: the headline (`<h1 slot="title">`).
 * @slot date - Server output: the publish date (`<time slot="date">`).
 * @slot body - Server output: the sanitized body (`<div slot="body" class="news-body">`).
 * @slot prev - Server output: link to the previous article.
 * @slot next - Server output: link to the next article.
 *
 * @event {CustomEvent<ArticleDetail>} load - The article arrived (e.g. to set `document.title`); not bubbling.
 * @event {CustomEvent<{ kind: string, status?: number }>} error - Loading failed; not bubbling.
 *
 * @csspart article - The article box.
 * @csspart title - The headline.
 * @csspart meta - Author, date and read count.
 * @csspart body - The article body.
 * @csspart credits - The credits block (来源 / 编辑 …).
 * @csspart nav - Previous / next links.
 * @csspart error - Error message with retry.
 * @csspart retry - The retry button.
 *
 * @cssproperty --news-accent - Link and quote accent colour.
 * @cssproperty --news-text - Text colour.
 * @cssproperty --news-muted - Meta text colour.
 * @cssproperty --news-article-size - Body font size (default 1.0625rem).
 */
export class ArticleView extends WidgetElement {
  static override properties: PropertyDeclarations = {
    slug: {},
    href: {},
    noCount: { type: Boolean, attribute: 'no-count' },
    region: {},
    views: { state: true },
    initial: { attribute: false },
  }

  declare slug: string
  declare href: string
  declare noCount: boolean
  declare region: string
  /** @internal The count the view endpoint returned. */
  declare views?: number
  declare initial?: ArticleDetail

  /** The checked body of an article, kept while it is shown (Lit leaves a node value it already holds alone). */
  private body?: [ArticleDetail, string, Node]

  constructor() {
    super()
    this.slug = this.href = this.region = ''
    this.noCount = false
  }

  readonly article = this.task({
    args: () => [this.slug, this.apiRoot, this.uiLang, this.timeout] as const,
    task: ([slug, api, lang], { signal }) =>
      slug
        ? this.announce(
            getArticle(api, slug, lang, this.req(signal)).then((d) => {
              this.views = d.views
              return d
            }),
          )
        : undefined,
  })

  override connectedCallback() {
    if (!this.hasUpdated) this.initial ??= readEmbedded<ArticleDetail>(this, (d) => typeof d.title === 'string')
    super.connectedCallback()
  }

  protected override willUpdate() {
    const i = this.initial
    if (i && !this.slug) this.slug = i.slug
    // Another article than the one given: forget it (its light-DOM text is no longer slotted) and fetch as usual.
    if (i?.slug !== this.slug) this.initial = undefined
    this.article.autoRun = !this.initial
  }

  /**
   * One view of each article shown (the CMS dedupes by visitor across page loads), then the count it returns.
   * Runs once the article has arrived, again only for another article; aborted if the element leaves the page.
   */
  readonly viewCount = this.task({
    args: () => [this.noCount || isServer ? '' : ((this.article.value ?? this.initial)?.slug ?? ''), this.apiRoot, this.timeout] as const,
    task: async ([slug, api], { signal }) => {
      if (!slug) return undefined
      try {
        const { views } = await postView(api, slug, visitorId(), this.region, this.req(signal))
        if (this.slug === slug) this.views = views
      } catch {
        // A view that could not be counted changes nothing for the reader.
      }
      return slug
    },
  })

  static override styles = [
    tokens,
    statusStyles,
    css`
      :host {
        display: block;
        line-height: 1.75;
      }
      h1,
      .title {
        margin: 0 0 0.4em;
        font-size: 1.75em;
        line-height: 1.35;
        font-weight: bold;
      }
      ::slotted(h1) {
        margin: 0;
        font: inherit;
      }
      ::slotted(a) {
        color: var(--_accent);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.25em;
        margin: 0 0 1.5em;
        padding-bottom: 1em;
        border-bottom: 1px solid var(--_border);
      }
      .meta,
      figcaption,
      dt {
        color: var(--_muted);
        font-size: 0.875em;
      }
      .body {
        font-size: var(--news-article-size, 1.0625rem);
        overflow-wrap: anywhere;
      }
      img,
      video,
      iframe {
        max-width: 100%;
        height: auto;
      }
      figure {
        margin: 1.5em 0;
        text-align: center;
      }
      blockquote {
        margin: 1.25em 0;
        padding: 0.5em 1em;
        border-inline-start: 4px solid var(--_accent);
        background: var(--_surface);
      }
      a {
        color: var(--_accent);
      }
      table {
        display: block;
        overflow-x: auto;
      }
      dl,
      nav {
        margin: 2em 0 0;
        padding: 1em 1.25em;
        border-radius: var(--_radius);
      }
      dl {
        background: var(--_surface);
      }
      dl div {
        display: flex;
        gap: 0.5em;
      }
      dt::after {
        content: '：';
      }
      dd,
      nav p {
        margin: 0;
      }
      nav {
        border: 1px solid var(--_border);
      }
      .skel {
        height: 1.2em;
        margin: 0.8em 0;
      }
    `,
  ]

  /** A previous/next line; server output slots its light-DOM link instead (`slot`). */
  private link(label: string, a?: ArticleLink, slot?: string) {
    const none = this.t.none
    return html`<p>${label}：${slot ? html`<slot name=${slot}>${none}</slot>` : a ? html`<a href=${fillHref(this.href || DEFAULT_HREF, a)}>${a.title}</a>` : none}</p>`
  }

  protected override render() {
    const t = this.t
    const task = this.article
    // Server output: headline, date, body and links are light DOM in slots (styled with ::slotted and news-body rules).
    const s = this.initial
    const d: ArticleDetail | undefined = s ?? task.value
    if (!d) {
      if (task.error && !isAbort(task.error)) return errorView(t, task.error, () => task.run())
      return this.slug
        ? html`<div role="status" aria-label=${t.loading}>
            ${[1, 2, 3, 4].map(() => html`<div class="skel"></div>`)}
          </div>`
        : nothing
    }
    if (!s && (this.body?.[0] !== d || this.body[1] !== this.api)) this.body = [d, this.api, inertTemplate(d.html ?? '', this.api).content]
    return html`
      <article part="article">
        ${s ? html`<div part="title" class="title"><slot name="title"></slot></div>` : html`<h1 part="title">${d.title}</h1>`}
        <p part="meta" class="meta">
          ${d.author ? html`<span>${d.author}</span>` : nothing}
          ${s ? html`<slot name="date"></slot>` : html`<time datetime=${d.publishedAt}>${isoDay(d.publishedAt)}</time>`}
          <span>${t.views}：${this.views ?? d.views}</span>
        </p>
        <div part="body" class="body">${s ? html`<slot name="body"></slot>` : this.body![2]}</div>
        ${d.credits?.length
          ? html`<dl part="credits">${d.credits.map((c) => html`<div><dt>${c.label}</dt><dd>${c.value}</dd></div>`)}</dl>`
          : nothing}
        <nav part="nav" aria-label="${t.prev} / ${t.next}">${this.link(t.prev, d.prev, s && 'prev')}${this.link(t.next, d.next, s && 'next')}</nav>
      </article>
    `
  }
}
