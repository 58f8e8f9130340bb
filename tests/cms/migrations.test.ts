import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, type BootedPayload } from '../support/boot-payload'
import { testDatabaseKind } from '../support/test-database'

const kind = testDatabaseKind()
const sql = kind === 'sqlite' || kind === 'postgres'

let booted: BootedPayload
beforeAll(async () => {
  if (sql) booted = await bootPayload()
})
afterAll(async () => booted?.close())

describe.skipIf(!sql)(`committed ${kind} migrations`, () => {
  // A production start applies only committed migrations: any schema change must come with one.
  it('cover the current config (no schema drift)', async () => {
    const dir = path.resolve('migrations', kind)
    const latest = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().at(-1)
    expect(latest, 'a migration snapshot exists').toBeTruthy()
    const db = booted.payload.db as unknown as {
      schema: unknown
      requireDrizzleKit: () => {
        generateDrizzleJson: (schema: unknown) => Promise<unknown>
        generateMigration: (before: unknown, after: unknown) => Promise<string[]>
      }
    }
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const before = JSON.parse(readFileSync(path.join(dir, latest!), 'utf8'))
    const statements = await generateMigration(before, await generateDrizzleJson(db.schema))
    expect(statements, `run: npm run migrate:create -- <name> with DATABASE_URL set to a ${kind} database`).toEqual([])
  })

  it('are all listed in the index the adapter imports', async () => {
    const dir = path.resolve('migrations', kind)
    const index = readFileSync(path.join(dir, 'index.ts'), 'utf8')
    for (const file of readdirSync(dir).filter((f) => /^\d.*\.ts$/.test(f))) {
      expect(index).toContain(file.replace(/\.ts$/, ''))
    }
  })
})
