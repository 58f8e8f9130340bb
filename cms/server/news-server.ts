import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import next from 'next'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { createLeanServer } from './lean-server'

export interface NewsServerOptions {
  /** The host's Payload config (what its payload.config.ts exports). Payload starts with its job runner. */
  config?: SanitizedConfig | Promise<SanitizedConfig>
  /** An already started Payload instead of `config` (e.g. after migrations run under a lock). */
  payload?: Payload
  /** The Next app's directory (default: the working directory). */
  dir?: string
  /** Next's development mode (default: NODE_ENV === 'development'). */
  dev?: boolean
  /** Passed to Next for the URLs it builds itself (default: localhost and PORT or 3000). */
  hostname?: string
  port?: number
  /** Proxies whose X-Forwarded-For is believed (added to the plugin's `views.trustedProxies`). */
  trustedProxies?: string[]
  /** A folder of static pages served under `/demo/` (this repo's widgets-only demo page). */
  site?: string
}

export interface NewsServer {
  /** Not listening yet: call `server.listen(port)`. */
  server: Server
  payload: Payload
  /** Stops accepting connections (open ones finish) and closes Payload's database connections. */
  close: () => Promise<void>
}

// Where the widgets bundles are: this package's dist/widgets/v1 (from source or from the built package alike).
const packageRoot = () => path.dirname(createRequire(import.meta.url).resolve('payload-regional-news/package.json'))

/**
 * The front server for a Payload + Next app with the plugin: a node:http server that answers the public read path,
 * the widgets bundle and the news site itself, and hands the admin, REST API and Next's assets to the host's Next
 * request handler.
 */
export const createNewsServer = async (options: NewsServerOptions): Promise<NewsServer> => {
  if (!options.payload && !options.config) throw new Error('createNewsServer needs `config` (or a started `payload`)')
  const payload = options.payload ?? (await getPayload({ config: await options.config!, cron: true }))
  const port = options.port ?? Number(process.env.PORT || 3000)
  const nextApp = next({ dev: options.dev ?? process.env.NODE_ENV === 'development', dir: options.dir ?? process.cwd(), hostname: options.hostname ?? 'localhost', port })
  await nextApp.prepare()
  const nextHandler = nextApp.getRequestHandler()
  const server = createLeanServer({
    payload,
    root: packageRoot(),
    site: options.site,
    fallback: (req, res) => nextHandler(req, res),
    trustedProxies: options.trustedProxies,
  })
  server.keepAliveTimeout = 65_000
  const close = async () => {
    server.close()
    await payload.destroy().catch(() => undefined)
  }
  return { server, payload, close }
}
