const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const XML_ESCAPES: Record<string, string> = { ...HTML_ESCAPES, "'": '&apos;' }
const SCRIPT_JSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' }

/** Text for HTML element content and attribute values: the five characters that could end a context. */
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)

/** JSON-LD for a `<script type="application/ld+json">`: `<` escaped so no string inside can close the element. */
export const jsonLd = (data: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(data).replace(/[<\u2028\u2029]/g, (c) => SCRIPT_JSON_ESCAPES[c]!)}</script>`

/** XML text (feeds and sitemaps). */
export const xmlEsc = (value: string): string => value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)

/** YYYY-MM-DD of an ISO date, as the model page shows it. */
export const day = (iso: string) => iso.slice(0, 10)
