import sanitizeHtml from 'sanitize-html'
import { BODY_ATTRIBUTES, BODY_IMAGE_SCHEMES, BODY_SCHEMES, BODY_TAGS, safeLinkAttributes } from '../../wire/body-allowlist.js'
import { assetUrl } from '../api/client.js'

/**
 * The article body as the server puts it in the page's light DOM. The CMS sanitized it already; this is the same
 * allow-list again (the client re-checks in an inert template; a server has no DOM), so whatever the CMS sends,
 * nothing in it runs: no scripts, handlers, styles, `srcdoc` or non-http(s) URLs. Images resolve against the CMS
 * and load lazily, as on the client.
 */
export function sanitizeBodyForPage(html: string, api: string): string {
  return sanitizeHtml(html, {
    allowedTags: BODY_TAGS,
    allowedAttributes: BODY_ATTRIBUTES,
    allowedSchemes: BODY_SCHEMES,
    allowedSchemesByTag: { img: BODY_IMAGE_SCHEMES },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: safeLinkAttributes(attribs) }),
      img: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, ...(attribs.src ? { src: assetUrl(api, attribs.src) } : {}), loading: attribs.loading || 'lazy', decoding: 'async' },
      }),
    },
  })
}
