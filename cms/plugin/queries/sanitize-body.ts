import sanitizeHtml from 'sanitize-html'
import { BODY_ATTRIBUTES, BODY_IMAGE_SCHEMES, BODY_SCHEMES, BODY_TAGS, safeLinkAttributes } from '../../../wire/body-allowlist'

/** Allow-list for article bodies (wire/body-allowlist.ts); images load lazily. */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: BODY_TAGS,
  allowedAttributes: BODY_ATTRIBUTES,
  allowedSchemes: BODY_SCHEMES,
  allowedSchemesByTag: { img: BODY_IMAGE_SCHEMES },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: safeLinkAttributes(attribs) }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
}

export const sanitizeBody = (html: string): string => sanitizeHtml(html, POLICY)
