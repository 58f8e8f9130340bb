import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { createUser } from '../support/fixtures'
import { login, rest } from '../support/rest-client'

/**
 * A host app that mounts only the plugin (no lean server in front) still answers ids of the wrong shape on the
 * plugin's collections with a 4xx, not a database error (a 500): Payload's own REST router, in process.
 */

let booted: BootedPayload
let token = ''

beforeAll(async () => {
  booted = await bootPayload()
  await createUser(booted.payload, 'admin@ids.test', ['admin'])
  token = await login(booted, 'admin@ids.test', 'Secret-pass-123')
})
afterAll(async () => {
  await booted?.close()
})

const MALFORMED = ['abc', '1.5', '-1', '99999999999999999999', '0x10', '%20', "1'%20OR%201=1", '1e3']
const COLLECTIONS = ['articles', 'categories', 'regions', 'media']

describe('ids of the wrong shape on the plugin collections', () => {
  for (const collection of COLLECTIONS)
    it(`${collection}: read, update and delete answer 404 (or 400) JSON, never a 500`, async () => {
      for (const id of MALFORMED) {
        for (const [method, body] of [['GET'], ['PATCH', { title: 'x' }], ['DELETE']] as const) {
          const res = await rest(booted, method, `/api/${collection}/${id}`, { token, body })
          // 404, or Payload's own 400 where its router already refused the id.
          expect([[400, 404].includes(res.status), res.status, id, method]).toEqual([true, res.status, id, method])
          expect(res.json?.errors?.[0]?.message, `${method} ${id}`).toBeTypeOf('string')
        }
      }
    })

  it('a well-formed id that does not exist is still a plain 404', async () => {
    const res = await rest(booted, 'GET', `/api/articles/${booted.payload.db.defaultIDType === 'number' ? '424242' : '0123456789abcdef01234567'}`, { token })
    expect(res.status).toBe(404)
  })
})
