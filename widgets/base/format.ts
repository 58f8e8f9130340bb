import type { UiLang } from '../i18n/messages.js'

const dateFormats = new Map<string, (d: Date) => string>()

/**
 * Localized long date ("2025年3月4日" / "Mar 4, 2025"). ICU formatting is slow per call and a list formats
 * a date per card, so the pattern is read once per language and each date is assembled from its numbers.
 */
export function formatDate(iso: string, lang: UiLang): string {
  const d = new Date(iso)
  if (isNaN(+d)) return ''
  let f = dateFormats.get(lang)
  if (!f) {
    const intl = new Intl.DateTimeFormat(lang === 'en' ? 'en' : 'zh-CN', { dateStyle: 'medium' })
    const months: string[] = []
    const parts = intl.formatToParts(0)
    f = (d) =>
      parts
        .map(({ type, value }) =>
          type === 'year'
            ? d.getFullYear()
            : type === 'day'
              ? d.getDate()
              : type === 'month'
                ? (months[d.getMonth()] ??= intl.formatToParts(d).find((p) => p.type === type)!.value)
                : value,
        )
        .join('')
    dateFormats.set(lang, f)
  }
  return f(d)
}

/** YYYY-MM-DD in the visitor's time zone, as the article page shows it. */
export function isoDay(iso: string): string {
  const d = new Date(iso)
  if (isNaN(+d)) return ''
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** Fills `{slug}` / `{id}` in a link template such as `/news/{slug}`. */
export const fillHref = (template: string, a: { slug: string; id?: string }) =>
  template.replace(/\{(slug|id)\}/g, (_, k: 'slug' | 'id') => encodeURIComponent(a[k] ?? ''))

export const DEFAULT_HREF = '?article={slug}'
