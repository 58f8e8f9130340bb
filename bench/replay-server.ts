/**
 * The floor for the public path: plain node:http answering each recorded URL with the recorded status,
 * headers and bytes, nothing else. Reads the recording (JSON file, argv[2]) and prints "READY <port>".
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recording {
  [path: string]: { status: number; headers: string[]; body: string }
}

const recording = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Recording
const replies = new Map(Object.entries(recording).map(([path, r]) => [path, { ...r, body: Buffer.from(r.body, 'base64') }]))

const server = createServer((req, res) => {
  const reply = replies.get(req.url ?? '')
  if (!reply) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(reply.status, reply.headers)
  res.end(reply.body)
})
server.keepAliveTimeout = 65_000
server.listen(0, '127.0.0.1', () => console.log(`READY ${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => process.exit(0))
