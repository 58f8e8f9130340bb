import type { UiLang } from '../i18n/messages.js'

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** Localized long date ("2025年3月4日" / "Mar 4, 2025"); formatters are cached per language. */
export function formatDate(iso: string, lang: UiLang): string {
  const d = new Date(iso)
  if (isNaN(+d)) return ''
  let f = dateFormats.get(lang)
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(lang === 'en' ? 'en' : 'zh-CN', { dateStyle: 'medium' })))
  return f.format(d)
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
