/** Text for HTML element content and attribute values: the five characters that could end a context. */
export const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** JSON-LD for a `<script type="application/ld+json">`: `<` escaped so no string inside can close the element. */
export const jsonLd = (data: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}</script>`

/** XML text (feeds and sitemaps). */
export const xmlEsc = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/** YYYY-MM-DD of an ISO date, as the model page shows it. */
export const day = (iso: string) => iso.slice(0, 10)
