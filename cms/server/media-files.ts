import { promises as fs } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Payload } from 'payload'
import type { RegionalNewsRuntime } from '../plugin/runtime'
import { localUploads } from '../plugin/public-api/public-files'
import { parseByteRange } from './byte-range'
import { createHotFiles, fileEtag, HOT_FILE_MAX_BYTES, HOT_FILES_MAX_BYTES, OPEN_FLAGS } from './hot-files'

export interface MediaFiles {
  /** Answers a request for a public upload file from disk; false when Payload's own route should answer it. */
  serve: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>
}

const headerOf = (req: IncomingMessage, name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

// If-None-Match compares weakly: W/"x" matches "x".
const matchesEtag = (header: string, etag: string) =>
  header.trim() === '*' || header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)

/**
 * Public upload files (covers and their sizes) answered by the front server from the upload folder, with
 * Content-Length, a strong ETag, Last-Modified, Cache-Control and single byte ranges: no Payload request per image.
 * Small files are kept in memory (bounded) and checked against the disk (lstat) on every request.
 * Anything it is not sure of goes to Payload's route unchanged, so access control stays Payload's: files anonymous
 * readers may not load (public-files.ts asks the collection's own access rule), requests with credentials (an
 * Authorization header or Payload's auth cookie), `?prefix=`, ranges it does not handle, missing files.
 * Undefined when Payload does not keep the files on local disk (a storage adapter).
 */
export const createMediaFiles = (payload: Payload, { options, publicFiles }: Pick<RegionalNewsRuntime, 'options' | 'publicFiles'>): MediaFiles | undefined => {
  const uploads = localUploads(payload, options.slugs.media)
  if (!uploads) return undefined
  const prefix = `${payload.config.routes.api}/${uploads.slug}/file/`
  const authCookie = new RegExp(`(^|;)\\s*${(payload.config.cookiePrefix || 'payload').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-token=`)
  const cacheControl = `public, max-age=${options.publicApi.mediaMaxAge}, stale-while-revalidate=${options.publicApi.mediaStaleWhileRevalidate}`

  const hot = createHotFiles(HOT_FILES_MAX_BYTES)

  const withCredentials = (req: IncomingMessage) => req.headers.authorization !== undefined || authCookie.test(headerOf(req, 'cookie') ?? '')

  const serve = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    if (!url.pathname.startsWith(prefix) || withCredentials(req) || url.searchParams.has('prefix')) return false
    let name: string
    try {
      name = decodeURIComponent(url.pathname.slice(prefix.length))
    } catch {
      return false
    }
    const file = await publicFiles.lookup(payload, name).catch(() => null)
    if (!file) return false
    // isPlainFileName (inside lookup) already refused separators and dot names; this is the last word.
    const full = path.resolve(uploads.dir, name)
    if (path.dirname(full) !== uploads.dir) return false
    // lstat: a link is not a file here (Payload's route may follow it); the ETag and a 304 need no open file.
    const stat = await fs.lstat(full).catch(() => undefined)
    if (!stat?.isFile()) return false
    const etag = fileEtag(stat)
    const lastModified = new Date(stat.mtimeMs).toUTCString()
    const rangeHeader = headerOf(req, 'range')
    const ifRange = headerOf(req, 'if-range')
    // A range of another version of the file (If-Range no longer matches) gets the whole file.
    const rangeApplies = rangeHeader !== undefined && (ifRange === undefined || ifRange === etag || ifRange === lastModified)
    const range = rangeApplies ? parseByteRange(rangeHeader, stat.size) : undefined
    if (rangeApplies && !range) return false
    const headers: Record<string, string | number> = {
      ETag: etag,
      'Last-Modified': lastModified,
      'Cache-Control': cacheControl,
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      // Public images are meant to be embedded anywhere (widgets on other sites, pages with COEP).
      'Cross-Origin-Resource-Policy': 'cross-origin',
    }
    const ifNoneMatch = headerOf(req, 'if-none-match')
    const ifModifiedSince = headerOf(req, 'if-modified-since')
    const notModified =
      ifNoneMatch !== undefined ? matchesEtag(ifNoneMatch, etag) : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Math.floor(stat.mtimeMs / 1000) * 1000
    if (notModified) {
      res.writeHead(304, headers).end()
      return true
    }
    headers['Content-Type'] = file.mimeType
    if (range) {
      headers['Content-Range'] = `bytes ${range.start}-${range.end}/${stat.size}`
      headers['Content-Length'] = range.end - range.start + 1
    } else headers['Content-Length'] = stat.size
    if (req.method === 'HEAD' || stat.size === 0) {
      res.writeHead(range ? 206 : 200, headers).end()
      return true
    }
    // Small files from memory (read once per version); larger ones streamed.
    const small = stat.size <= HOT_FILE_MAX_BYTES ? await hot.read(full, etag) : undefined
    if (small) {
      res.writeHead(range ? 206 : 200, headers).end(range ? small.subarray(range.start, range.end + 1) : small)
      return true
    }
    const handle = await fs.open(full, OPEN_FLAGS).catch(() => undefined)
    if (!handle) return false
    // The file was replaced since lstat: let Payload answer this one.
    const opened = await handle.stat().catch(() => undefined)
    if (!opened || opened.size !== stat.size || opened.mtimeMs !== stat.mtimeMs) {
      await handle.close().catch(() => undefined)
      return false
    }
    res.writeHead(range ? 206 : 200, headers)
    // The stream owns the handle and closes it; a client that goes away stops the read.
    await pipeline(handle.createReadStream(range ?? {}), res).catch(() => res.destroy())
    return true
  }

  return { serve }
}
