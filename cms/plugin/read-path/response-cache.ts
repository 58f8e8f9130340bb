import { createHash } from 'node:crypto'
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

interface CacheState {
  entries: Map<string, CachedBody>
  /** Bumped on every invalidation; a computation that started under an older generation is not stored. */
  generation: number
  /** A write inside an open transaction asked for invalidation; repeat it once the transaction commits. */
  pendingCommit: boolean
  listeners: Set<(reason: string) => void>
}

// Kept on globalThis: Next's bundle and the lean server may load separate copies of this module in one process.
const STATE_KEY = Symbol.for('payload-regional-news.response-cache')
const state: CacheState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as CacheState) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = {
    entries: new Map(),
    generation: 0,
    pendingCommit: false,
    listeners: new Set(),
  })

const MAX_ENTRIES = 5_000

export const responseCache = {
  get generation() {
    return state.generation
  },
  get size() {
    return state.entries.size
  },
  read(key: string, ttlMs: number): CachedBody | undefined {
    const hit = state.entries.get(key)
    if (!hit) return undefined
    if (Date.now() - hit.storedAt > ttlMs) {
      state.entries.delete(key)
      return undefined
    }
    return hit
  },
  store(key: string, value: CachedBody, generationAtStart: number) {
    if (generationAtStart !== state.generation) return
    if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!)
    state.entries.set(key, value)
  },
  /** Drops every entry. `local` is false when the signal came from another instance (do not re-broadcast). */
  invalidate(reason: string, { local = true, inTransaction = false } = {}) {
    state.generation++
    state.entries.clear()
    if (!local) return
    // Other instances are told once the rows are visible to them, i.e. after commit.
    if (inTransaction) state.pendingCommit = true
    else for (const listener of state.listeners) listener(reason)
  },
  /** Called after any database commit: reads that ran before the commit may have cached old rows. */
  afterCommit() {
    if (!state.pendingCommit) return
    state.pendingCommit = false
    state.generation++
    state.entries.clear()
    for (const listener of state.listeners) listener('commit')
  },
  onLocalInvalidation(listener: (reason: string) => void) {
    state.listeners.add(listener)
    return () => state.listeners.delete(listener)
  },
}
