import { assetUrl } from '../api/client.js'

// Elements that run or load active content; the CMS already sanitizes, this is cheap insurance.
const DROP = /^(script|object|embed|applet|base|meta|link|frame|frameset|template|noscript)$/i
const SCRIPT_URL = /^(javascript|vbscript):/i

/**
 * Re-checks CMS-produced HTML in an inert `<template>` (nothing runs or loads while parsing there):
 * drops scripting elements, `on*` handlers, `srcdoc` and `javascript:` URLs; lazy-loads images and
 * resolves their relative URLs against the CMS. Its content is inserted as is (no second parse).
 */
export function inertTemplate(source: string, api: string): HTMLTemplateElement {
  const tpl = document.createElement('template')
  tpl.innerHTML = source
  const walker = document.createTreeWalker(tpl.content, NodeFilter.SHOW_ELEMENT)
  const drop: Element[] = []
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (DROP.test(el.localName)) {
      drop.push(el)
      continue
    }
    for (const { name, value } of [...el.attributes]) {
      // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
      if (name.startsWith('on') || name === 'srcdoc' || SCRIPT_URL.test(value.replace(/[\u0000-\u0020]/g, '')))
        el.removeAttribute(name)
    }
    if (el.localName === 'img') {
      const src = el.getAttribute('src')
      if (src) el.setAttribute('src', assetUrl(api, src))
      if (!el.hasAttribute('loading')) el.setAttribute('loading', 'lazy')
      el.setAttribute('decoding', 'async')
    }
  }
  for (const el of drop) el.remove()
  return tpl
}

/** The checked HTML as a string. */
export const inertHtml = (source: string, api: string) => inertTemplate(source, api).innerHTML
