// A MongoDB-wire-compatible stand-in (CongoDB from @push.rocks/smartmongo, in memory), for tests and for trying the
// MongoDB path where no mongod can be installed. It is not MongoDB: unique indexes are not enforced, transactions do
// not roll back, collation is ignored. `node scripts/mongodb-stand-in.mjs [port]` serves until stopped.
import { pathToFileURL } from 'node:url'

/** Starts the stand-in on 127.0.0.1 (port 0: any free one); resolves to its URL and a stop function. */
export const startMongoStandIn = async (port = 0) => {
  // The congodb entry alone: the package's main entry also loads mongodb-memory-server, which wants a mongod binary.
  const { CongoServer } = await import('@push.rocks/smartmongo/dist_ts/congodb/index.js')
  const server = new CongoServer({ port, host: '127.0.0.1', storage: 'memory' })
  await server.start()
  // CongoServer reports the port it was given; with 0 the real one is on its net.Server.
  const actual = port || server.server.address().port
  return { url: `mongodb://127.0.0.1:${actual}`, stop: () => server.stop() }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url, stop } = await startMongoStandIn(Number(process.argv[2] ?? 0))
  console.log(`MongoDB stand-in (not MongoDB) listening: ${url}`)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop().then(() => process.exit(0)))
}
