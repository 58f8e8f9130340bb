import { connect, createServer, type Socket } from 'node:net'

export type ProxyMode = 'open' | 'reset' | 'blackhole'

export interface TcpProxy {
  port: number
  /** `reset`: drop every connection and refuse new ones; `blackhole`: drop them and let new ones hang unanswered. */
  cut: (mode: Exclude<ProxyMode, 'open'>) => void
  restore: () => void
  close: () => Promise<void>
}

/** A TCP proxy on 127.0.0.1 (ephemeral port) in front of `target`, which a test can cut and restore. */
export const startTcpProxy = async (target: { host: string; port: number }): Promise<TcpProxy> => {
  let mode: ProxyMode = 'open'
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const dropAll = () => {
    for (const socket of sockets) socket.resetAndDestroy()
    sockets.clear()
  }
  const server = createServer((client) => {
    track(client)
    if (mode === 'reset') return void client.resetAndDestroy()
    if (mode === 'blackhole') return // accepted, never answered
    const upstream = connect(target)
    track(upstream)
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as { port: number }).port,
    cut: (next) => {
      mode = next
      dropAll()
    },
    restore: () => {
      mode = 'open'
      // Connections accepted while blackholed would never work: let their owners reconnect.
      dropAll()
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll()
        server.close(() => resolve())
      }),
  }
}
