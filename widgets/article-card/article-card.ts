import { css, html, isServer, nothing, type PropertyDeclarations } from 'lit'
import { assetUrl, getArticle, isAbort } from '../api/client.js'
import type { ArticleCard as ArticleCardData, ArticleDetail, CoverImage } from '../../wire/index.js'
import { afterPaint } from '../base/after-paint.js'
import { readEmbedded } from '../base/embedded-data.js'
import { DEFAULT_HREF, fillHref, formatDate } from '../base/format.js'
import { errorView, statusStyles } from '../base/status-view.js'
import type { Task } from '@lit/task'
import { WidgetElement } from '../base/widget-element.js'
import type { UiLang } from '../i18n/messages.js'
import { tokens } from '../theme/tokens.js'

export type CardLayout = 'vertical' | 'horizontal' | 'compact'

/** `srcset` from the original and its CMS-generated sizes, smallest first, resolved against the CMS. */
export function coverSrcset(cover: CoverImage, api: string): string {
  const all = [cover, ...Object.values(cover.sizes ?? {})].filter((v) => v?.url && v.width)
  return all
    .sort((a, b) => a.width - b.width)
    .map((v) => `${assetUrl(api, v.url).replace(/[\s,]/g, encodeURIComponent)} ${v.width}w`)
    .join(', ')
}

/**
 * One article teaser; the whole card is a single link. Text is always rendered as text.
 *
 * @summary Article teaser card (cover, title, excerpt, date, author, views, category).
 *
 * @attr slug - Fetch this article from the CMS when no `article` property is given.
 * @attr href - Link of the card; defaults to `?article={slug}`.
 * @attr layout - `vertical` (default), `horizontal` or `compact` (no cover, no excerpt).
 * @attr api - CMS base URL (defaults to the origin this script came from).
 * @attr timeout - Request timeout in ms (default 10000).
 *
 * @prop {ArticleCard | undefined} article - The card data (as in an ArticleListResponse); read from a
 *   `<script type="application/json">` child on connect when not set (server output).
 *
 * @event {CustomEvent<ArticleDetail>} load - The article fetched by `slug` arrived (not bubbling).
 * @event {CustomEvent<{ kind: string, status?: number }>} error - Fetching it failed; not bubbling.
 *
 * @csspart card - The card box.
 * @csspart cover - The cover image.
 * @csspart title - The title (heading with the link).
 * @csspart link - The card's link.
 * @csspart excerpt - The excerpt.
 * @csspart meta - The line with date, author and views.
 * @csspart category - The category badge.
 * @csspart error - Error message with retry.
 *
 * @cssproperty --news-accent - Accent colour (category, hover).
 * @cssproperty --news-text - Text colour.
 * @cssproperty --news-muted - Meta text colour.
 * @cssproperty --news-bg - Card background.
 * @cssproperty --news-border - Card border.
 * @cssproperty --news-radius - Corner radius.
 * @cssproperty --news-card-cover-ratio - Cover aspect ratio (default 16 / 9).
 */
export class ArticleCard extends WidgetElement {
  static override properties: PropertyDeclarations = {
    article: { attribute: false },
    slug: {},
    href: {},
    layout: {},
    coverStarted: { state: true },
  }

  declare article?: ArticleCardData
  declare slug: string
  declare href?: string
  declare layout: CardLayout
  /**
   * @internal Whether the cover may load. Starting two dozen image requests costs as much main-thread time
   * as drawing the cards, so a new card shows its text in the first frame and asks for its cover just after.
   */
  declare coverStarted: boolean

  constructor() {
    super()
    this.slug = ''
    this.layout = 'vertical'
    // Server HTML names its cover at once: the image loads while the page parses.
    this.coverStarted = isServer
  }

  override connectedCallback() {
    // A server-rendered card's data. (Its cover's src stays as the server wrote it until the one set after paint, the same.)
    if (!this.hasUpdated) this.article ??= readEmbedded<ArticleCardData>(this, (d) => typeof d.title === 'string')
    super.connectedCallback()
  }

  protected override firstUpdated() {
    afterPaint(() => (this.coverStarted = true))
  }

  #fetched?: Task<readonly [string, string, UiLang, number], ArticleDetail | undefined>

  protected override willUpdate() {
    // Created only when needed: a card given its data (from a list) then renders once, with no task run.
    if (this.slug && !this.article)
      this.#fetched ??= this.task({
        args: () => [this.article ? '' : this.slug, this.apiRoot, this.uiLang, this.timeout] as const,
        task: ([slug, api, lang], { signal }) => (slug ? this.announce(getArticle(api, slug, lang, this.req(signal))) : undefined),
      })
  }

  static override styles = [
    tokens,
    statusStyles,
    css`
      :host {
        display: block;
      }
      .card {
        position: relative;
        display: flex;
        flex-direction: column;
        height: 100%;
        box-sizing: border-box;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      .card:hover {
        box-shadow: var(--_shadow);
      }
      /* Inset: a list lays its cards out lazily (paint containment), which would clip an outline drawn outside. */
      .card:focus-within {
        outline: var(--_focus);
        outline-offset: -2px;
      }
      img {
        display: block;
        width: 100%;
        height: auto;
        aspect-ratio: var(--news-card-cover-ratio, 16 / 9);
        object-fit: cover;
        background: var(--_surface);
      }
      .text {
        display: flex;
        flex-direction: column;
        flex: 1;
        gap: 0.4em;
        padding: 0.8em 1em 1em;
      }
      h3 {
        margin: 0;
        font-size: 1.05em;
        line-height: 1.4;
      }
      a {
        color: inherit;
        text-decoration: none;
        outline: 0;
      }
      /* One link for the whole card, with only the title as its accessible name. */
      a::after {
        content: '';
        position: absolute;
        inset: 0;
      }
      .card:hover h3,
      .cat {
        color: var(--_accent);
      }
      p {
        margin: 0;
        color: var(--_muted);
        font-size: 0.9em;
        line-height: 1.6;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      /* One line box rather than a flex item per entry: layout is measurably cheaper. */
      .meta {
        margin-top: auto;
        color: var(--_muted);
        font-size: 0.8em;
      }
      .meta > * {
        margin-inline-end: 0.6em;
        white-space: nowrap;
      }
      .horizontal {
        flex-direction: row;
      }
      .horizontal .cover {
        flex: 0 0 38%;
      }
      .horizontal img {
        height: 100%;
      }
      @media (max-width: 480px) {
        .horizontal {
          flex-direction: column;
        }
      }
      .skel {
        height: 14em;
      }
    `,
  ]

  protected override render() {
    const f = this.#fetched
    const a = this.article ?? f?.value
    if (!a) return f?.error && !isAbort(f.error) ? errorView(this.t, f.error, () => f.run()) : this.slug ? html`<div class="skel"></div>` : nothing
    const layout = this.layout
    const c = layout !== 'compact' && a.cover
    const api = this.api
    // Optional bits are hidden rather than nested templates (cheaper per card); spaces between the meta items are where the line may wrap.
    return html`
      <article part="card" class="card ${layout}">
        ${c
          ? html`<div class="cover">
              <img
                part="cover"
                loading="lazy"
                decoding="async"
                sizes="(max-width: 640px) 100vw, 400px"
                width=${c.width}
                height=${c.height}
                alt=${c.alt ?? ''}
                srcset=${this.coverStarted ? coverSrcset(c, api) : nothing}
                src=${this.coverStarted ? assetUrl(api, c.sizes?.card?.url ?? c.url) : nothing}
              />
            </div>`
          : nothing}
        <div class="text">
          <span part="category" class="cat" ?hidden=${!a.category}>${a.category?.name}</span>
          <h3 part="title"><a part="link" href=${this.href || fillHref(DEFAULT_HREF, a)}>${a.title}</a></h3>
          ${layout === 'compact' || !a.excerpt ? nothing : html`<p part="excerpt">${a.excerpt}</p>`}
          <div part="meta" class="meta"><time datetime=${a.publishedAt}>${formatDate(a.publishedAt, this.uiLang)}</time> <span ?hidden=${!a.author}>${a.author}</span> <span>${`${this.t.views} ${a.views ?? 0}`}</span></div>
        </div>
      </article>
    `
  }
}
