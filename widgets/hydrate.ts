/**
 * The bundle for pages with server-rendered elements (widgets/ssr), served at `/widgets/v1/widgets-hydrate.js`:
 * Lit's hydration support first, so it is in place before any element is defined, then (once the server's content
 * has been painted) every widget. Elements
 * whose declarative shadow root came from the server adopt it in place (no re-render, no request for data they
 * were given); elements without one render as with widgets.js.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js'
import './base/paint-first.js'

export * from './index.js'
