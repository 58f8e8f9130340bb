/**
 * Public images answered by the front server from disk: headers, revalidation, ranges, and everything it must leave
 * to Payload's own route (files anonymous readers may not load, credentials, path tricks).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLeanServer } from '../../cms/server/lean-server'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { lexicalBody, pngFile } from '../support/fixtures'
import { payloadRoute } from '../support/payload-route'
import { viaHttp, viaPayload } from '../support/public-client'
import { rawRequest } from '../support/raw-http'
import { listenLocally, closeServer } from '../support/local-server'

type MediaDoc = { id: string | number; filename: string; mimeType: string; sizes: Record<string, { filename?: string | null; mimeType?: string | null }> }

let booted: BootedPayload
let server: Server
let origin: string
let route: ReturnType<typeof payloadRoute>
let dir: string
let cover: MediaDoc
let draftCover: MediaDoc
let bigCover: MediaDoc
let articleId: string | number
const purged: string[] = []

const file = (name: string) => `/api/media/file/${encodeURIComponent(name)}`
const onDisk = (name: string) => readFileSync(path.join(dir, name))
/** True when the answer came from Payload's route (it sends neither ETag nor Cache-Control for files). */
const fromPayload = (headers: Headers) => headers.get('etag') === null && headers.get('cache-control') === null

beforeAll(async () => {
  booted = await bootPayload({ publicApi: { onPurge: (urls) => void purged.push(...urls) } })
  const { payload } = booted
  dir = path.resolve(String((payload.collections.media.config.upload as { staticDir: string }).staticDir))
  const category = await payload.create({ collection: 'categories', data: { name: '行业新闻', slug: 'industry' } })
  cover = (await payload.create({ collection: 'media', data: { alt: '公开' }, file: await pngFile('cover.png') })) as unknown as MediaDoc
  draftCover = (await payload.create({ collection: 'media', data: { alt: '草稿' }, file: await pngFile('draft-cover.png', '#d53a3a') })) as unknown as MediaDoc
  // Noise does not compress: a PNG over the in-memory limit, so it is streamed from disk.
  const noise = await sharp(Buffer.from(Array.from({ length: 600 * 400 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 600, height: 400, channels: 3 } }).png().toBuffer()
  bigCover = (await payload.create({ collection: 'media', data: { alt: '大图' }, file: { data: noise, mimetype: 'image/png', name: 'big.png', size: noise.length } })) as unknown as MediaDoc
  await payload.create({
    collection: 'articles',
    data: { title: '大图', slug: 'big', category: category.id, regions: [], cover: bigCover.id, _status: 'published' } as never,
  })
  const article = await payload.create({
    collection: 'articles',
    data: { title: '已发布', slug: 'published', category: category.id, regions: [], cover: cover.id, body: lexicalBody('正文'), _status: 'published' } as never,
  })
  articleId = article.id
  await payload.create({
    collection: 'articles',
    draft: true,
    data: { title: '草稿', slug: 'draft-only', category: category.id, regions: [], cover: draftCover.id, _status: 'draft' } as never,
  })
  // A file in the upload folder that no media document names.
  writeFileSync(path.join(dir, 'stray.png'), onDisk(cover.filename))
  route = payloadRoute(booted)
  server = createLeanServer({ payload, fallback: route })
  origin = await listenLocally(server)
})
afterAll(async () => {
  await closeServer(server)
  await booted?.close()
})

describe('a published article cover', () => {
  it('is answered from disk with caching headers, the original and its sizes', async () => {
    const card = cover.sizes.card!
    expect(card.filename).toBeTruthy()
    for (const [name, type] of [[cover.filename, 'image/png'], [card.filename!, 'image/webp'], [cover.sizes.thumb!.filename!, 'image/webp']] as const) {
      const calls = route.calls
      const reply = await viaHttp(origin, file(name))
      expect(reply.status, name).toBe(200)
      expect(route.calls, 'Payload was not asked').toBe(calls)
      expect(reply.body.equals(onDisk(name))).toBe(true)
      // The same bytes Payload's route sends.
      expect(reply.body.equals((await viaPayload(booted, file(name))).body)).toBe(true)
      const h = reply.headers
      expect(h.get('content-type')).toBe(type)
      expect(h.get('content-length')).toBe(String(onDisk(name).length))
      expect(h.get('transfer-encoding')).toBeNull()
      expect(h.get('etag')).toMatch(/^"[\w-]+"$/)
      expect(Date.parse(h.get('last-modified')!)).toBeGreaterThan(0)
      expect(h.get('cache-control')).toBe('public, max-age=3600, stale-while-revalidate=86400')
      expect(h.get('accept-ranges')).toBe('bytes')
      expect(h.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('streams a file too large to keep in memory, whole or a range', async () => {
    const bytes = onDisk(bigCover.filename)
    expect(bytes.length).toBeGreaterThan(256 * 1024)
    for (let i = 0; i < 2; i++) {
      const reply = await viaHttp(origin, file(bigCover.filename))
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-length')).toBe(String(bytes.length))
      expect(reply.body.equals(bytes)).toBe(true)
    }
    const part = await viaHttp(origin, file(bigCover.filename), { headers: { Range: 'bytes=300000-300099' } })
    expect(part.status).toBe(206)
    expect(part.body.equals(bytes.subarray(300000, 300100))).toBe(true)
  })

  it('notices a file replaced on disk', async () => {
    const name = cover.sizes.thumb!.filename!
    const before = await viaHttp(origin, file(name))
    const original = onDisk(name)
    const replaced = Buffer.concat([original, Buffer.from('extra')])
    writeFileSync(path.join(dir, name), replaced)
    try {
      const after = await viaHttp(origin, file(name))
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
      expect(after.body.equals(replaced)).toBe(true)
    } finally {
      writeFileSync(path.join(dir, name), original)
    }
  })

  it('answers HEAD with the length and no body', async () => {
    const reply = await viaHttp(origin, file(cover.filename), { method: 'HEAD' })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-length')).toBe(String(onDisk(cover.filename).length))
    expect(reply.headers.get('content-type')).toBe('image/png')
    expect(reply.body.length).toBe(0)
  })

  it('answers If-None-Match and If-Modified-Since with 304', async () => {
    const first = await viaHttp(origin, file(cover.filename))
    const etag = first.headers.get('etag')!
    const conditions: Record<string, string>[] = [{ 'If-None-Match': etag }, { 'If-None-Match': `"other", W/${etag}` }, { 'If-Modified-Since': first.headers.get('last-modified')! }]
    for (const headers of conditions) {
      const reply = await viaHttp(origin, file(cover.filename), { headers })
      expect(reply.status, JSON.stringify(headers)).toBe(304)
      expect(reply.body.length).toBe(0)
      expect(reply.headers.get('etag')).toBe(etag)
      expect(reply.headers.get('cache-control')).toMatch(/^public, max-age=/)
    }
    const changed = await viaHttp(origin, file(cover.filename), { headers: { 'If-None-Match': '"something-else"' } })
    expect(changed.status).toBe(200)
    const older = await viaHttp(origin, file(cover.filename), { headers: { 'If-Modified-Since': new Date(0).toUTCString() } })
    expect(older.status).toBe(200)
  })

  it('serves a single byte range; other ranges go to Payload', async () => {
    const bytes = onDisk(cover.filename)
    for (const [range, start, end] of [['bytes=0-99', 0, 99], ['bytes=100-', 100, bytes.length - 1], ['bytes=-50', bytes.length - 50, bytes.length - 1]] as const) {
      const reply = await viaHttp(origin, file(cover.filename), { headers: { Range: range } })
      expect(reply.status, range).toBe(206)
      expect(reply.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`)
      expect(reply.headers.get('content-length')).toBe(String(end - start + 1))
      expect(reply.body.equals(bytes.subarray(start, end + 1))).toBe(true)
    }
    // A range of another version of the file: the whole file.
    const stale = await viaHttp(origin, file(cover.filename), { headers: { Range: 'bytes=0-9', 'If-Range': '"old"' } })
    expect(stale.status).toBe(200)
    expect(stale.body.equals(bytes)).toBe(true)
    // Unsatisfiable: Payload's own answer.
    const calls = route.calls
    const beyond = await viaHttp(origin, file(cover.filename), { headers: { Range: `bytes=${bytes.length + 10}-` } })
    expect(route.calls).toBe(calls + 1)
    expect(beyond.status).toBe((await viaPayload(booted, file(cover.filename), { headers: { Range: `bytes=${bytes.length + 10}-` } })).status)
  })

  it('answers a repeated request without the database', async () => {
    const { db } = booted.payload
    const findOne = db.findOne
    db.findOne = (() => Promise.reject(new Error('database used'))) as typeof db.findOne
    try {
      const reply = await viaHttp(origin, file(cover.filename))
      expect(reply.status).toBe(200)
      expect(reply.headers.get('etag')).not.toBeNull()
    } finally {
      db.findOne = findOne
    }
  })

  it('leaves requests with credentials to Payload', async () => {
    const credentials: Record<string, string>[] = [{ Authorization: 'JWT not-a-token' }, { Cookie: 'theme=dark; payload-token=not-a-token' }]
    for (const headers of credentials) {
      const calls = route.calls
      const reply = await viaHttp(origin, file(cover.filename), { headers })
      expect(route.calls).toBe(calls + 1)
      expect(fromPayload(reply.headers)).toBe(true)
    }
    // A cookie that is not Payload's does not count.
    const plain = await viaHttp(origin, file(cover.filename), { headers: { Cookie: 'not-payload-token=1' } })
    expect(plain.headers.get('etag')).not.toBeNull()
  })
})

describe('files anonymous readers may not load', () => {
  it('a draft-only cover gets what Payload gives anonymous readers', async () => {
    const expected = await viaPayload(booted, file(draftCover.filename))
    expect(expected.status).toBe(403)
    for (const name of [draftCover.filename, draftCover.sizes.card!.filename!]) {
      const reply = await viaHttp(origin, file(name))
      expect(reply.status, name).toBe(403)
      expect(fromPayload(reply.headers)).toBe(true)
      expect(reply.body.equals(onDisk(name))).toBe(false)
    }
  })

  it('a file no media document names, and unknown files, are not served', async () => {
    for (const name of ['stray.png', 'no-such-file.png']) {
      const reply = await viaHttp(origin, file(name))
      expect(reply.status, name).toBeGreaterThanOrEqual(400)
      expect(fromPayload(reply.headers)).toBe(true)
    }
  })

  it('path tricks never read a file', async () => {
    const tricks = [
      '/api/media/file/../../package.json',
      '/api/media/file/..%2f..%2fpackage.json',
      '/api/media/file/%2e%2e/%2e%2e/package.json',
      '/api/media/file/..%5c..%5cpackage.json',
      '/api/media/file/%2fetc%2fpasswd',
      '/api/media/file//etc/passwd',
      '/api/media/file/cover.png%00.txt',
      `/api/media/file/${encodeURIComponent(path.join(dir, cover.filename))}`,
      '/api/media/file/.htaccess',
      `/api/media/file/${'a'.repeat(300)}.png`,
    ]
    for (const trick of tricks) {
      const reply = await rawRequest(origin, { path: trick })
      expect(reply.status, trick).toBeGreaterThanOrEqual(400)
      expect(reply.headers['cache-control'], trick).not.toMatch(/^public/)
      expect(reply.text).not.toContain('"name"')
    }
  })

  it('after unpublishing, the cover is Payload\'s again on the next request; republished, it is public again', async () => {
    const { payload } = booted
    const name = cover.sizes.card!.filename!
    expect((await viaHttp(origin, file(name))).status).toBe(200)
    purged.length = 0
    await payload.update({ collection: 'articles', id: articleId, data: { _status: 'draft' } as never })
    const hidden = await viaHttp(origin, file(name))
    expect(hidden.status).toBe(403)
    expect(fromPayload(hidden.headers)).toBe(true)
    expect((await viaHttp(origin, file(cover.filename))).status).toBe(403)
    // The CDN hook hears of every file of the image.
    await new Promise((resolve) => setTimeout(resolve, 50))
    for (const each of [cover.filename, name, cover.sizes.thumb!.filename!]) expect(purged).toContain(file(each))

    await payload.update({ collection: 'articles', id: articleId, data: { _status: 'published' } as never })
    const shown = await viaHttp(origin, file(name))
    expect(shown.status).toBe(200)
    expect(shown.headers.get('etag')).not.toBeNull()
  })

  it('a deleted image is not served from memory', async () => {
    const { payload } = booted
    const image = (await payload.create({ collection: 'media', data: { alt: '临时' }, file: await pngFile('temporary.png', '#22aa22') })) as unknown as MediaDoc
    const other = await payload.create({
      collection: 'articles',
      data: { title: '临时', slug: 'temporary', category: (await payload.find({ collection: 'categories' })).docs[0]!.id, regions: [], cover: image.id, _status: 'published' } as never,
    })
    expect((await viaHttp(origin, file(image.filename))).status).toBe(200)
    await payload.update({ collection: 'articles', id: other.id, data: { cover: null } as never })
    await payload.delete({ collection: 'media', id: image.id })
    const gone = await viaHttp(origin, file(image.filename))
    expect(gone.status).toBeGreaterThanOrEqual(400)
    expect(fromPayload(gone.headers)).toBe(true)
  })
})
