/**
 * `npm start`: Payload (with its job runner), the seed on an empty database, Next for the admin and REST API,
 * and the lean server in front of it. Honours PORT, HOST, DATABASE_URL, PAYLOAD_SECRET.
 */
import path from 'node:path'
import { getPayload } from 'payload'
import { resolveSecret } from '../secret'
import { createNewsServer } from '../server/news-server'
import { withStartupLock } from '../server/startup-lock'

const root = process.cwd()
const port = Number(process.env.PORT || 3000)
const host = process.env.HOST || '0.0.0.0'
const dev = process.env.NODE_ENV === 'development'

const main = async () => {
  // A production start without a secret fails with a clear message; `npm start` passes --first-start to create one.
  resolveSecret(root, { generate: dev || process.argv.includes('--first-start') })
  const { default: config } = await import('../../payload.config')
  // Migrations run while Payload starts; instances starting together on one database take turns.
  const payload = await withStartupLock(process.env.DATABASE_URL, async () => {
    const started = await getPayload({ config, cron: true })
    if (process.env.SEED_ON_EMPTY !== 'false') {
      const { totalDocs } = await started.count({ collection: 'regions', overrideAccess: true })
      if (totalDocs === 0) {
        const { seedAll } = await import('./seed/seed-all')
        await seedAll(started, { log: (line: string) => console.log(line) })
      }
    }
    return started
  })

  // The same front server a host app gets from `payload-regional-news/server`.
  const { server, close } = await createNewsServer({
    payload,
    dev,
    dir: path.join(root, 'cms'),
    hostname: host === '0.0.0.0' ? 'localhost' : host,
    port,
    site: path.join(root, 'cms/demo/site'),
    trustedProxies: (process.env.TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  })
  server.listen(port, host, () => {
    console.log(`regional news CMS ready: admin http://localhost:${port}/admin · demo http://localhost:${port}/ · public API http://localhost:${port}/api/news/articles`)
  })

  const shutdown = async () => {
    await close()
    process.exit(0)
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
