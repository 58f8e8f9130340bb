/** Shared test helpers: mounting, waiting, axe, and a guard against uncaught errors. */
import { expect } from '@esm-bundle/chai'

declare global {
  interface Window {
    __TEST_ENV__: { cmsUrl: string; downUrl: string }
    axe?: { run: (ctx: Element, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { html: string }[] }[] }> }
  }
}

export const env = window.__TEST_ENV__

/** Fixture API base; namespaced so a test can read back only its own requests. */
export const fixtureApi = (ns = uid(), extra = '') => `${location.origin}/fixture-api/ns/${ns}${extra}`

/** The same fixture under the page's other loopback name: another origin, so the browser applies CORS. */
export const crossOriginFixtureApi = (ns = uid(), extra = '') => {
  const url = new URL(fixtureApi(ns, extra))
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'
  return url.href
}

/** Base URL for tests of real data: the real CMS when CMS_URL is set, else the fixture. */
export const liveApi = (ns = uid()) => env.cmsUrl || fixtureApi(ns)
export const usingRealCms = !!env.cmsUrl

let counter = 0
export const uid = () => `t${Date.now().toString(36)}${(counter++).toString(36)}`

export async function requestLog(ns: string): Promise<{ method: string; route: string; query: Record<string, string>; body?: unknown }[]> {
  return (await fetch(`/fixture-api/__log/${ns}`)).json()
}

export async function setFlaky(key: string, mode: 'ok' | '500' | 'down' | 'malformed' | '404' | 'cors') {
  await fetch(`/fixture-api/__control/${key}/${mode}`)
}

const mounted: Element[] = []

/** Parses `html` into a fresh container in the body and returns its first element. */
export function mount<T extends HTMLElement = HTMLElement>(html: string): T {
  const host = document.createElement('div')
  host.innerHTML = html
  document.body.append(host)
  mounted.push(host)
  return host.firstElementChild as T
}

export function cleanup() {
  for (const el of mounted.splice(0)) el.remove()
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls until `check` returns a truthy value (or throws after `timeout`). */
export async function waitFor<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeout = 5000, what = 'condition'): Promise<T> {
  const end = performance.now() + timeout
  for (;;) {
    let last: unknown
    try {
      // Awaited: an async check (reading the fixture's request log) is a promise, truthy before it settles.
      const v = await check()
      if (v) return v
    } catch (e) {
      last = e
    }
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}${last ? `: ${last}` : ''}`)
    await sleep(20)
  }
}

export const shadow = (el: Element) => el.shadowRoot!

export const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel)
export const $$ = <E extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<E>(sel)]

/** The element that has focus, looking inside shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement
  return a
}

let axeLoaded: Promise<void> | undefined
export async function expectNoAxeViolations(el: Element) {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const s = document.createElement('script')
    s.src = '/node_modules/axe-core/axe.min.js'
    s.onload = () => resolve()
    s.onerror = reject
    document.head.append(s)
  })
  await axeLoaded
  const res = await window.axe!.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })
  const summary = res.violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.html).join('\n  ')}`)
  expect(summary, summary.join('\n')).to.deep.equal([])
}

/** Collects uncaught errors and unhandled rejections while a test runs. */
export function trackUncaught() {
  const errors: string[] = []
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`)
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${e.reason?.name ?? ''} ${e.reason?.message ?? e.reason}`)
  addEventListener('error', onError)
  addEventListener('unhandledrejection', onRejection)
  return {
    errors,
    stop() {
      removeEventListener('error', onError)
      removeEventListener('unhandledrejection', onRejection)
    },
  }
}
