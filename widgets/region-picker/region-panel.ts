import { TaskStatus } from '@lit/task'
import { css, html, nothing, type ReactiveController } from 'lit'
import { isAbort } from '../api/client.js'
import { errorView, statusStyles } from '../base/status-view.js'
import { nearestRegion } from './nearest-region.js'
import type { PanelHost } from './panel-host.js'
import type { RegionEntry, RegionModel } from './region-model.js'
import { RegionSearch } from './region-search.js'

/**
 * The picker's panel, made on first open (a picker that is never opened renders only its trigger).
 * The combobox input, the listbox, its groups and options share the picker's shadow root
 * (ID references cannot cross shadow roots). The full list (a few hundred options) is built once as
 * an escaped HTML string and parsed straight into place, several times faster to show than template
 * instances; the active and chosen options are marked imperatively, so arrow keys, choices and
 * keystrokes never touch it. Nothing reads layout while it opens: the browser lays out only the rows
 * near the viewport (`content-visibility`), in the frame that shows them.
 */
export class RegionPanel implements ReactiveController {
  query = ''
  /** Opens leftwards (trigger near the right edge); decided before the panel renders. */
  end = false
  #searcher?: RegionSearch
  #searchModel?: RegionModel
  #activeEl?: Element
  #coords?: { lat: number; lng: number }
  #locating = false
  #autoActivate = false
  #allKey: unknown[] = []
  #allHtml = ''
  /** The `.all` element holding `shownHtml`, and the options marked as the current choice. */
  #allEl?: Element
  #shownHtml = ''
  #marked: Element[] = []
  #markedCode?: string
  #letters?: [RegionModel, string[]]
  #near?: [unknown[], RegionEntry | undefined]

  #host: PanelHost

  constructor(host: PanelHost) {
    this.#host = host
    host.addController(this)
    const root = host.renderRoot as ShadowRoot
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, statusStyles.styleSheet!, panelStyles.styleSheet!]
  }

  hostUpdated() {
    const host = this.#host
    const root = host.renderRoot as ShadowRoot
    if (host.open) document.addEventListener('pointerdown', this.#onOutside, true)
    else document.removeEventListener('pointerdown', this.#onOutside, true)
    // Parsed once into place (as a template it would be parsed and then cloned), again only when it changes.
    const all = this.#$('.all')
    if (all && (all !== this.#allEl || this.#shownHtml !== this.#allHtml)) {
      all.innerHTML = this.#shownHtml = this.#allHtml
      this.#allEl = all
      this.#markedCode = undefined
    }
    if (this.#markedCode !== host.value) {
      for (const el of this.#marked) el.classList.remove('chosen')
      this.#marked = host.value ? ['r-', 'h-', 'o-'].map((p) => root.getElementById(p + host.value)!).filter(Boolean) : []
      for (const el of this.#marked) el.classList.add('chosen')
      this.#markedCode = host.value
    }
    // The best match becomes active once there are results: typed before the regions arrived, on their arrival.
    const best = this.#autoActivate && this.#options()[0]
    if (best) {
      this.#autoActivate = false
      this.#setActive(best, false)
    }
  }

  hostDisconnected() {
    document.removeEventListener('pointerdown', this.#onOutside, true)
  }

  #$<E extends Element>(sel: string) {
    return this.#host.renderRoot.querySelector<E>(sel)
  }

  /** Before the panel renders: which way it opens, from the host's box. */
  place(r: DOMRect) {
    this.end = r.left + Math.min(640, innerWidth * 0.92) > innerWidth
  }

  /** After the panel is shown: focus the search, mark the current choice, locate. */
  opened() {
    const host = this.#host
    this.#$<HTMLInputElement>('input')?.focus({ preventScroll: true })
    this.#setActive(this.query ? this.#options()[0] : host.value ? this.#$(`#o-${host.value}`) ?? undefined : undefined)
    if (host.locate && !this.#hostCoords() && !this.#coords && !this.#locating && navigator.geolocation) {
      this.#locating = true
      navigator.geolocation.getCurrentPosition(
        (p) => {
          this.#coords = { lat: p.coords.latitude, lng: p.coords.longitude }
          host.requestUpdate()
        },
        // Denied or unavailable (common where the location service is unreachable): manual choice stays.
        () => {},
        { timeout: 8000, maximumAge: 600_000 },
      )
    }
  }

  #hostCoords() {
    const { latitude: lat, longitude: lng } = this.#host
    return Number.isFinite(lat) && Number.isFinite(lng) ? { lat: lat!, lng: lng! } : undefined
  }

  #onOutside = (e: Event) => {
    if (!e.composedPath().includes(this.#host)) this.#host.hide(false)
  }

  #onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null
    // Null when the window itself loses focus: keep the panel for when the visitor comes back.
    if (to && !this.#host.contains(to) && !this.#host.renderRoot.contains(to)) this.#host.hide(false)
  }

  /** Options currently shown, in order. */
  #options(): Element[] {
    return [...this.#host.renderRoot.querySelectorAll(this.query ? '.results [role=option]' : '.all [role=option]')]
  }

  /** Marks the active option; `scroll` brings it into view (not needed for the first search result). */
  #setActive(el?: Element | null, scroll = true) {
    this.#activeEl?.removeAttribute('aria-selected')
    this.#activeEl = el ?? undefined
    const input = this.#$('input')
    if (el) {
      el.setAttribute('aria-selected', 'true')
      if (scroll) el.scrollIntoView({ block: 'nearest' })
      input?.setAttribute('aria-activedescendant', el.id)
    } else input?.removeAttribute('aria-activedescendant')
  }

  #onInput = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value
    this.#setActive()
    // Automatic selection of the best match once the results are rendered.
    this.#autoActivate = !!this.query
    this.#host.requestUpdate()
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      this.#host.hide()
      return
    }
    if (!(e.target as Element).matches('input')) return
    const opts = this.#options()
    const n = opts.length
    const i = this.#activeEl ? opts.indexOf(this.#activeEl) : -1
    const to = (j: number) => this.#setActive(opts[Math.max(0, Math.min(n - 1, j))])
    switch (e.key) {
      case 'ArrowDown':
        to(i < 0 ? 0 : i + 1)
        break
      case 'ArrowUp':
        to(i < 0 ? n - 1 : i - 1)
        break
      case 'Home':
      case 'End':
        // Inside the text: move the caret as usual until an option is active.
        if (i < 0) return
        to(e.key === 'Home' ? 0 : n - 1)
        break
      case 'Enter':
        if (i >= 0) this.#pick(opts[i])
        break
      default:
        return
    }
    e.preventDefault()
  }

  #onClick = (e: Event) => {
    const opt = (e.target as Element).closest('[role=option]')
    if (opt) this.#pick(opt)
  }

  #pick(opt: Element) {
    // Option ids are a two-letter prefix and the code.
    const entry = this.#host.model?.byCode.get(opt.id.slice(2))
    if (entry) this.#host.choose(entry)
  }

  async #jump(letter: string) {
    if (this.query) {
      this.query = ''
      this.#host.requestUpdate()
      await this.#host.updateComplete
    }
    const group = this.#$(`#L-${letter}`)
    const list = this.#$('.list')
    if (!group || !list) return
    list.scrollTop += group.getBoundingClientRect().top - list.getBoundingClientRect().top
    this.#setActive(group.querySelector('[role=option]'))
  }

  render() {
    const host = this.#host
    const t = host.t
    const data = host.data
    const model = host.model
    const label = host.level === 'province' ? t.chooseProvince : t.choose
    let body
    if (data.status === TaskStatus.ERROR && !isAbort(data.error)) body = errorView(t, data.error, () => data.run())
    else if (!model) body = html`<p class="status" role="status">${t.loading}</p>`
    else body = this.#renderBody(model)
    return html`
      <div
        part="panel"
        class="panel ${this.end ? 'end' : ''}"
        role="dialog"
        aria-label=${label}
        ?hidden=${!host.open}
        @keydown=${this.#onKey}
        @focusout=${this.#onFocusOut}
      >
        <div class="head">
          <input
            part="search"
            role="combobox"
            aria-expanded="true"
            aria-controls="lb"
            aria-autocomplete="list"
            aria-label=${t.search}
            placeholder=${t.search}
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            .value=${this.query}
            @input=${this.#onInput}
          />
          <button part="close" type="button" aria-label=${t.close} @click=${() => host.hide()}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" /></svg>
          </button>
        </div>
        ${body}
      </div>
    `
  }

  #renderBody(model: RegionModel) {
    const host = this.#host
    const t = host.t
    const q = this.query
    const coords = this.#hostCoords() ?? this.#coords
    // Computed once per tree and position, not on every keystroke.
    const nearKey = [model, coords?.lat, coords?.lng]
    if (!this.#near || nearKey.some((k, i) => k !== this.#near![0][i]))
      this.#near = [nearKey, coords && nearestRegion(model.entries, coords.lat, coords.lng)]
    const near = this.#near[1]
    let results: RegionEntry[] = []
    if (q) {
      if (this.#searchModel !== model) [this.#searcher, this.#searchModel] = [new RegionSearch(model.entries), model]
      results = this.#searcher!.search(q, 20)
    }
    if (this.#letters?.[0] !== model) this.#letters = [model, [...new Set(model.groups.map((g) => g.letter))]]
    const letters = this.#letters[1]
    this.#renderAll(model)
    return html`
      ${near
        ? html`<button part="nearest" class="chip" type="button" @click=${() => host.choose(near)}>
            ${t.nearest}：${near.node.name}
          </button>`
        : nothing}
      ${q && !results.length ? html`<p class="status" role="status">${t.noMatch}</p>` : nothing}
      <div class="body">
        <div part="list" class="list">
          <div
            role="listbox"
            id="lb"
            tabindex="-1"
            aria-label=${model.level === 'province' ? t.provinces : t.cities}
            @click=${this.#onClick}
            @mousedown=${(e: Event) => e.preventDefault()}
          >
            ${q
              ? html`<div class="results">
                  ${results.map(
                    (e) =>
                      html`<div role="option" part="option" id="s-${e.node.code}">
                        ${e.node.name}${e.province ? html`<small> ${e.province.name}</small>` : nothing}
                      </div>`,
                  )}
                </div>`
              : nothing}
            <div class="all" ?hidden=${!!q}></div>
          </div>
        </div>
        <nav part="index" class="index" aria-label=${t.letters} ?hidden=${!!q}>
          ${letters.map((l) => html`<button part="index-letter" type="button" @click=${() => this.#jump(l)}>${l}</button>`)}
        </nav>
      </div>
    `
  }

  /** The full list as HTML, rebuilt only when the tree, the recent list or the language changes; hostUpdated puts it in place. */
  #renderAll(model: RegionModel): string {
    const t = this.#host.t
    const key = [model, this.#host.recent, t]
    if (key.every((k, i) => k === this.#allKey[i])) return this.#allHtml
    this.#allKey = key
    // Each group is one run of text: inline options with spaces as the places to wrap, the labels inline
    // blocks before them (a hanging indent lines up the wrapped lines). Far cheaper to lay out than a grid of flex items.
    const opts = (prefix: string, entries: RegionEntry[]) =>
      entries.map((e) => `<span role="option" part="option" id="${prefix}${esc(e.node.code)}">${esc(e.node.name)}</span>`).join(' ')
    const section = (label: string, entries: RegionEntry[], prefix: string) =>
      entries.length
        ? `<div role="group" class="sec" aria-label="${esc(label)}"><span part="group-label" class="gl" aria-hidden="true">${esc(label)}</span>${opts(prefix, entries)}</div>`
        : ''
    const recent = this.#host.recent.map((r) => model.byCode.get(r.code)!).filter(Boolean)
    const groups = model.groups
    // Rows far down are skipped until scrolled near (content-visibility); their placeholder height must be close,
    // or too many count as near on opening. Lines estimated from the names for a desktop-wide panel (~30em of
    // options a line); a class, not a style attribute, which a host's CSP may forbid.
    const row = (attrs: string, label: string, entries: RegionEntry[]) => {
      const lines = Math.min(4, Math.ceil(entries.reduce((w, e) => w + e.node.name.length + 1.4, 0) / 30))
      return `<div role="group" class="row${model.level === 'province' ? ' lg' : ''}${lines > 1 ? ' l' + lines : ''}"${attrs}>${label}${opts('o-', entries)}</div>`
    }
    const letter = (l: string) => `<span part="letter" class="letter" aria-hidden="true">${esc(l)}</span>`
    let rows = ''
    if (model.level === 'province') {
      const byLetter = new Map<string, RegionEntry[]>()
      for (const g of groups) byLetter.set(g.letter, [...(byLetter.get(g.letter) ?? []), ...g.entries])
      for (const [l, es] of byLetter) rows += row(` id="L-${esc(l)}" aria-label="${esc(l)}"`, letter(l), es)
    } else
      groups.forEach((g, i) => {
        const first = g.letter !== groups[i - 1]?.letter
        rows += row(
          `${first ? ` id="L-${esc(g.letter)}"` : ''} aria-label="${esc(g.node.name)}"`,
          `${first ? letter(g.letter) : ''}<span part="group-label" class="pname${first ? '' : ' solo'}" aria-hidden="true">${esc(g.node.name)}</span>`,
          g.entries,
        )
      })
    return (this.#allHtml = section(t.recent, recent, 'r-') + section(t.hot, model.hot, 'h-') + rows)
  }
}

/** Escapes text for the HTML string of the full list (names come from the CMS or the host). */
const esc = (s: string) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const panelStyles = css`
  .panel {
    position: absolute;
    z-index: var(--_z);
    top: calc(100% + 6px);
    left: 0;
    box-sizing: border-box;
    width: min(40rem, 92vw);
    max-height: min(70vh, 36rem);
    display: flex;
    flex-direction: column;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    line-height: 1.5;
  }
  .end {
    left: auto;
    right: 0;
  }
  .head {
    display: flex;
    gap: 0.5em;
    padding: 0.75em;
    border-bottom: 1px solid var(--_border);
  }
  input {
    flex: 1;
    min-width: 0;
    font: inherit;
    padding: 0.45em 0.9em;
    border: 1px solid var(--_border);
    border-radius: 9em;
    background: var(--_surface);
    color: inherit;
  }
  button {
    border: 0;
    background: none;
    cursor: pointer;
  }
  svg {
    width: 1.1em;
    stroke: currentColor;
    stroke-width: 2;
  }
  .chip {
    margin: 0.6em 0.75em 0;
    align-self: start;
    border: 1px solid;
    border-radius: 9em;
    padding: 0.15em 0.9em;
  }
  .chip,
  .letter,
  .chosen,
  .index button:hover {
    color: var(--_accent);
  }
  .body {
    display: flex;
    flex: 1;
    min-height: 0;
  }
  .list {
    flex: 1;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0 0.75em 0.75em;
  }
  .index {
    display: flex;
    flex-direction: column;
    overflow: auto;
    border-inline-start: 1px solid var(--_border);
  }
  .index button {
    min-width: 24px;
    min-height: 24px;
    font-size: 0.75em;
  }
  .index button,
  .gl,
  small,
  .status {
    color: var(--_muted);
  }
  .sec,
  .row {
    line-height: 1.9;
  }
  .sec {
    padding: 0.5em 0;
    border-bottom: 1px dashed var(--_border);
  }
  .gl {
    display: block;
    font-size: 0.8em;
  }
  [role='option'] {
    padding: 0.15em 0.55em;
    border-radius: 4px;
    cursor: pointer;
    white-space: nowrap;
  }
  [role='option']:hover {
    background: var(--_surface);
  }
  /* bold, not 600: CJK faces without a semibold get no synthetic bold at 600 (e.g. on Linux). */
  .chosen,
  .pname,
  .letter {
    font-weight: bold;
  }
  [aria-selected='true'] {
    background: var(--_accent) !important;
    color: var(--_accent-text);
  }
  [aria-selected='true'] small {
    color: inherit;
  }
  .results {
    padding-top: 0.5em;
  }
  .results [role='option'] {
    display: block;
  }
  .row {
    content-visibility: auto;
    contain-intrinsic-size: auto 1.9em;
    padding: 0.35em 0 0.35em 6em;
    text-indent: -6em;
    border-bottom: 1px solid var(--_surface);
  }
  .letter,
  .pname {
    display: inline-block;
    width: 4.5em;
    text-indent: 0;
  }
  .letter {
    width: 1.5em;
  }
  /* Under the first province of a letter, no empty letter box. */
  .solo {
    margin-inline-start: 1.5em;
  }
  /* Provinces only: a letter, then its provinces. */
  .lg {
    padding-inline-start: 1.5em;
    text-indent: -1.5em;
  }
  .l2 {
    contain-intrinsic-size: auto 3.8em;
  }
  .l3 {
    contain-intrinsic-size: auto 5.7em;
  }
  .l4 {
    contain-intrinsic-size: auto 7.6em;
  }
  .status {
    margin: 0;
    padding: 1em 0.75em;
  }
  .error {
    margin: 0.75em;
  }
  @media (max-width: 640px) {
    .panel {
      position: fixed;
      inset: 0;
      width: auto;
      max-height: none;
      border-radius: 0;
    }
  }
`
