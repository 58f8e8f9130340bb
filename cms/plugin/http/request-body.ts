import type { IncomingMessage } from 'node:http'
import { HttpError } from './http-error'

const tooLarge = (limit: number) => new HttpError(413, `Body larger than ${limit} bytes`)

/**
 * Reads a request body, refusing (413) past `limit` bytes whether or not Content-Length was sent. Takes Node's
 * request (front server) or a web stream (Payload endpoints): one reader, so every mounting enforces the same cap.
 */
export const readBody = (source: IncomingMessage | ReadableStream<Uint8Array> | null | undefined, limit: number): Promise<Buffer> => {
  if (!source) return Promise.resolve(Buffer.alloc(0))
  if ('getReader' in source) return readWebStream(source, limit)
  const declared = Number(source.headers['content-length'] ?? 0)
  // Node discards the unread rest once the answer is sent, so the client sees the 413 instead of a reset.
  if (declared > limit) return Promise.reject(tooLarge(limit))
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        source.off('data', onData)
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    }
    source.on('data', onData)
    source.once('end', () => resolve(Buffer.concat(chunks)))
    source.once('error', () => reject(new HttpError(400, 'Body could not be read')))
  })
}

const readWebStream = async (stream: ReadableStream<Uint8Array>, limit: number): Promise<Buffer> => {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
