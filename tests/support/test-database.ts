import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

export type TestDatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export interface TestDatabase {
  kind: TestDatabaseKind
  url: string
  /** Scratch directory for this run (SQLite file, uploaded media). */
  dir: string
  drop: () => Promise<void>
}

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export const testDatabaseKind = (): TestDatabaseKind => (process.env.TEST_DB as TestDatabaseKind) || 'sqlite'

/**
 * True when the mongodb project runs against the in-process wire-compatible stand-in (no MONGODB_URL given) rather
 * than a real MongoDB. Tests that rely on MongoDB's own guarantees skip themselves on it, saying which one.
 */
export const mongodbStandIn = (): boolean => testDatabaseKind() === 'mongodb' && inject('mongodbStandIn') === true

/** A fresh database per suite, dropped afterwards, so runs never share state. */
export const createTestDatabase = async (kind: TestDatabaseKind = testDatabaseKind()): Promise<TestDatabase> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'regional-news-'))
  const name = `rn_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  if (kind === 'sqlite') {
    return { kind, dir, url: `file:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(POSTGRES_ADMIN_URL)
    url.pathname = `/${name}`
    return {
      kind,
      dir,
      url: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
        await client.connect()
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await client.end()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  // From the mongodb project's globalSetup: MONGODB_URL, or the stand-in it started.
  const base = inject('mongodbUrl') ?? process.env.MONGODB_URL
  if (!base) throw new Error('no MongoDB URL: run the mongodb vitest project (it provides one) or set MONGODB_URL')
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    kind,
    dir,
    url: url.toString(),
    drop: async () => {
      const { MongoClient } = await import('mongodb')
      const client = new MongoClient(url.toString())
      await client.connect()
      await client.db(name).dropDatabase()
      await client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
