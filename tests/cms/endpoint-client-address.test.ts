/**
 * The client address on the Payload-endpoint mounting, where there is no socket and Next passes on a client's own
 * X-Forwarded-For: without `publicApi.clientAddressHeader` every client shares one view rate-limit bucket (a forged
 * X-Forwarded-For no longer buys a fresh one); with it, the header the host's proxy sets names the client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createNewsFixtures } from '../support/news-fixtures'
import { viaPayload } from '../support/public-client'

const RATE_LIMIT = 3
let shared: BootedPayload
let headed: BootedPayload

const postView = (booted: BootedPayload, visitor: string, headers: Record<string, string>) =>
  viaPayload(booted, '/api/news/articles/hangzhou-pallets/views', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ visitor }),
  })

beforeAll(async () => {
  shared = await bootPayload({ views: { rateLimitPerMinute: RATE_LIMIT } })
  // Payload's dev schema push skips a schema identical to the last one pushed in this process: force it.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  headed = await bootPayload({ views: { rateLimitPerMinute: RATE_LIMIT }, publicApi: { clientAddressHeader: 'x-real-ip' } }).finally(
    () => delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH,
  )
  await createNewsFixtures(shared.payload)
  await createNewsFixtures(headed.payload)
})
afterAll(async () => {
  await shared?.close()
  await headed?.close()
})

describe('client address on the Payload-endpoint mounting', () => {
  it('without a named header, a forged X-Forwarded-For or X-Real-IP does not walk past the view rate limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i <= RATE_LIMIT; i++) {
      const forged = { 'X-Forwarded-For': `203.0.113.${i + 1}`, 'X-Real-IP': `198.51.100.${i + 1}` }
      statuses.push((await postView(shared, `shared-visitor-${i}`, forged)).status)
    }
    expect(statuses).toEqual([...Array(RATE_LIMIT).fill(200), 429])
  })

  it('with clientAddressHeader, distinct header values are distinct clients and X-Forwarded-For is ignored', async () => {
    const client = { 'X-Real-IP': '192.0.2.10' }
    for (let i = 0; i < RATE_LIMIT; i++) {
      const reply = await postView(headed, `headed-visitor-${i}`, { ...client, 'X-Forwarded-For': `203.0.113.${i + 1}` })
      expect(reply.status).toBe(200)
    }
    const limited = await postView(headed, 'headed-visitor-x', { ...client, 'X-Forwarded-For': '203.0.113.99' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Another address the proxy names is another client.
    expect((await postView(headed, 'headed-visitor-y', { 'X-Real-IP': '192.0.2.11' })).status).toBe(200)
    // A request without the header (the proxy bypassed) falls into the one shared bucket, not the named clients'.
    for (let i = 0; i < RATE_LIMIT; i++) expect((await postView(headed, `headed-bare-${i}`, {})).status).toBe(200)
    expect((await postView(headed, 'headed-bare-x', {})).status).toBe(429)
    expect((await postView(headed, 'headed-visitor-z', { 'X-Real-IP': '192.0.2.12' })).status).toBe(200)
  })
})
