import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'

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

const PRECOMPRESSED = /\.(gz|br)$/

const CODECS = {
  gz: { compress: (b: Buffer) => gzipSync(b, { level: 9 }), decompress: gunzipSync },
  br: { compress: (b: Buffer) => brotliCompressSync(b), decompress: brotliDecompressSync },
}

/**
 * The build's own `.gz` / `.br` beside a file (smaller than a quick compression at start) when it still
 * decodes to the file (a stale one from an older build does not), else zlib's best.
 */
const compressed = (full: string, body: Buffer, ext: keyof typeof CODECS) => {
  const codec = CODECS[ext]
  try {
    if (existsSync(`${full}.${ext}`)) {
      const stored = readFileSync(`${full}.${ext}`)
      if (codec.decompress(stored).equals(body)) return stored
    }
  } catch {
    // Corrupt: compress afresh.
  }
  return codec.compress(body)
}

/** Loads a directory once into memory with ETags and compressed variants (small, build-time files only). */
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
      if (PRECOMPRESSED.test(name)) continue
      const body = readFileSync(full)
      const compress = COMPRESSIBLE.test(name) && body.length > 256
      files.set(`/${path.relative(dir, full).split(path.sep).join('/')}`, {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
        type: TYPES[path.extname(name)] ?? 'application/octet-stream',
        gzip: compress ? compressed(full, body, 'gz') : undefined,
        br: compress ? compressed(full, body, 'br') : undefined,
      })
    }
  }
  walk(dir)
  return files
}
