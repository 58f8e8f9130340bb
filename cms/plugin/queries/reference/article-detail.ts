import type { Payload } from 'payload'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { ArticleDetail, ArticleLink, ContentLocale, Credit } from '../../../../wire/index'
import type { ResolvedOptions } from '../../options'
import { localApiFallback } from '../../locale-fallback'
import { type CardDoc, CARD_SELECT, toCards } from './article-cards'
import { HttpError } from '../../http/http-error'
import { sanitizeBody } from '../sanitize-body'

interface DetailDoc extends CardDoc {
  body?: unknown
  credits?: { label?: string; value?: string }[]
}

const neighbour = async (
  payload: Payload,
  options: ResolvedOptions,
  doc: DetailDoc,
  locale: ContentLocale,
  direction: 'newer' | 'older',
): Promise<ArticleLink | undefined> => {
  if (!doc.publishedAt || doc.category == null) return undefined
  const { docs } = await payload.find({
    collection: options.slugs.articles as never,
    where: {
      and: [
        { category: { equals: doc.category } },
        // Ties on the publish time are broken by id, in the list's own order (-publishedAt, -id).
        {
          or: [
            { publishedAt: direction === 'newer' ? { greater_than: doc.publishedAt } : { less_than: doc.publishedAt } },
            { and: [{ publishedAt: { equals: doc.publishedAt } }, { id: direction === 'newer' ? { greater_than: doc.id } : { less_than: doc.id } }] },
          ],
        },
      ],
    },
    sort: direction === 'newer' ? ['publishedAt', 'id'] : ['-publishedAt', '-id'],
    limit: 1,
    depth: 0,
    locale,
    fallbackLocale: localApiFallback(options.fallbackOf[locale]) as never,
    overrideAccess: false,
    select: { title: true, slug: true } as never,
  })
  const found = docs[0] as unknown as { slug?: string; title?: string } | undefined
  return found?.slug ? { slug: found.slug, title: found.title ?? '' } : undefined
}

/** One published article: card fields, sanitized body HTML, credits, and its neighbours in the same category. */
export const buildArticleDetail = async (
  payload: Payload,
  options: ResolvedOptions,
  slug: string,
  locale: ContentLocale,
): Promise<ArticleDetail> => {
  const fallbackLocale = localApiFallback(options.fallbackOf[locale]) as never
  const { docs } = await payload.find({
    collection: options.slugs.articles as never,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    locale,
    fallbackLocale,
    overrideAccess: false,
    select: { ...CARD_SELECT, credits: true } as never,
  })
  const doc = docs[0] as unknown as DetailDoc | undefined
  if (!doc) throw new HttpError(404, `No published article "${slug}"`)
  // The body is read at depth 1 so upload nodes carry their (access-checked) media documents.
  const withBody = (await payload.findByID({
    collection: options.slugs.articles as never,
    id: doc.id,
    depth: 1,
    locale,
    fallbackLocale,
    overrideAccess: false,
    select: { body: true } as never,
  })) as unknown as DetailDoc
  const [cards, prev, next] = await Promise.all([
    toCards(payload, options, [doc], locale),
    neighbour(payload, options, doc, locale, 'newer'),
    neighbour(payload, options, doc, locale, 'older'),
  ])
  const body = withBody.body as { root?: unknown } | undefined
  const html = body?.root ? sanitizeBody(convertLexicalToHTML({ data: body as never, disableContainer: true })) : ''
  const credits: Credit[] = (doc.credits ?? []).flatMap((c) => (c.label && c.value ? [{ label: c.label, value: c.value }] : []))
  const detail: ArticleDetail = { ...cards[0]!, html, credits }
  if (prev) detail.prev = prev
  if (next) detail.next = next
  return detail
}
