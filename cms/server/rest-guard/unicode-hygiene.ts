import { HttpError } from '../../plugin/http/http-error'

// C0/C1 controls (incl. NUL), bidi embeddings/overrides/isolates (spoofing), zero-width space, word joiner, BOM,
// noncharacters. ZWJ/ZWNJ (U+200C/D) stay allowed: emoji sequences and some scripts need them.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff]/

/** Lone surrogates cannot come from strict percent-decoding, but can from JSON ("\ud800"). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Throws 400 when a decoded string carries characters no legitimate URL or query value needs. */
export const assertCleanText = (value: string, what: string) => {
  if (FORBIDDEN.test(value)) throw new HttpError(400, `${what} contains control, bidi-override or invisible characters`)
  if (LONE_SURROGATE.test(value)) throw new HttpError(400, `${what} contains a lone surrogate`)
}

/** decodeURIComponent that answers 400 instead of throwing (invalid UTF-8 such as an encoded lone surrogate). */
export const strictDecode = (raw: string, what: string) => {
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, `${what} is not valid percent-encoded UTF-8`)
  }
  assertCleanText(decoded, what)
  return decoded
}
