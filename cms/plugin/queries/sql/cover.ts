import type { Payload } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { type SQL, sql } from 'drizzle-orm'
import type { CoverImage, ImageVariant } from '../../../../wire/index'
import type { FallbackRows } from './fallback-rows'
import type { SqlReader } from './sql-reader'
import { localized } from '../localized'

/** The cover's columns for a card row, read from the media row `m` and its alt texts `ml` (locale) / `md0`… (fallback). */
export interface CoverColumns {
  select: (fallback: FallbackRows) => SQL
  /** The aliases `select` returns. */
  columns: string[]
  join: (cover: SQL, locale: string, fallback: FallbackRows) => SQL
  read: (row: Record<string, unknown>) => CoverImage | undefined
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v))

/**
 * Covers the public may see (`used_by_published`, the media read rule), shaped like the reference's cover: URLs built
 * the way Payload's upload fields build them on read (stored external URL, else /api/<slug>/file/<filename>).
 */
export const coverColumns = (payload: Payload, r: SqlReader, mediaSlug: string): CoverColumns => {
  const upload = payload.collections[mediaSlug as never]?.config.upload
  const sizes = (typeof upload === 'object' ? upload.imageSizes ?? [] : []).map((s) => s.name)
  const { serverURL } = payload.config
  const apiRoute = payload.config.routes?.api || ''
  const fileUrl = (stored: unknown, filename: unknown): string | null => {
    if (typeof stored === 'string' && stored && !stored.startsWith('/') && !stored.startsWith(serverURL || '')) return stored
    if (typeof filename === 'string' && filename) {
      return formatAdminURL({ apiRoute, path: `/${mediaSlug}/file/${encodeURIComponent(filename)}`, relative: false, serverURL })
    }
    return null
  }
  const variant = (url: string | null, width: unknown, height: unknown): ImageVariant | undefined => {
    const w = num(width)
    const h = num(height)
    return url && w && h ? { url, width: w, height: h } : undefined
  }
  const col = (name: string) => sql.identifier(name)
  const select = (fallback: FallbackRows) => sql.join(
    [
      sql`m.id AS m_id, m.url AS m_url, m.filename AS m_filename, m.width AS m_width, m.height AS m_height, ml.alt AS m_alt, ${fallback.value('md', 'alt')} AS m_alt_d`,
      ...sizes.map((name, i) => {
        const p = `sizes_${snake(name)}_`
        return sql`m.${col(`${p}url`)} AS ${col(`s${i}_url`)}, m.${col(`${p}filename`)} AS ${col(`s${i}_fn`)}, m.${col(`${p}width`)} AS ${col(`s${i}_w`)}, m.${col(`${p}height`)} AS ${col(`s${i}_h`)}`
      }),
    ],
    sql`, `,
  )
  const columns = ['m_id', 'm_url', 'm_filename', 'm_width', 'm_height', 'm_alt', 'm_alt_d', ...sizes.flatMap((_, i) => [`s${i}_url`, `s${i}_fn`, `s${i}_w`, `s${i}_h`])]
  const media = r.table(mediaSlug)
  const mediaLocales = r.table(mediaSlug, '_locales')
  return {
    select,
    columns,
    join: (cover, locale, fallback) => sql`
      LEFT JOIN ${media} m ON m.id = ${cover} AND m.used_by_published = TRUE
      LEFT JOIN ${mediaLocales} ml ON ml._parent_id = m.id AND ml._locale = ${locale}
      ${fallback.join(mediaLocales, 'md', sql`m.id`)}`,
    read: (row) => {
      if (row.m_id === null || row.m_id === undefined) return undefined
      const original = variant(fileUrl(row.m_url, row.m_filename), row.m_width, row.m_height)
      if (!original) return undefined
      const out: Record<string, ImageVariant> = {}
      sizes.forEach((name, i) => {
        const v = variant(fileUrl(row[`s${i}_url`], row[`s${i}_fn`]), row[`s${i}_w`], row[`s${i}_h`])
        if (v) out[name] = v
      })
      return { ...original, alt: localized(row.m_alt as string | null, row.m_alt_d as string | null) ?? '', sizes: out }
    },
  }
}
