import type { Payload } from 'payload'
import sharp from 'sharp'

/** A small generated PNG, so upload tests need no files on disk. */
export const pngFile = async (name: string, color = '#3a7bd5') => {
  const data = await sharp({ create: { width: 800, height: 500, channels: 3, background: color } }).png().toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}

/** Lexical document with the given paragraphs. */
export const lexicalBody = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      textFormat: 0,
      textStyle: '',
      children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
    })),
  },
})

export const createUser = (payload: Payload, email: string, roles: string[], password = 'Secret-pass-123') =>
  payload.create({ collection: 'users', data: { email, password, roles } as never, overrideAccess: true })
