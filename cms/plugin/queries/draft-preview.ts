import type { Payload, PayloadRequest } from 'payload'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { ArticleDetail, ContentLocale, Credit } from '../../../wire/index'
import type { ResolvedOptions } from '../options'
import { localApiFallback } from '../locale-fallback'
import { type CardDoc, toCards } from './reference/article-cards'
import { sanitizeBody } from './sanitize-body'

type Id = string | number

/**
 * An article's latest draft as the article page will show it once published, read with the editor's own access
 * (`user`): never cached, never reachable without a session that may edit articles. Neighbours are left out (they
 * depend on where the draft will be published).
 */
export const buildDraftPreview = async (
  payload: Payload,
  options: ResolvedOptions,
  id: Id,
  locale: ContentLocale,
  user: PayloadRequest['user'],
): Promise<ArticleDetail | undefined> => {
  const doc = (await payload
    .findByID({
      collection: options.slugs.articles as never,
      id,
      draft: true,
      depth: 1,
      locale,
      fallbackLocale: localApiFallback(options.fallbackOf[locale]) as never,
      overrideAccess: false,
      user,
      disableErrors: true,
    })
    .catch(() => null)) as (CardDoc & { body?: { root?: unknown }; credits?: { label?: string; value?: string }[]; category?: unknown; regions?: unknown; cover?: unknown }) | null
  if (!doc) return undefined
  const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: Id }).id : (v as Id | null | undefined))
  const card: CardDoc = {
    ...doc,
    category: idOf(doc.category) ?? null,
    regions: ((doc.regions as unknown[] | undefined) ?? []).map((r) => idOf(r)!).filter((r) => r != null),
    cover: idOf(doc.cover) ?? null,
    publishedAt: doc.publishedAt ?? new Date().toISOString(),
  }
  const [cards] = [await toCards(payload, options, [card], locale)]
  const html = doc.body?.root ? sanitizeBody(convertLexicalToHTML({ data: doc.body as never, disableContainer: true })) : ''
  const credits: Credit[] = (doc.credits ?? []).flatMap((c) => (c.label && c.value ? [{ label: c.label, value: c.value }] : []))
  return { ...cards[0]!, html, credits }
}
