import { IncomingMessage } from 'node:http'

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
