/**
 * One CMS instance for multi-process tests: Payload on DATABASE_URL plus the lean server on an ephemeral port.
 * A test-only control endpoint (POST /__control) runs Local API calls inside this process. Prints "READY <port>" once listening. Never used outside tests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { databaseFromUrl } from '../../cms/database'
import { createLeanServer } from '../../cms/server/lean-server'
import { createConfig } from '../../payload.config'
import { createNewsFixtures } from './news-fixtures'

export interface ControlCall {
  op: 'create' | 'update' | 'delete' | 'find' | 'dbUpdateOne' | 'fixtures'
  args?: Record<string, unknown>
}

const run = (payload: Payload, { op, args = {} }: ControlCall): Promise<unknown> => {
  switch (op) {
    case 'create':
      return payload.create(args as never)
    case 'update':
      return payload.update(args as never)
    case 'delete':
      return payload.delete(args as never)
    case 'find':
      return payload.find(args as never)
    case 'dbUpdateOne':
      return payload.db.updateOne(args as never)
    case 'fixtures':
      return createNewsFixtures(payload)
  }
}

const readJson = async (req: IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ControlCall
}

const main = async () => {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is required')
  const config = await createConfig({
    db: await databaseFromUrl(url),
    secret: 'test-secret-0123456789abcdef0123456789',
    mediaDir: path.join(mkdtempSync(path.join(tmpdir(), 'regional-news-instance-')), 'media'),
    plugin: { views: { rateLimitPerMinute: Number(process.env.RATE_LIMIT || 120) } },
  })
  const payload = await getPayload({ config, key: `${url}#${process.pid}` })

  const control = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const result = await run(payload, await readJson(req))
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result ?? null))
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: (error as Error).message }))
    }
  }

  const server = createLeanServer({ payload, site: 'cms/demo/site', trustedProxies: (process.env.TRUSTED_PROXIES ?? '').split(',').filter(Boolean) })
  // The control endpoint goes first, whatever the lean server routes.
  const lean = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[]
  server.removeAllListeners('request')
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/__control') void control(req, res)
    else for (const listener of lean) listener.call(server, req, res)
  })
  server.listen(0, '127.0.0.1', () => console.log(`READY ${(server.address() as AddressInfo).port}`))

  const stop = async () => {
    server.close()
    server.closeAllConnections()
    await payload.destroy().catch(() => undefined)
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
