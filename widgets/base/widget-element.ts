import { LitElement, type PropertyDeclarations, type ReactiveController, type ReactiveControllerHost } from 'lit'
import { type ApiError, DEFAULT_TIMEOUT, defaultApiBase, isAbort } from '../api/client.js'
import { messages, type Messages, type UiLang } from '../i18n/messages.js'
import { resolveLang } from '../i18n/resolve-lang.js'

export interface TaskConfig<A extends readonly unknown[], R> {
  args: () => A
  task: (args: A, options: { signal: AbortSignal }) => R | PromiseLike<R>
  autoRun?: boolean
}

/**
 * The part of @lit/task's Task the widgets use, with the same semantics and status numbers
 * (0 initial, 1 pending, 2 complete, 3 error) in a fraction of its bytes: runs when its args change
 * (while `autoRun`), aborts the run it replaces, keeps the last value while pending.
 */
export class DataTask<A extends readonly unknown[], R> implements ReactiveController {
  status = 0
  value?: R
  error?: unknown
  autoRun: boolean
  private prev?: A
  private ctl?: AbortController
  private id = 0
  private done?: Promise<R>
  private settle?: [(v: R) => void, (e: unknown) => void]

  constructor(
    private host: ReactiveControllerHost,
    private config: TaskConfig<A, R>,
  ) {
    this.autoRun = config.autoRun ?? true
    host.addController(this)
  }

  /** Settles with the current run, or at once with the last outcome. */
  get taskComplete(): Promise<R> {
    return (this.done ??=
      this.status === 1
        ? new Promise((resolve, reject) => (this.settle = [resolve, reject]))
        : this.status === 3
          ? Promise.reject(this.error)
          : Promise.resolve(this.value!))
  }

  hostUpdate() {
    if (!this.autoRun) return
    const args = this.config.args()
    const prev = this.prev
    this.prev = args
    if (!prev || prev.length !== args.length || args.some((v, i) => !Object.is(v, prev[i]))) this.run(args)
  }

  async run(args = this.config.args()) {
    this.prev = args
    if (this.status === 1) this.ctl?.abort()
    else this.done = this.settle = undefined
    this.status = 1
    this.host.requestUpdate()
    const id = ++this.id
    this.ctl = new AbortController()
    let value: R | undefined
    let error: unknown
    let failed = false
    try {
      value = await this.config.task(args, { signal: this.ctl.signal })
    } catch (e) {
      failed = true
      error = e
    }
    // A newer run replaced this one.
    if (id !== this.id) return
    this.status = failed ? 3 : 2
    this.value = value
    this.error = error
    if (failed) this.settle?.[1](error)
    else this.settle?.[0](value!)
    this.host.requestUpdate()
  }

  abort(reason?: unknown) {
    if (this.status === 1) this.ctl?.abort(reason)
  }
}

/**
 * What every widget shares: the `api` base URL, the request `timeout`, the UI language
 * (nearest `lang`, re-rendered when the element's own `lang` changes), and tasks that stop on disconnect.
 */
export class WidgetElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    timeout: { type: Number },
  }

  /** CMS base URL; defaults to the origin the script was loaded from. */
  declare api: string
  /** Milliseconds before a request is shown as timed out. */
  declare timeout: number

  constructor() {
    super()
    this.api = defaultApiBase
    this.timeout = DEFAULT_TIMEOUT
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

  /** Request options for the API client, bound to a task's signal. */
  /** Announces a failed load with a non-bubbling `error` event (like native elements); aborts are not failures. */
  protected reportFailure(error: unknown) {
    if (isAbort(error)) return
    const { kind, status } = error as ApiError
    this.dispatchEvent(new CustomEvent('error', { detail: { kind, status } }))
  }

  protected req(signal?: AbortSignal) {
    return { signal, timeout: this.timeout || DEFAULT_TIMEOUT }
  }

  private tasks: { error?: unknown; run(): unknown; abort(): void }[] = []

  /** A task that aborts when the element leaves the page and runs again when it comes back. */
  protected task<const A extends readonly unknown[], R>(config: TaskConfig<A, R>) {
    const task = new DataTask<A, R>(this, config)
    this.tasks.push(task)
    return task
  }

  override connectedCallback() {
    super.connectedCallback()
    for (const t of this.tasks) if (isAbort(t.error)) t.run()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    for (const t of this.tasks) t.abort()
  }
}
