import { createHash, randomUUID } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { utf8 } from '../http/utf8'

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
  /** Bytes held for this response (body plus the compressed forms made so far); counted while cached. */
  bytes: number
  /** What the response shows (tags.ts); an edit that touches one of them drops it. */
  tags?: readonly string[]
  /** The cache holding it, so compressing it later counts against that cache's byte budget. */
  owner?: { grow: (bytes: number) => void }
}

const COMPRESS_MIN_BYTES = 512

export const finishBody = (status: number, json: unknown, headers?: Record<string, string>): CachedBody =>
  finishBytes(status, utf8(JSON.stringify(json)), headers)

/** A response of any type (HTML pages, feeds, sitemaps): its Content-Type goes in `headers`. */
export const finishBytes = (status: number, body: Buffer, headers?: Record<string, string>): CachedBody => {
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`
  return { status, body, etag, headers, storedAt: Date.now(), compressible: body.length >= COMPRESS_MIN_BYTES, bytes: body.length }
}

/**
 * How hard to compress: `kept` for an entry the cache keeps (compressed once, sent many times), `once` for an
 * answer sent once (response cache off): about the same size for a third less CPU.
 */
export type Effort = 'kept' | 'once'
const BROTLI_QUALITY: Record<Effort, number> = { kept: 9, once: 5 }
const GZIP_LEVEL: Record<Effort, number> = { kept: 9, once: 6 }
/**
 * Past a 64 kB window, quality 9 changes brotli's match finder and costs 7–15× quality 8 for 0.2% fewer bytes: a
 * list page of 12 cards (76 kB) took 14 ms against 1.9 ms, 7,485 bytes against 7,497 (measured).
 */
const LARGE_BODY = 1 << 16
const brotliQuality = (effort: Effort, bytes: number) => (effort === 'kept' && bytes > LARGE_BODY ? 8 : BROTLI_QUALITY[effort])

/**
 * Brotli's window sized to the body: its default (4 MiB) makes every call set up tables for it, ~20 ms even for a
 * 4 kB body at quality 9 (measured); a window just above the body size gives the same bytes in ~0.1 ms.
 */
const brotliWindow = (bytes: number) =>
  Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))))

/** The body in `encoding`, compressed once per entry (an uncached response is compressed only if asked for). */
export const encodedBody = (entry: CachedBody, encoding: 'gzip' | 'br', effort: Effort = 'kept'): Buffer => {
  const known = entry[encoding]
  if (known) return known
  const encoded =
    encoding === 'br'
      ? brotliCompressSync(entry.body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQuality(effort, entry.body.length),
            [constants.BROTLI_PARAM_LGWIN]: brotliWindow(entry.body.length),
            [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
          },
        })
      : gzipSync(entry.body, { level: GZIP_LEVEL[effort] })
  entry[encoding] = encoded
  entry.bytes += encoded.length
  entry.owner?.grow(encoded.length)
  return encoded
}

/** Told what a local edit dropped, once committed: its tags and the cache keys it removed here. */
export type InvalidationListener = (tags: readonly string[] | 'all', removedKeys: string[]) => void

export interface CacheLimits {
  /** Lifetime of an entry; past it, it is served stale for `staleMs` more while one request refreshes it. */
  ttlMs: number
  staleMs: number
  /** Memory budget (bodies and their compressed forms); least recently used entries go first. */
  maxBytes: number
}

export interface CacheRead {
  entry: CachedBody
  /** Past its time to live: serve it, and refresh it once in the background. */
  stale: boolean
}

/** Counters for /metrics. */
export interface CacheStats {
  hits: number
  staleHits: number
  misses: number
  /** Invalidation events (one per edit, bus notice or full drop) and the entries they removed. */
  invalidations: number
  invalidatedEntries: number
  evictions: number
}

/**
 * One Payload instance's response cache: entries tagged by what they show, dropped by tag when an edit touches
 * them, least recently used evicted past a byte budget. It lives in that instance's runtime (config.custom), so
 * two instances in one process never see each other's entries.
 */
export const createResponseCache = (limits: CacheLimits) => {
  // Map order is recency order: a hit moves its entry to the end, eviction takes from the front.
  const entries = new Map<string, CachedBody>()
  const byTag = new Map<string, Set<string>>()
  let bytes = 0
  /** Bumped on every invalidation; a computation that started under an older generation is not stored. */
  let generation = 0
  /** Bumped when regions may have changed (the region index follows it). */
  let regionsVersion = 0
  /** Tags dropped inside an open transaction: dropped again once it commits (reads may have cached old rows). */
  let pendingCommit: Set<string> | 'all' | undefined
  const pendingRemoved = new Set<string>()
  const listeners = new Set<InvalidationListener>()
  const dropListeners = new Set<(tags: Iterable<string> | 'all') => void>()
  const stats: CacheStats = { hits: 0, staleHits: 0, misses: 0, invalidations: 0, invalidatedEntries: 0, evictions: 0 }

  const owner = { grow: (n: number) => ((bytes += n), evictOverBudget()) }

  const remove = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= entry.bytes
    entry.owner = undefined
    for (const tag of entry.tags ?? []) {
      const keys = byTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) byTag.delete(tag)
    }
  }

  const evictOverBudget = () => {
    while (bytes > limits.maxBytes && entries.size > 1) {
      remove(entries.keys().next().value!)
      stats.evictions++
    }
  }

  /** Removes every entry carrying one of `tags` (or everything); returns the keys removed. */
  const dropTags = (tags: Iterable<string> | 'all'): string[] => {
    generation++
    for (const listener of dropListeners) listener(tags)
    stats.invalidations++
    let removed: string[]
    if (tags === 'all') {
      regionsVersion++
      removed = [...entries.keys()]
      entries.clear()
      byTag.clear()
      bytes = 0
    } else {
      const keys = new Set<string>()
      for (const tag of tags) {
        if (tag === 'regions') regionsVersion++
        for (const key of byTag.get(tag) ?? []) keys.add(key)
      }
      for (const key of keys) remove(key)
      removed = [...keys]
    }
    stats.invalidatedEntries += removed.length
    return removed
  }

  const announce = (tags: readonly string[] | 'all', removed: string[]) => {
    for (const listener of listeners) listener(tags, removed)
  }

  return {
    /** Tells this instance's notices apart from other instances' on a shared bus. */
    id: randomUUID(),
    stats,
    limits,
    get generation() {
      return generation
    },
    get regionsVersion() {
      return regionsVersion
    },
    get size() {
      return entries.size
    },
    get bytes() {
      return bytes
    },
    has: (key: string) => entries.has(key),
    /** A fresh entry, or a stale one within its grace period (flagged), or undefined. Counts nothing. */
    read(key: string): CacheRead | undefined {
      const entry = entries.get(key)
      if (!entry) return undefined
      const age = Date.now() - entry.storedAt
      if (age > limits.ttlMs + limits.staleMs) {
        remove(key)
        return undefined
      }
      // Most recently used goes last.
      entries.delete(key)
      entries.set(key, entry)
      return { entry, stale: age > limits.ttlMs }
    },
    store(key: string, entry: CachedBody, tags: readonly string[], generationAtStart: number) {
      if (generationAtStart !== generation) return false
      remove(key)
      entry.tags = tags
      entry.owner = owner
      entries.set(key, entry)
      bytes += entry.bytes
      for (const tag of tags) {
        let keys = byTag.get(tag)
        if (!keys) byTag.set(tag, (keys = new Set()))
        keys.add(key)
      }
      evictOverBudget()
      return true
    },
    /**
     * Drops what shows any of `tags` (or everything) and returns the keys dropped. A local edit inside a transaction
     * is dropped again after commit and only then told to other instances (the rows are visible to them from then on).
     */
    invalidate(tags: readonly string[] | 'all', { local = true, inTransaction = false } = {}): string[] {
      const removed = dropTags(tags)
      if (!local) return removed
      if (inTransaction) {
        if (tags === 'all' || pendingCommit === 'all') pendingCommit = 'all'
        else {
          const pending: Set<string> = pendingCommit ?? new Set<string>()
          for (const tag of tags) pending.add(tag)
          pendingCommit = pending
        }
        for (const key of removed) pendingRemoved.add(key)
      } else announce(tags, removed)
      return removed
    },
    /** Called after any database commit: reads that ran before the commit may have cached old rows. */
    afterCommit() {
      const pending = pendingCommit
      if (!pending) return
      pendingCommit = undefined
      const tags = pending === 'all' ? 'all' : [...pending]
      const removed = new Set([...pendingRemoved, ...dropTags(tags)])
      pendingRemoved.clear()
      announce(tags, [...removed])
    },
    /** Any invalidation, local or remote, as it happens (before it is final), with the tags it drops. */
    onDrop(listener: (tags: Iterable<string> | 'all') => void) {
      dropListeners.add(listener)
    },
    /** Local invalidations once they are final (after commit): for the bus and the CDN hook. */
    onLocalInvalidation(listener: InvalidationListener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type ResponseCache = ReturnType<typeof createResponseCache>
