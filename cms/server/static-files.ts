import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

export interface StaticFile {
  body: Buffer
  gzip?: Buffer
  br?: Buffer
  etag: string
  type: string
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
}

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|map)$/

/** Loads a directory once into memory with ETags and precomputed gzip/brotli (small, build-time files only). */
export const loadStaticDirectory = (dir: string): Map<string, StaticFile> => {
  const files = new Map<string, StaticFile>()
  const walk = (current: string) => {
    let entries: string[]
    try {
      entries = readdirSync(current)
    } catch {
      return
    }
    for (const name of entries) {
      const full = path.join(current, name)
      if (statSync(full).isDirectory()) {
        walk(full)
        continue
      }
      const body = readFileSync(full)
      const compress = COMPRESSIBLE.test(name) && body.length > 256
      files.set(`/${path.relative(dir, full).split(path.sep).join('/')}`, {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
        type: TYPES[path.extname(name)] ?? 'application/octet-stream',
        gzip: compress ? gzipSync(body, { level: 9 }) : undefined,
        br: compress ? brotliCompressSync(body) : undefined,
      })
    }
  }
  walk(dir)
  return files
}
