/**
 * What an article body may contain, for every sanitizer of it (the CMS's JSON and pages, the widgets' server
 * render): structure and media only — no scripts, styles, handlers or non-http(s) links. One list, so they never drift.
 */
export const BODY_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's',
  'sub', 'sup', 'code', 'pre', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div',
]

export const BODY_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
}

export const BODY_SCHEMES = ['http', 'https', 'mailto', 'tel']
export const BODY_IMAGE_SCHEMES = ['http', 'https']

/** Links in a body never pass on the page's authority or its window. */
export const safeLinkAttributes = (attribs: Record<string, string>) => ({
  ...attribs,
  rel: 'noopener noreferrer nofollow',
  ...(attribs.target ? { target: '_blank' } : {}),
})
