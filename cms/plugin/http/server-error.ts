import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

// Codes and messages of a database that cannot be reached or is busy (Node sockets, pg, libsql/SQLite, MongoDB),
// and PostgreSQL's own connection-level SQLSTATEs (08xxx connection exceptions, 53300 too many connections,
// 57P01–57P03 shutdown / cannot connect now).
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|SQLITE_BUSY\w*|SQLITE_LOCKED\w*|08\w{3}|53300|57P0[123])$/
const UNAVAILABLE_NAMES = /^Mongo(ServerSelection|Network|NetworkTimeout|PoolCleared|TopologyClosed|NotConnected)Error$/
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection error|database is locked|database table is locked|Client was closed|ECONNREFUSED|ECONNRESET/i

/**
 * Whether an error means the database cannot be reached right now (refused, reset, timed out connecting,
 * terminated, SQLite busy or locked, MongoDB server selection or network), as opposed to a query that failed
 * (no such table, a syntax error, a constraint). Walks the `cause` chain: Drizzle wraps the driver's error in
 * "Failed query: <sql>", whose own text (the SQL and its parameters) is never matched.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  let current = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown } | undefined
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++, current = current.cause as typeof current) {
    const { name, code, message } = current
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true
    if (typeof name === 'string' && UNAVAILABLE_NAMES.test(name)) return true
    const wrapper = name === 'DrizzleQueryError' || (typeof message === 'string' && message.startsWith('Failed query:'))
    if (!wrapper && typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true
  }
  return false
}

export interface ServerErrorAnswer {
  status: 500 | 503
  message: string
  headers: Record<string, string>
  /** Names the log line of a 500 (random, 8 hex digits); absent for a 503. */
  id?: string
}

/**
 * What an unexpected error is answered with: 503 + Retry-After when the database is unavailable (a retry may work),
 * else 500 with a short random id that is also in the log line, so a report can be matched to its stack trace.
 */
export const answerServerError = (payload: Pick<Payload, 'logger'>, error: unknown, where: string): ServerErrorAnswer => {
  if (isDatabaseUnavailable(error)) {
    payload.logger.warn({ err: error }, `${where}: content database unavailable`)
    return { status: 503, message: 'Content database unavailable; try again shortly', headers: { 'Retry-After': '5' } }
  }
  const id = randomBytes(4).toString('hex')
  payload.logger.error({ err: error, errorId: id }, `${where} failed (error id ${id})`)
  return { status: 500, message: `Internal error (error id ${id})`, headers: {}, id }
}
