import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { slugify } from './slugify'

const EXCERPT_LENGTH = 120

type Id = string | number
const idOf = (value: unknown): Id | undefined => {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: Id }).id
  return undefined
}

/** Upload node ids inside a Lexical document, so media access can follow the article's publication. */
const uploadIdsInBody = (body: unknown): Id[] => {
  const ids: Id[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; value?: unknown; children?: unknown[]; root?: unknown }
    if (n.type === 'upload') {
      const id = idOf(n.value)
      if (id !== undefined) ids.push(id)
    }
    if (n.root) walk(n.root)
    n.children?.forEach(walk)
  }
  walk(body)
  return ids
}

const excerptFrom = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object' || !('root' in body)) return undefined
  const text = convertLexicalToPlaintext({ data: body as never }).replace(/\s+/g, ' ').trim()
  if (!text) return undefined
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text
}

/** Slug (unique, generated from the title when empty), excerpt, nationwide flag and media references. */
export const deriveArticleFields =
  (articlesSlug: string): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, req }) => {
    if (!data) return data
    const title = data.title ?? originalDoc?.title
    if (!data.slug && !originalDoc?.slug && typeof title === 'string') {
      const base = slugify(title)
      let candidate = base
      for (let n = 2; n < 50; n++) {
        const taken = await req.payload.count({
          collection: articlesSlug as never,
          where: { slug: { equals: candidate } },
          req,
        })
        if (taken.totalDocs === 0) break
        candidate = `${base}-${n}`
      }
      data.slug = candidate
    } else if (typeof data.slug === 'string') {
      data.slug = slugify(data.slug, 120)
    }

    if (!data.excerpt && 'body' in data) {
      const excerpt = excerptFrom(data.body)
      if (excerpt) data.excerpt = excerpt
    }

    if ('regions' in data) data.nationwide = !Array.isArray(data.regions) || data.regions.length === 0

    if ('cover' in data || 'body' in data) {
      const cover = idOf(data.cover ?? originalDoc?.cover)
      const body = 'body' in data ? data.body : originalDoc?.body
      const refs = [...(cover !== undefined ? [cover] : []), ...uploadIdsInBody(body)]
      data.mediaRefs = [...new Set(refs)]
    }
    return data
  }

/** The publish date is set when an article is first published and stays editable afterwards. */
export const setPublishDate: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}

export { idOf }
