/**
 * The cookie in which `<region-picker>` keeps the visitor's last choice for servers: `news_region=<GB/T 2260 code>`,
 * `Path=/`, `SameSite=Lax`, one year. It holds only a region code (no personal data); `no-remember` pickers never set it.
 * Safe to import anywhere (no DOM).
 */
export const REGION_COOKIE = 'news_region'

export const REGION_COOKIE_MAX_AGE = 365 * 24 * 3600

/** The region code in a `Cookie` request header, if a picker set one (6 digits, else undefined). */
export function regionFromCookie(header: string | null | undefined): string | undefined {
  const m = header?.match(/(?:^|;\s*)news_region=(\d{6})(?:;|$)/)
  return m?.[1]
}
