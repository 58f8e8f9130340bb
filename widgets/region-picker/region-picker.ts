import { css, html, isServer, nothing, type PropertyDeclarations, type PropertyValues } from 'lit'
import { getRegions } from '../api/client.js'
import type { RegionNode, RegionTreeResponse } from '../../wire/index.js'
import { readEmbedded } from '../base/embedded-data.js'
import { WidgetElement } from '../base/widget-element.js'
import { tokens } from '../theme/tokens.js'
import { buildModel, type RegionEntry, type RegionLevel, type RegionModel } from './region-model.js'
import { loadLast, loadRecent, pushRecent, rememberInCookie, saveChoice, type RememberedRegion } from './recent-regions.js'
import { RegionPanel } from './region-panel.js'

export interface RegionChangeDetail {
  code: string
  name: string
  /** Name of the province a city belongs to; absent for provinces and municipalities. */
  province?: string
  region: RegionNode
  /** Contact phone of the region, else of its province, when an editor set one. */
  tel?: string
}

export type RegionChangeEvent = CustomEvent<RegionChangeDetail>

/**
 * What a server render embeds instead of the whole tree: the chosen region's name in the page's language, enough to
 * draw the trigger. The tree (28 kB of JSON) is fetched only when the visitor reaches for the picker.
 */
export interface RegionLabelData {
  label: RememberedRegion
}

/**
 * A city (or province) switcher: trigger button plus a searchable panel of hot, recent and
 * A–Z grouped regions, with an optional "nearest city" suggestion. Form-associated.
 *
 * @summary City / province picker backed by the CMS region tree or inline JSON.
 *
 * @attr api - CMS base URL (defaults to the origin this script came from).
 * @attr level - `city` (default) or `province`: what may be chosen.
 * @attr value - Region code (GB/T 2260); as an attribute, the default that a form reset returns to.
 * @attr name - Form field name.
 * @attr placeholder - Trigger text when nothing is chosen.
 * @attr required - Invalid (valueMissing) while nothing is chosen.
 * @attr disabled - Not interactive and not submitted.
 * @attr no-remember - Do not keep the last choice (localStorage, and the `news_region` cookie a server reads).
 * @attr latitude - Visitor latitude known to the host page (for the nearest-city suggestion).
 * @attr longitude - Visitor longitude known to the host page.
 * @attr locate - Ask the browser for its position when the panel first opens.
 * @attr timeout - Request timeout in ms (default 10000).
 * @attr open - Reflects whether the panel is open.
 *
 * @prop {RegionTreeResponse | undefined} regions - Inline region tree; no request is made when set.
 * @prop {RememberedRegion | undefined} label - `{ code, name, lang }` naming `value` while the tree is not loaded: the
 *   visitor's last choice, or what a server render gives (so a page carries a name rather than the whole tree).
 *
 * @slot - A `<script type="application/json">` holding a RegionTreeResponse, used instead of the CMS, or
 *   `{ "label": { code, name, lang } }` naming the chosen region (the tree then loads when the picker is reached for).
 *
 * @event {RegionChangeEvent} change - The visitor chose a region. `detail: { code, name, province?, region, tel? }`.
 * @event {CustomEvent<RegionTreeResponse>} load - The region tree arrived from the CMS (not bubbling).
 * @event {CustomEvent<{ kind: string, status?: number }>} error - Loading the regions failed; not bubbling.
 *
 * @csspart trigger - The button showing the current choice.
 * @csspart label - Text inside the trigger.
 * @csspart panel - The popover (sheet on narrow screens).
 * @csspart search - The search input (combobox).
 * @csspart close - The close button.
 * @csspart nearest - The nearest-city suggestion chip.
 * @csspart list - Scrolling container of the listbox.
 * @csspart group-label - Heading of hot / recent / province groups.
 * @csspart letter - The A–Z letter shown at a letter's first province.
 * @csspart option - A choosable region.
 * @csspart index - The A–Z navigation.
 * @csspart index-letter - A button of the A–Z navigation.
 * @csspart error - Error message with retry.
 * @csspart retry - The retry button.
 *
 * @cssproperty --news-accent - Accent colour (selection, chips).
 * @cssproperty --news-text - Text colour.
 * @cssproperty --news-muted - Secondary text colour.
 * @cssproperty --news-bg - Panel background.
 * @cssproperty --news-surface - Subtle backgrounds (hover, chips).
 * @cssproperty --news-border - Border colour.
 * @cssproperty --news-radius - Corner radius.
 * @cssproperty --news-shadow - Panel shadow.
 * @cssproperty --news-font - Font stack.
 * @cssproperty --news-focus - Focus outline.
 * @cssproperty --news-z-index - Stacking of the panel.
 */
export class RegionPicker extends WidgetElement {
  static formAssociated = true

  static override shadowRootOptions = { ...WidgetElement.shadowRootOptions, delegatesFocus: true }

  static override properties: PropertyDeclarations = {
    level: {},
    value: {},
    name: { reflect: true },
    placeholder: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    noRemember: { type: Boolean, attribute: 'no-remember' },
    latitude: { type: Number },
    longitude: { type: Number },
    locate: { type: Boolean },
    open: { type: Boolean, reflect: true },
    regions: { attribute: false },
    label: { attribute: false },
    formDisabled: { state: true },
    panel: { state: true },
  }

  declare level: RegionLevel
  declare value: string
  declare name: string
  declare placeholder: string
  declare required: boolean
  declare disabled: boolean
  declare noRemember: boolean
  declare latitude?: number
  declare longitude?: number
  declare locate: boolean
  declare open: boolean
  declare regions?: RegionTreeResponse
  declare label?: RememberedRegion
  /** @internal Disabled by a disabled fieldset or form. */
  declare formDisabled: boolean
  /** @internal The panel, made on first open. */
  declare panel?: RegionPanel

  /** Recent choices (newest first), shown in the panel. */
  recent: RememberedRegion[] = []

  #internals = this.attachInternals()
  #inline?: RegionTreeResponse
  #modelCache?: RegionModel

  /** The region tree: inline data when given, else the CMS. Runs only once something needs it. */
  readonly data = this.task({
    autoRun: false,
    args: () => [this.regions ?? this.#inline, this.apiRoot, this.uiLang, this.timeout] as const,
    task: ([inline, api, lang], { signal }) => inline ?? this.announce(getRegions(api, lang, this.req(signal))),
  })

  constructor() {
    super()
    this.level = 'city'
    this.value = this.name = this.placeholder = ''
    this.required = this.disabled = this.noRemember = this.locate = this.open = this.formDisabled = false
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      .trigger {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        max-width: 100%;
        padding: 0.4em 0.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        cursor: pointer;
      }
      .trigger:disabled {
        opacity: 0.55;
        cursor: not-allowed;
      }
      .label {
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .placeholder {
        color: var(--_muted);
      }
      svg {
        width: 1em;
        height: 1em;
        flex: none;
        fill: none;
        stroke: currentColor;
        stroke-width: 2;
      }
    `,
  ]

  // --- Form association -------------------------------------------------------------------

  get form() {
    return this.#internals.form
  }
  get validity() {
    return this.#internals.validity
  }
  get validationMessage() {
    return this.#internals.validationMessage
  }
  get willValidate() {
    return this.#internals.willValidate
  }
  checkValidity() {
    return this.#internals.checkValidity()
  }
  reportValidity() {
    return this.#internals.reportValidity()
  }
  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled
  }
  formResetCallback() {
    this.value = this.getAttribute('value') ?? ''
  }
  formStateRestoreCallback(state: string | File | FormData | null) {
    if (typeof state === 'string') this.value = state
  }

  // --- Data -------------------------------------------------------------------------------

  /** The model of the loaded tree at the current level, rebuilt only when either changes. */
  get model(): RegionModel | undefined {
    // Inline data counts before its task has run: the first render (and a server render) can already name the choice.
    const tree = this.data.value ?? this.regions ?? this.#inline
    if (!tree) return undefined
    if (this.#modelCache?.level !== this.level || this.#modelCache.source !== tree.source || this.#treeOfCache !== tree) {
      this.#modelCache = buildModel(tree, this.level)
      this.#treeOfCache = tree
    }
    return this.#modelCache
  }
  #treeOfCache?: RegionTreeResponse

  /** Starts loading the tree (and keeps it following api / lang changes from now on). */
  load() {
    if (!this.data.autoRun) {
      this.data.autoRun = true
      this.data.run()
    }
  }

  get selected(): RegionEntry | undefined {
    return this.value ? this.model?.byCode.get(this.value) : undefined
  }

  override connectedCallback() {
    super.connectedCallback()
    // Malformed inline data: the CMS instead.
    const embedded = readEmbedded(this, (d: Partial<RegionTreeResponse & RegionLabelData>) => d.label?.code || Array.isArray(d.provinces))
    if (embedded?.label) this.label ??= embedded.label
    else this.#inline = embedded as RegionTreeResponse | undefined
    const level = this.level
    this.recent = this.noRemember ? this.recent : loadRecent(level)
    if (!this.value && !this.noRemember) {
      const last = loadLast(level)
      if (last) {
        // Server output is hydrated by a first render equal to it; the remembered choice comes after.
        const apply = () => {
          if (this.value) return
          this.label = last
          this.value = last.code
          rememberInCookie(last.code)
        }
        if (this.hydrating) this.updateComplete.then(apply)
        else apply()
      }
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.hide(false)
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // A server renders from the data it was given and never fetches.
    if (isServer) return
    // Label a value without the tree when its name was remembered or given in this language.
    const known = this.label?.code === this.value && this.label.lang === this.uiLang
    if (this.regions || this.#inline || (this.value && !known && !this.selected)) this.load()
    if (changed.has('open') && this.open) this.load()
  }

  protected override updated() {
    const i = this.#internals
    const missing = this.required && !this.value && !this.disabled
    i.setFormValue(this.value || null)
    i.setValidity(missing ? { valueMissing: true } : {}, missing ? this.t.required : '', this.#trigger ?? undefined)
  }

  get #trigger() {
    return this.renderRoot.querySelector<HTMLButtonElement>('.trigger')
  }

  // --- Panel ------------------------------------------------------------------------------

  /** Opens the panel; `query` pre-fills the search (type-ahead from the trigger). */
  async show(query = '') {
    if (this.disabled || this.formDisabled) return
    this.load()
    // Read before the panel (and its styles) change anything: afterwards it would force a reflow.
    const rect = this.getBoundingClientRect()
    this.panel ??= new RegionPanel(this)
    this.panel.query = query
    this.panel.place(rect)
    this.open = true
    await this.updateComplete
    this.panel.opened()
  }

  /** Closes the panel; focus goes back to the trigger unless the visitor moved it elsewhere. */
  hide(focusTrigger = true) {
    if (!this.open) return
    this.open = false
    if (focusTrigger) this.#trigger?.focus()
  }

  /** Chooses a region as the visitor would: updates value, remembers it and fires `change`. */
  choose(entry: RegionEntry) {
    const { node, province } = entry
    this.value = node.code
    const r = { code: node.code, name: node.name, lang: this.uiLang }
    this.label = r
    this.recent = pushRecent(this.recent, r)
    if (!this.noRemember) saveChoice(this.level, r, this.recent)
    const tel = node.tel ?? province?.tel
    const detail: RegionChangeDetail = { code: node.code, name: node.name, region: node }
    if (province) detail.province = province.name
    if (tel) detail.tel = tel
    this.hide()
    this.dispatchEvent(new CustomEvent('change', { detail, bubbles: true, composed: true }))
  }

  #onTriggerKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      this.show()
    } else if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Type-ahead: the first character starts a search.
      e.preventDefault()
      this.show(e.key)
    }
  }

  protected override render() {
    const t = this.t
    const name = this.selected?.node.name ?? (this.label?.code === this.value ? this.label.name : '')
    const placeholder = this.placeholder || (this.level === 'province' ? t.chooseProvince : t.choose)
    return html`
      <button
        part="trigger"
        class="trigger"
        type="button"
        aria-haspopup="dialog"
        aria-expanded=${this.open}
        aria-label=${name ? `${placeholder}: ${name}` : placeholder}
        ?disabled=${this.disabled || this.formDisabled}
        @click=${() => (this.open ? this.hide() : this.show())}
        @keydown=${this.#onTriggerKey}
        @pointerenter=${this.#prefetch}
        @focus=${this.#prefetch}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" /><circle cx="12" cy="9.5" r="2.5" /></svg>
        <span part="label" class="label ${name ? '' : 'placeholder'}">${name || placeholder}</span>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="m6 9 6 6 6-6" /></svg>
      </button>
      ${this.panel ? this.panel.render() : nothing}
    `
  }

  /** Hovering or focusing the trigger starts loading the data. */
  #prefetch() {
    if (!this.disabled) this.load()
  }
}
