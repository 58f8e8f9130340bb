import { HttpError } from '../../plugin/http/http-error'

const boundaryOf = (contentType: string) => {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType)
  return match ? (match[1] ?? match[2])! : undefined
}

/**
 * Finds the text fields of a multipart/form-data body (Payload reads its JSON from `_payload`) and checks the
 * framing, since Payload answers malformed multipart with a 500. Files are skipped, not copied.
 */
export const multipartFields = (body: Buffer, contentType: string): Map<string, string> => {
  const boundary = boundaryOf(contentType)
  if (!boundary) throw new HttpError(400, 'multipart/form-data without a boundary')
  const delimiter = Buffer.from(`--${boundary}`)
  const fields = new Map<string, string>()
  let at = body.indexOf(delimiter)
  if (at === -1) throw new HttpError(400, 'multipart body does not start with its boundary')
  for (;;) {
    at += delimiter.length
    if (body.subarray(at, at + 2).toString() === '--') return fields // closing delimiter
    if (body.subarray(at, at + 2).toString() !== '\r\n') throw new HttpError(400, 'malformed multipart body')
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), at)
    if (next === -1) throw new HttpError(400, 'multipart body is not terminated')
    const part = body.subarray(at + 2, next)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd === -1) throw new HttpError(400, 'malformed multipart part')
    const headers = part.subarray(0, headerEnd).toString('latin1')
    const name = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(headers)?.[1]
    if (name === undefined) throw new HttpError(400, 'multipart part without a name')
    if (!/;\s*filename\*?=/i.test(headers)) fields.set(name, part.subarray(headerEnd + 4).toString('utf8'))
    at = next + 2
  }
}
