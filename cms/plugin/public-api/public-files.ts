import path from 'node:path'
import { createLocalReq, type Payload, type Where } from 'payload'
import type { ResponseCache } from '../cache/response-cache'
import type { ResolvedOptions } from '../options'

/** An upload file anonymous readers may load, as its media document describes it. */
export interface PublicFile {
  /** The stored MIME type of this file (the original's or its size's). */
  mimeType: string
}

/** Where the media collection keeps its files, when Payload serves them from local disk and nothing else is in the way. */
export interface LocalUploads {
  slug: string
  dir: string
}

const MAX_ENTRIES = 10_000
// Longer than any name Payload writes (file systems stop at 255 bytes).
const MAX_NAME_LENGTH = 255
// Types a browser never runs as a document from this origin; anything else (SVG, HTML, XML) goes to Payload, which
// adds its own Content-Security-Policy for such files.
const SAFE_TYPE = /^(image\/(?!svg)[\w.+-]+|video\/[\w.+-]+|audio\/[\w.+-]+|application\/pdf)$/i

/** A plain file name: no separators, no dot files or dot segments, no control characters. */
export const isPlainFileName = (name: string) =>
  name.length > 0 && name.length <= MAX_NAME_LENGTH && !name.startsWith('.') && !/[/\\\x00-\x1f\x7f]/.test(name) && path.basename(name) === name

/**
 * The media collection's local upload folder, or undefined when something else serves its files (a storage
 * adapter's handlers, `disableLocalStorage`) or shapes their answers (`modifyResponseHeaders`): then Payload's route
 * answers every file request.
 */
export const localUploads = (payload: Payload, slug: string): LocalUploads | undefined => {
  const config = payload.collections[slug as never]?.config
  const upload = config?.upload
  if (!config || !upload || typeof upload !== 'object') return undefined
  if (upload.disableLocalStorage || upload.handlers?.length || upload.modifyResponseHeaders) return undefined
  // Payload resolves the folder against the working directory the same way.
  return { slug, dir: path.resolve(upload.staticDir || slug) }
}

type Entry = { file: PublicFile | null; at: number }

/**
 * Which upload files anonymous readers may load: the media collection's own `access.read` asked as an anonymous
 * request (exactly as Payload's file route asks it), matched against the original and every size's file name with
 * one indexed query, and remembered per name. A lookup is dropped when its `file:<name>` tag is (an image's
 * public status flipped, its files changed), on a full drop, and after the response cache's lifetime in any case.
 */
export const createPublicFiles = (options: ResolvedOptions, cache: ResponseCache) => {
  const entries = new Map<string, Entry>()
  cache.onDrop((tags) => {
    if (tags === 'all') return entries.clear()
    for (const tag of tags) if (tag.startsWith('file:')) entries.delete(tag.slice(5))
  })

  const query = async (payload: Payload, name: string): Promise<PublicFile | null> => {
    const collection = payload.collections[options.slugs.media as never]?.config
    const upload = collection?.upload
    const read = collection?.access?.read
    if (!collection || !upload || typeof upload !== 'object' || typeof read !== 'function') return null
    const req = await createLocalReq({}, payload)
    const access = await read({ req, data: { filename: name }, isReadingStaticFile: true } as never)
    if (access === false) return null
    const names: Where[] = [{ filename: { equals: name } }, ...(upload.imageSizes ?? []).map((size) => ({ [`sizes.${size.name}.filename`]: { equals: name } }))]
    const where: Where = access === true ? { or: names } : { and: [{ or: names }, access] }
    const doc = await payload.db.findOne<{ id: string | number; filename?: string; mimeType?: string; sizes?: Record<string, { filename?: string; mimeType?: string } | null> }>({
      collection: options.slugs.media,
      where,
      req,
    })
    if (!doc) return null
    const mimeType = doc.filename === name ? doc.mimeType : Object.values(doc.sizes ?? {}).find((size) => size?.filename === name)?.mimeType
    return mimeType && SAFE_TYPE.test(mimeType) ? { mimeType } : null
  }

  return {
    /** The file if anonymous readers may load it now; null if not, or if Payload should decide. */
    async lookup(payload: Payload, name: string): Promise<PublicFile | null> {
      if (!isPlainFileName(name)) return null
      const known = entries.get(name)
      if (known && Date.now() - known.at <= cache.limits.ttlMs) return known.file
      const generation = cache.generation
      const file = await query(payload, name)
      // An edit that ran meanwhile may have changed the answer: use it, but do not keep it.
      if (options.publicApi.cache && generation === cache.generation) {
        entries.delete(name)
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
        entries.set(name, { file, at: Date.now() })
      }
      return file
    },
    get size() {
      return entries.size
    },
  }
}

export type PublicFiles = ReturnType<typeof createPublicFiles>
