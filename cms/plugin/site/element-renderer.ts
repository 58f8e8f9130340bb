/**
 * The widgets' server renderer, loaded at run time from the build (`payload-regional-news/widgets/ssr` →
 * dist/widgets/ssr/render.js). Only the built renderer hydrates: its templates are minified exactly like the bundles'.
 * Kept out of Next's bundle (the admin never renders pages). Without a build the pages fall back to plain light DOM.
 */
export type ElementRenderer = typeof import('../../../widgets/ssr/render')

const SPECIFIER = 'payload-regional-news/widgets/ssr'
let loading: Promise<ElementRenderer | undefined> | undefined

export const loadElementRenderer = (): Promise<ElementRenderer | undefined> =>
  (loading ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ SPECIFIER).then(
    (module) => module as ElementRenderer,
    () => undefined,
  ))
