import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Starts `server` on a free port of 127.0.0.1 and gives its origin. */
export const listenLocally = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Stops `server` (when it was started), resolving once it has. */
export const closeServer = (server: Server | undefined): Promise<void> =>
  new Promise((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()))
