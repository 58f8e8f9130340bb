/**
 * Payload's locale fallback for one field (afterRead, `fallbackLocale` set): text and textarea fall back when the
 * value is empty or missing, other types only when missing; a falsy fallback is never used.
 */
export const localized = <T>(value: T | null | undefined, fallback: T | null | undefined, kind: 'text' | 'other' = 'text') => {
  if (!fallback) return value
  const missing = value === undefined || value === null
  return missing || (kind === 'text' && (value as unknown) === '') ? fallback : value
}
