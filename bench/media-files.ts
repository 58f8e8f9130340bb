/**
 * A cover image, per request (`NODE_OPTIONS=--conditions=production npx tsx bench/media-files.ts`; seconds, never part
 * of the tests): CPU ms and sequential rate of (a) the front server's image path over HTTP, (b) the same with
 * If-None-Match (304), (c) Payload's own file route over HTTP (the same server with an Authorization header, which
 * the image path leaves to Payload; Next adds its own cost on top in production). Client and server share the
 * process, so each figure includes the client's side too; compare them with each other.
 *
 * Env: BENCH_SECONDS (3 per case).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { databaseFromUrl } from '../cms/database'
import { createLeanServer } from '../cms/server/lean-server'
import { createConfig } from '../payload.config'
import { lexicalBody, pngFile } from '../tests/support/fixtures'
import { payloadRoute } from '../tests/support/payload-route'
import { viaHttp } from '../tests/support/public-client'
import { measureSequential } from './sequential-cpu'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)

const measure = async (fn: () => Promise<unknown>) => {
  const { rate, cpuMs } = await measureSequential(fn, SECONDS, 50)
  return { rate: Math.round(rate), cpuMs: +cpuMs.toFixed(3) }
}

const main = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'regional-news-media-bench-'))
  const url = `file:${path.join(dir, 'bench.db')}`
  const config = await createConfig({ db: await databaseFromUrl(url), secret: 'bench-secret-0123456789abcdef0123456789', mediaDir: path.join(dir, 'media') })
  const payload = await getPayload({ config, key: url })
  const category = await payload.create({ collection: 'categories', data: { name: '行业新闻', slug: 'industry' } })
  const image = await payload.create({ collection: 'media', data: { alt: '封面' }, file: await pngFile('cover.png') })
  await payload.create({
    collection: 'articles',
    data: { title: '封面', slug: 'cover', category: category.id, regions: [], cover: image.id, body: lexicalBody('正文'), _status: 'published' } as never,
  })
  const server = createLeanServer({ payload, fallback: payloadRoute({ payload, database: { url } } as never) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const card = `/api/media/file/${encodeURIComponent(String((image.sizes as { card: { filename: string } }).card.filename))}`
  const first = await viaHttp(origin, card)
  const etag = first.headers.get('etag')!
  const fast = await measure(() => viaHttp(origin, card))
  const notModified = await measure(() => viaHttp(origin, card, { headers: { 'If-None-Match': etag } }))
  const stock = await measure(() => viaHttp(origin, card, { headers: { Authorization: 'JWT none' } }))
  console.log(`card image (${first.body.length} bytes), per request:`)
  console.log(`  image path 200  ${fast.cpuMs} ms CPU, ${fast.rate}/s`)
  console.log(`  image path 304  ${notModified.cpuMs} ms CPU, ${notModified.rate}/s`)
  console.log(`  Payload route   ${stock.cpuMs} ms CPU, ${stock.rate}/s`)
  server.close()
  await payload.destroy()
  rmSync(dir, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
