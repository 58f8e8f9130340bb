import { describe, expect, it } from 'vitest'
import { utf8 } from '../../../cms/plugin/http/utf8'

describe('utf8', () => {
  it('encodes exactly as Buffer.from does: ASCII, Chinese, emoji, lone surrogates, empty', () => {
    for (const text of ['', 'plain ascii', '托盘共用这十年：从“买托盘”到“用托盘”', 'emoji 🧱🚚 and 𠮷', 'lone \ud800 high and \udc00 low', 'x'.repeat(200_000) + '中'])
      expect(utf8(text).equals(Buffer.from(text))).toBe(true)
  })

  it('gives each text a buffer of its own (a later call never changes an earlier result)', () => {
    const first = utf8('第一篇')
    const second = utf8('second, longer than the first')
    expect(first.toString()).toBe('第一篇')
    expect(second.toString()).toBe('second, longer than the first')
    expect(first.buffer === second.buffer && first.byteOffset === second.byteOffset).toBe(false)
  })

  it('encodes a text past the kept buffer’s limit too', () => {
    const text = '南'.repeat((1 << 20) + 1)
    const bytes = utf8(text)
    expect(bytes.length).toBe(text.length * 3)
    expect(bytes.equals(Buffer.from(text))).toBe(true)
  })
})
