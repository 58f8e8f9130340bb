import { isServer } from 'lit'
import { afterPaint } from './after-paint.js'

/**
 * Imported by widgets-hydrate.js before the elements: a page's server-rendered content is painted before the bundle
 * defines (and so upgrades and hydrates) any element, instead of after that work when the script arrived with the
 * document. A module-level await, so everything imported after this module waits for it.
 */
if (!isServer) await new Promise<void>((painted) => afterPaint(painted))
