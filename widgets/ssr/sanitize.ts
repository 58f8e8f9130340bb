import sanitizeHtml from 'sanitize-html'
import { assetUrl } from '../api/client.js'

/**
 * The article body as the server puts it in the page's light DOM. The CMS sanitized it already; this is the same
 * allow-list again (the client re-checks in an inert template; a server has no DOM), so whatever the CMS sends,
 * nothing in it runs: no scripts, handlers, styles, `srcdoc` or non-http(s) URLs. Images resolve against the CMS
 * and load lazily, as on the client.
 */
export function sanitizeBodyForPage(html: string, api: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's',
      'sub', 'sup', 'code', 'pre', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      ol: ['start'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, rel: 'noopener noreferrer nofollow', ...(attribs.target ? { target: '_blank' } : {}) },
      }),
      img: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, ...(attribs.src ? { src: assetUrl(api, attribs.src) } : {}), loading: attribs.loading || 'lazy', decoding: 'async' },
      }),
    },
  })
}
