import { createHash, randomUUID } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** A finished public response; its compressed forms are made on first request for them, then kept. */
export interface CachedBody {
  status: number
  body: Buffer
  gzip?: Buffer
  br?: Buffer
  /** Large enough to be worth compressing. */
  compressible: boolean
  etag: string
  /** Extra headers specific to this response (e.g. Cache-Control overrides). */
  headers?: Record<string, string>
  storedAt: number
}

const COMPRESS_MIN_BYTES = 512

export const finishBody = (status: number, json: unknown, headers?: Record<string, string>): CachedBody => {
  const body = Buffer.from(JSON.stringify(json))
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`
  return { status, body, etag, headers, storedAt: Date.now(), compressible: body.length >= COMPRESS_MIN_BYTES }
}

/** The body in `encoding`, compressed once per entry (an uncached response is compressed only if asked for). */
export const encodedBody = (entry: CachedBody, encoding: 'gzip' | 'br'): Buffer =>
  (entry[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(entry.body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length },
        })
      : gzipSync(entry.body, { level: 9 }))

const MAX_ENTRIES = 5_000

/**
 * One Payload instance's response cache. It lives with the plugin's runtime in that instance's config
 * (`config.custom.regionalNews`), so two instances in one process never see each other's entries.
 */
export const createResponseCache = () => {
  const entries = new Map<string, CachedBody>()
  /** Bumped on every invalidation; a computation that started under an older generation is not stored. */
  let generation = 0
  /** A write inside an open transaction asked for invalidation; repeat it once the transaction commits. */
  let pendingCommit = false
  const listeners = new Set<(reason: string) => void>()

  return {
    /** Tells this instance's notices apart from other instances' on a shared bus. */
    id: randomUUID(),
    get generation() {
      return generation
    },
    get size() {
      return entries.size
    },
    read(key: string, ttlMs: number): CachedBody | undefined {
      const hit = entries.get(key)
      if (!hit) return undefined
      if (Date.now() - hit.storedAt > ttlMs) {
        entries.delete(key)
        return undefined
      }
      return hit
    },
    store(key: string, value: CachedBody, generationAtStart: number) {
      if (generationAtStart !== generation) return
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
      entries.set(key, value)
    },
    /** Drops every entry. `local` is false when the signal came from another instance (do not re-broadcast). */
    invalidate(reason: string, { local = true, inTransaction = false } = {}) {
      generation++
      entries.clear()
      if (!local) return
      // Other instances are told once the rows are visible to them, i.e. after commit.
      if (inTransaction) pendingCommit = true
      else for (const listener of listeners) listener(reason)
    },
    /** Called after any database commit: reads that ran before the commit may have cached old rows. */
    afterCommit() {
      if (!pendingCommit) return
      pendingCommit = false
      generation++
      entries.clear()
      for (const listener of listeners) listener('commit')
    },
    onLocalInvalidation(listener: (reason: string) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type ResponseCache = ReturnType<typeof createResponseCache>
