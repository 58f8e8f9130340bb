import { css, html, nothing, type ReactiveController } from 'lit'
import { unsafeHTML } from 'lit/directives/unsafe-html.js'
import { TaskStatus } from '@lit/task'
import { isAbort } from '../api/client.js'
import { errorView, statusStyles } from '../base/status-view.js'
import { nearestRegion } from './nearest-region.js'
import type { RegionEntry, RegionModel } from './region-model.js'
import type { RegionPicker } from './region-picker.js'
import { RegionSearch } from './region-search.js'

/**
 * The picker's panel, loaded on first open so pages that only show the trigger never pay for it.
 * The combobox input, the listbox, its groups and options share the picker's shadow root
 * (ID references cannot cross shadow roots). The full list (a few hundred options) is built once as
 * an escaped HTML string, several times faster to show than as template instances; the active and
 * chosen options are marked imperatively, so arrow keys and choices never re-render it.
 */
export class RegionPanel implements ReactiveController {
  query = ''
  private searcher?: RegionSearch
  private searchModel?: RegionModel
  private activeEl?: Element
  private coords?: { lat: number; lng: number }
  private locating = false
  private autoActivate = false
  private allKey: unknown[] = []
  private allHtml = ''

  constructor(private host: RegionPicker) {
    host.addController(this)
    const root = host.renderRoot as ShadowRoot
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, statusStyles.styleSheet!, panelStyles.styleSheet!]
  }

  hostUpdated() {
    const host = this.host
    if (host.open) document.addEventListener('pointerdown', this.onOutside, true)
    else document.removeEventListener('pointerdown', this.onOutside, true)
    for (const el of host.renderRoot.querySelectorAll('.chosen')) el.classList.remove('chosen')
    if (host.value) for (const el of host.renderRoot.querySelectorAll(`.all [data-code="${host.value}"]`)) el.classList.add('chosen')
    if (this.autoActivate) {
      this.autoActivate = false
      this.setActive(this.options()[0], false)
    }
  }

  hostDisconnected() {
    document.removeEventListener('pointerdown', this.onOutside, true)
  }

  private $<E extends Element>(sel: string) {
    return this.host.renderRoot.querySelector<E>(sel)
  }

  /** After the panel is shown: focus the search, place the panel, mark the current choice, locate. */
  opened() {
    const host = this.host
    const panel = this.$<HTMLElement>('.panel')!
    const r = host.getBoundingClientRect()
    panel.classList.toggle('end', r.left + Math.min(640, innerWidth * 0.92) > innerWidth)
    this.$<HTMLInputElement>('input')?.focus()
    this.setActive(this.query ? this.options()[0] : host.value ? this.$(`#o-${host.value}`) ?? undefined : undefined)
    if (host.locate && !this.hostCoords() && !this.coords && !this.locating && navigator.geolocation) {
      this.locating = true
      navigator.geolocation.getCurrentPosition(
        (p) => {
          this.coords = { lat: p.coords.latitude, lng: p.coords.longitude }
          host.requestUpdate()
        },
        // Denied or unavailable (common where the location service is unreachable): manual choice stays.
        () => {},
        { timeout: 8000, maximumAge: 600_000 },
      )
    }
  }

  private hostCoords() {
    const { latitude: lat, longitude: lng } = this.host
    return Number.isFinite(lat) && Number.isFinite(lng) ? { lat: lat!, lng: lng! } : undefined
  }

  private onOutside = (e: Event) => {
    if (!e.composedPath().includes(this.host)) this.host.hide(false)
  }

  private onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null
    // Null when the window itself loses focus: keep the panel for when the visitor comes back.
    if (to && !this.host.contains(to) && !this.host.renderRoot.contains(to)) this.host.hide(false)
  }

  /** Options currently shown, in order. */
  private options(): Element[] {
    return [...this.host.renderRoot.querySelectorAll(this.query ? '.results [role=option]' : '.all [role=option]')]
  }

  /** Marks the active option; `scroll` brings it into view (not needed for the first search result). */
  private setActive(el?: Element | null, scroll = true) {
    this.activeEl?.removeAttribute('aria-selected')
    this.activeEl = el ?? undefined
    const input = this.$('input')
    if (el) {
      el.setAttribute('aria-selected', 'true')
      if (scroll) el.scrollIntoView({ block: 'nearest' })
      input?.setAttribute('aria-activedescendant', el.id)
    } else input?.removeAttribute('aria-activedescendant')
  }

  private onInput = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value
    this.setActive()
    // Automatic selection of the best match once the results are rendered.
    this.autoActivate = !!this.query
    this.host.requestUpdate()
  }

  private onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      this.host.hide()
      return
    }
    if (!(e.target as Element).matches('input')) return
    const opts = this.options()
    const n = opts.length
    const i = this.activeEl ? opts.indexOf(this.activeEl) : -1
    const to = (j: number) => this.setActive(opts[Math.max(0, Math.min(n - 1, j))])
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
        if (i >= 0) this.pick(opts[i])
        break
      default:
        return
    }
    e.preventDefault()
  }

  private onClick = (e: Event) => {
    const opt = (e.target as Element).closest('[role=option]')
    if (opt) this.pick(opt)
  }

  private pick(opt: Element) {
    const entry = this.host.model?.byCode.get((opt as HTMLElement).dataset.code!)
    if (entry) this.host.choose(entry)
  }

  private async jump(letter: string) {
    if (this.query) {
      this.query = ''
      this.host.requestUpdate()
      await this.host.updateComplete
    }
    const group = this.$(`#L-${letter}`)
    const list = this.$('.list')
    if (!group || !list) return
    list.scrollTop += group.getBoundingClientRect().top - list.getBoundingClientRect().top
    this.setActive(group.querySelector('[role=option]'))
  }

  render() {
    const host = this.host
    const t = host.t
    const data = host.data
    const model = host.model
    const label = host.level === 'province' ? t.chooseProvince : t.choose
    let body
    if (data.status === TaskStatus.ERROR && !isAbort(data.error)) body = errorView(t, data.error, () => data.run())
    else if (!model) body = html`<p class="status" role="status">${t.loading}</p>`
    else body = this.renderBody(model)
    return html`
      <div
        part="panel"
        class="panel"
        role="dialog"
        aria-label=${label}
        ?hidden=${!host.open}
        @keydown=${this.onKey}
        @focusout=${this.onFocusOut}
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
            @input=${this.onInput}
          />
          <button part="close" type="button" aria-label=${t.close} @click=${() => host.hide()}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" /></svg>
          </button>
        </div>
        ${body}
      </div>
    `
  }

  private renderBody(model: RegionModel) {
    const host = this.host
    const t = host.t
    const q = this.query
    const coords = this.hostCoords() ?? this.coords
    const near = coords && nearestRegion(model.entries, coords.lat, coords.lng)
    let results: RegionEntry[] = []
    if (q) {
      if (this.searchModel !== model) [this.searcher, this.searchModel] = [new RegionSearch(model.entries), model]
      results = this.searcher!.search(q, 20)
    }
    const letters = [...new Set(model.groups.map((g) => g.letter))]
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
            @click=${this.onClick}
            @mousedown=${(e: Event) => e.preventDefault()}
          >
            ${q
              ? html`<div class="opts results">
                  ${results.map(
                    (e) =>
                      html`<div role="option" part="option" class="opt" id="s-${e.node.code}" data-code=${e.node.code}>
                        ${e.node.name}${e.province ? html`<small> ${e.province.name}</small>` : nothing}
                      </div>`,
                  )}
                </div>`
              : nothing}
            <div class="all" ?hidden=${!!q}>
              ${unsafeHTML(this.renderAll(model))}
            </div>
          </div>
        </div>
        <nav part="index" class="index" aria-label=${t.letters} ?hidden=${!!q}>
          ${letters.map((l) => html`<button part="index-letter" type="button" @click=${() => this.jump(l)}>${l}</button>`)}
        </nav>
      </div>
    `
  }

  /** The full list as HTML, rebuilt only when the tree, the recent list or the language changes. */
  private renderAll(model: RegionModel): string {
    const t = this.host.t
    const key = [model, this.host.recent, t]
    if (key.every((k, i) => k === this.allKey[i])) return this.allHtml
    this.allKey = key
    const opt = (prefix: string, e: RegionEntry) =>
      `<div role="option" part="option" class="opt" id="${prefix}${esc(e.node.code)}" data-code="${esc(e.node.code)}">${esc(e.node.name)}</div>`
    const opts = (prefix: string, entries: RegionEntry[]) => `<div class="opts">${entries.map((e) => opt(prefix, e)).join('')}</div>`
    const section = (label: string, entries: RegionEntry[], prefix: string) =>
      entries.length
        ? `<div role="group" class="sec" aria-label="${esc(label)}"><span part="group-label" class="gl" aria-hidden="true">${esc(label)}</span>${opts(prefix, entries)}</div>`
        : ''
    const recent = this.host.recent.map((r) => model.byCode.get(r.code)!).filter(Boolean)
    const groups = model.groups
    let rows = ''
    if (model.level === 'province') {
      const byLetter = new Map<string, RegionEntry[]>()
      for (const g of groups) byLetter.set(g.letter, [...(byLetter.get(g.letter) ?? []), ...g.entries])
      for (const [letter, es] of byLetter)
        rows += `<div role="group" class="row lg" id="L-${esc(letter)}" aria-label="${esc(letter)}"><span part="letter" class="letter" aria-hidden="true">${esc(letter)}</span>${opts('o-', es)}</div>`
    } else
      groups.forEach((g, i) => {
        const first = g.letter !== groups[i - 1]?.letter
        rows += `<div role="group" class="row"${first ? ` id="L-${esc(g.letter)}"` : ''} aria-label="${esc(g.node.name)}"><span part="letter" class="letter" aria-hidden="true">${first ? esc(g.letter) : ''}</span><span part="group-label" class="pname" aria-hidden="true">${esc(g.node.name)}</span>${opts('o-', g.entries)}</div>`
      })
    return (this.allHtml = section(t.recent, recent, 'r-') + section(t.hot, model.hot, 'h-') + rows)
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
  .sec {
    padding: 0.5em 0;
    border-bottom: 1px dashed var(--_border);
  }
  .gl {
    display: block;
    font-size: 0.8em;
  }
  .opts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.1em 0.2em;
  }
  .opt {
    padding: 0.15em 0.55em;
    border-radius: 4px;
    cursor: pointer;
    white-space: nowrap;
  }
  .opt:hover {
    background: var(--_surface);
  }
  .chosen,
  .pname,
  .letter {
    font-weight: 600;
  }
  [aria-selected='true'] {
    background: var(--_accent) !important;
    color: var(--_accent-text);
  }
  [aria-selected='true'] small {
    color: inherit;
  }
  .results {
    flex-direction: column;
    padding-top: 0.5em;
  }
  .row {
    /* Off-screen provinces skip layout and text shaping when the panel opens. */
    content-visibility: auto;
    contain-intrinsic-size: auto 2.5em;
    display: grid;
    grid-template-columns: 1.5em 4.5em 1fr;
    align-items: baseline;
    padding: 0.35em 0;
    border-bottom: 1px solid var(--_surface);
  }
  .lg {
    grid-template-columns: 1.5em 1fr;
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
