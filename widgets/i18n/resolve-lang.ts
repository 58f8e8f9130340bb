import { isServer } from 'lit'
import type { UiLang } from './messages.js'

const parse = (lang: string): UiLang => (/^en\b/i.test(lang) ? 'en' : 'zh')

/** The language of the element being rendered on the server (it has no ancestors there); set by widgets/ssr. */
let serverLang: UiLang = 'zh'

/** @internal Used by the server renderer around one synchronous render. */
export function setServerLang(lang: string) {
  serverLang = parse(lang)
}

/**
 * The UI language of an element: its own or nearest ancestor's `lang` (crossing shadow roots),
 * then the document's; English for any `en*` tag, Chinese otherwise (the product's default).
 * On the server only the element's own `lang` is known, else the language the render was asked for.
 */
export function resolveLang(el: Element): UiLang {
  if (isServer) {
    const own = el.getAttribute?.('lang')
    return own ? parse(own) : serverLang
  }
  let node: Node | null = el
  while (node) {
    // nodeType, not instanceof Element: no Element global on a server.
    if (node.nodeType === 1) {
      const lang = (node as Element).getAttribute('lang')
      if (lang) return parse(lang)
    }
    node = node.parentNode ?? (node as ShadowRoot).host ?? null
  }
  return 'zh'
}
