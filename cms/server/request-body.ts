import { IncomingMessage } from 'node:http'
import { Rejection } from './rejection'

/** Reads a request body, refusing (413) past `limit` bytes whether or not Content-Length was sent. */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> => {
  const declared = Number(req.headers['content-length'] ?? 0)
  // Node discards the unread rest once the answer is sent, so the client sees the 413 instead of a reset.
  if (declared > limit) return Promise.reject(new Rejection(413, `Body larger than ${limit} bytes`))
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        reject(new Rejection(413, `Body larger than ${limit} bytes`))
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', () => reject(new Rejection(400, 'Body could not be read')))
  })
}

/**
 * A stand-in for a request whose body was already read for validation: same socket, headers and target,
 * the same bytes, so Next and Payload see exactly what the client sent.
 */
export const replayRequest = (req: IncomingMessage, body: Buffer): IncomingMessage => {
  const replay = new IncomingMessage(req.socket)
  replay.method = req.method
  replay.url = req.url
  replay.headers = req.headers
  replay.rawHeaders = req.rawHeaders
  replay.httpVersion = req.httpVersion
  replay.httpVersionMajor = req.httpVersionMajor
  replay.httpVersionMinor = req.httpVersionMinor
  // The bytes are all here: never pull from the socket (that belongs to the next request on it).
  replay._read = () => undefined
  if (body.length) replay.push(body)
  replay.push(null)
  replay.complete = true
  return replay
}
