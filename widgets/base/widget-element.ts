import { Task, type TaskConfig } from '@lit/task'
import { isServer, LitElement, type PropertyDeclarations } from 'lit'
import { type ApiError, DEFAULT_API_PATH, DEFAULT_TIMEOUT, defaultApiBase, isAbort } from '../api/client.js'
import { messages, type Messages, type UiLang } from '../i18n/messages.js'
import { resolveLang } from '../i18n/resolve-lang.js'

/**
 * What every widget shares: the `api` base URL and `api-path`, the request `timeout`, the UI language
 * (nearest `lang`, re-rendered when the element's own `lang` changes), and tasks that stop on disconnect.
 */
export class WidgetElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    apiPath: { attribute: 'api-path' },
    timeout: { type: Number },
  }

  /** CMS base URL; defaults to the origin the script was loaded from. */
  declare api: string
  /** Path of the public API on the CMS (the host's API route + `publicApi.basePath`); default /api/news. */
  declare apiPath: string
  /** Milliseconds before a request is shown as timed out. */
  declare timeout: number

  constructor() {
    super()
    this.api = defaultApiBase
    this.apiPath = DEFAULT_API_PATH
    this.timeout = DEFAULT_TIMEOUT
  }

  /** The public API's base URL: `api` + `api-path`. */
  get apiRoot() {
    return this.api.replace(/\/+$/, '') + this.apiPath
  }

  /**
   * Server output (a declarative shadow root) met without Lit's hydration support, i.e. by the plain widgets.js:
   * render into it from scratch, replacing the server's DOM rather than rendering beside it. (With widgets-hydrate.js
   * the root is hydrated in place instead.)
   */
  protected override createRenderRoot() {
    if (!isServer && this.shadowRoot && !(globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport)
      this.shadowRoot.replaceChildren()
    return super.createRenderRoot()
  }

  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang']
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value)
    if (name === 'lang') this.requestUpdate()
  }

  get uiLang(): UiLang {
    return resolveLang(this)
  }

  get t(): Messages {
    return messages[this.uiLang]
  }

  /**
   * Announces how a load ended, with non-bubbling events like native elements: `load` with the data, or `error`
   * with `{ kind, status }` (an abort is not a failure). The outcome passes through.
   */
  protected async announce<R>(loading: Promise<R>): Promise<R> {
    try {
      const data = await loading
      this.dispatchEvent(new CustomEvent('load', { detail: data }))
      return data
    } catch (error) {
      if (!isAbort(error)) {
        const { kind, status } = error as ApiError
        this.dispatchEvent(new CustomEvent('error', { detail: { kind, status } }))
      }
      throw error
    }
  }

  /** Request options for the API client, bound to a task's signal. */
  protected req(signal?: AbortSignal) {
    return { signal, timeout: this.timeout || DEFAULT_TIMEOUT }
  }

  #tasks: { error?: unknown; run(): unknown; abort(): void }[] = []

  /** A task that aborts when the element leaves the page and runs again when it comes back. */
  protected task<const A extends readonly unknown[], R>(config: TaskConfig<A, R>) {
    const task = new Task<A, R>(this, config)
    this.#tasks.push(task)
    return task
  }

  /**
   * Connected with a server-rendered (declarative) shadow root not yet hydrated: the first render must then be exactly
   * the server's (hydration does not commit what differs), so client-only state (URL, remembered choice) comes after it.
   */
  protected hydrating = false

  /**
   * A server-rendered element's first update (its hydration) runs in a task of its own: a page of cards hydrates in
   * short tasks between which the browser can paint what arrives meanwhile (the largest image, say), rather than in
   * one long one. The server's DOM stays on screen until then.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hydrating || this.hasUpdated) return super.scheduleUpdate()
    return new Promise((resolve) => setTimeout(resolve)).then(() => super.scheduleUpdate())
  }

  override connectedCallback() {
    // Before LitElement's connectedCallback, which makes the shadow root when there is none.
    this.hydrating = !this.hasUpdated && !!this.shadowRoot
    super.connectedCallback()
    for (const t of this.#tasks) if (isAbort(t.error)) t.run()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    for (const t of this.#tasks) t.abort()
  }
}
