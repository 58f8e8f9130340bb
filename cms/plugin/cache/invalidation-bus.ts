import type pg from 'pg'
import type { Payload } from 'payload'
import type { ResponseCache } from './response-cache'

/**
 * Cross-instance cache invalidation over PostgreSQL LISTEN/NOTIFY.
 *
 * Bound: while the listening connection is up, an edit committed through one instance is served by every other
 * instance on the same database within INVALIDATION_BOUND_MS (NOTIFY is sent after commit and typically arrives in
 * milliseconds). While it is down, the cache TTL (`publicApi.cacheTtlMs`) bounds staleness, and the whole cache is
 * dropped once it reconnects (notifications sent meanwhile are lost). SQLite and MongoDB get no bus: there the TTL
 * alone bounds what another process may serve.
 */
export const INVALIDATION_BOUND_MS = 1_000
export const INVALIDATION_CHANNEL = 'regional_news_cache'

interface Notice {
  from: string
  /** The tags an edit touched, or 'all'. */
  tags: string[] | 'all'
}

export interface InvalidationBus {
  /** Resolves once LISTEN is in place the first time (or the first attempt failed; it keeps retrying). */
  ready: Promise<void>
  stop: () => Promise<void>
}

interface PostgresAdapterLike {
  name?: string
  pool?: { query: (text: string, values: unknown[]) => Promise<unknown> }
  poolOptions?: pg.ClientConfig
}

const MAX_NOTICE_BYTES = 7_000
const MIN_BACKOFF_MS = 250
const MAX_BACKOFF_MS = 10_000

/** Starts the bus when Payload runs on PostgreSQL (one per Payload instance); returns undefined for other databases. */
export const startInvalidationBus = (payload: Payload, cache: ResponseCache, channel = INVALIDATION_CHANNEL): InvalidationBus | undefined => {
  const db = payload.db as unknown as PostgresAdapterLike
  if (!db.pool || db.name !== 'postgres' || !db.poolOptions) return undefined
  return createBus(payload, cache, db, channel)
}

const createBus = (payload: Payload, cache: ResponseCache, db: PostgresAdapterLike, channel: string): InvalidationBus => {
  const log = payload.logger
  let client: pg.Client | undefined
  let stopped = false
  let backoff = MIN_BACKOFF_MS
  let timer: NodeJS.Timeout | undefined
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  const reconnectLater = () => {
    if (stopped || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void connect()
    }, backoff)
    timer.unref()
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
  }

  const onNotice = (message: pg.Notification) => {
    if (message.channel !== channel || !message.payload) return
    let notice: Notice
    try {
      notice = JSON.parse(message.payload) as Notice
    } catch {
      return
    }
    if (notice.from === cache.id) return
    cache.invalidate(Array.isArray(notice.tags) ? notice.tags.map(String) : 'all', { local: false })
  }

  const connect = async () => {
    // TCP keepalive: a silently dropped connection must surface as an error, not as missed notices.
    // Loaded here, not at module level: pg is the PostgreSQL adapter's, absent from SQLite and MongoDB hosts.
    const { Client, escapeIdentifier } = (await import('pg')).default
    const next = new Client({ ...db.poolOptions, keepAlive: true, application_name: 'regional-news-invalidation' })
    next.on('error', (error) => {
      log.warn(`cache invalidation listener dropped: ${error.message}`)
      void next.end().catch(() => undefined)
      if (client === next) client = undefined
      reconnectLater()
    })
    next.on('end', () => {
      if (client === next) {
        client = undefined
        reconnectLater()
      }
    })
    next.on('notification', onNotice)
    try {
      await next.connect()
      await next.query(`LISTEN ${escapeIdentifier(channel)}`)
    } catch (error) {
      log.warn(`cache invalidation listener could not connect: ${(error as Error).message}`)
      void next.end().catch(() => undefined)
      markReady()
      reconnectLater()
      return
    }
    if (stopped) {
      await next.end().catch(() => undefined)
      return
    }
    const wasReconnect = backoff > MIN_BACKOFF_MS
    client = next
    backoff = MIN_BACKOFF_MS
    // Notices sent while disconnected are lost: start clean.
    if (wasReconnect) cache.invalidate('all', { local: false })
    markReady()
  }

  const unsubscribe = cache.onLocalInvalidation((tags) => {
    let notice: Notice = { from: cache.id, tags: tags === 'all' ? 'all' : [...tags] }
    // NOTIFY payloads stop at 8000 bytes: an edit touching more than fits tells the others to drop everything.
    if (JSON.stringify(notice).length > MAX_NOTICE_BYTES) notice = { from: cache.id, tags: 'all' }
    // Through the pool, not the listener: a notice goes out even while the listener reconnects.
    db.pool!.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(notice)]).catch((error: Error) => {
      if (!stopped) log.warn(`cache invalidation notice failed: ${error.message}`)
    })
  })

  void connect()

  return {
    ready,
    stop: async () => {
      stopped = true
      unsubscribe()
      if (timer) clearTimeout(timer)
      const current = client
      client = undefined
      await current?.end().catch(() => undefined)
    },
  }
}
