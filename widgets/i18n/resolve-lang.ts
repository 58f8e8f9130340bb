import type { UiLang } from './messages.js'

/**
 * The UI language of an element: its own or nearest ancestor's `lang` (crossing shadow roots),
 * then the document's; English for any `en*` tag, Chinese otherwise (the product's default).
 */
export function resolveLang(el: Element): UiLang {
  let node: Node | null = el
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang')
      if (lang) return /^en\b/i.test(lang) ? 'en' : 'zh'
    }
    node = node.parentNode ?? (node as ShadowRoot).host ?? null
  }
  return 'zh'
}
