import { constants, promises as fs, type Stats } from 'node:fs'

// Never follow a link out of the upload folder (Payload's route would; the image path leaves such files to it).
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)

/** A strong ETag of one version of a file: its size and modification time. */
export const fileEtag = (stat: Pick<Stats, 'size' | 'mtimeMs'>) => `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`

// Files up to this size are kept in memory once read, up to HOT_FILES_MAX_BYTES in all (least recently used go).
export const HOT_FILE_MAX_BYTES = 256 * 1024
export const HOT_FILES_MAX_BYTES = 32 * 1024 * 1024

/** Recently served small files by path, each with the ETag (size and mtime) of the version read. */
export const createHotFiles = (maxBytes: number) => {
  const files = new Map<string, { etag: string; body: Buffer }>()
  let bytes = 0
  const forget = (key: string) => {
    const known = files.get(key)
    if (!known) return
    files.delete(key)
    bytes -= known.body.length
  }
  return {
    /** The file's bytes if it is still the version `etag` names; undefined if it changed while being read. */
    async read(full: string, etag: string): Promise<Buffer | undefined> {
      const known = files.get(full)
      forget(full)
      if (known?.etag === etag) {
        files.set(full, known)
        bytes += known.body.length
        return known.body
      }
      const handle = await fs.open(full, OPEN_FLAGS).catch(() => undefined)
      if (!handle) return undefined
      try {
        const stat = await handle.stat()
        if (fileEtag(stat) !== etag) return undefined
        const body = await handle.readFile()
        if (body.length !== stat.size) return undefined
        files.set(full, { etag, body })
        bytes += body.length
        while (bytes > maxBytes) forget(files.keys().next().value!)
        return body
      } finally {
        await handle.close().catch(() => undefined)
      }
    },
  }
}
