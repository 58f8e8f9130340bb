/** Inclusive byte offsets of one range. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * A `Range` header for a file of `size` bytes: one satisfiable `bytes=` range, or undefined for anything else
 * (several ranges, other units, unsatisfiable or malformed ranges), which the caller leaves to Payload's route.
 */
export const parseByteRange = (header: string, size: number): ByteRange | undefined => {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '') || size === 0) return undefined
  const [, first, last] = match
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last)
    if (!Number.isSafeInteger(length) || length === 0) return undefined
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start > end || start >= size) return undefined
  return { start, end }
}
