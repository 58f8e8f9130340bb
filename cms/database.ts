import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Config, Payload } from 'payload'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { migrations as postgresMigrations } from '../migrations/postgres/index'
import { migrations as sqliteMigrations } from '../migrations/sqlite/index'
import { indexLocaleParents } from './locale-parent-indexes'

export const DEFAULT_SQLITE_FILE = 'data/regional-news.db'

/**
 * DATABASE_URL picks the adapter: unset or file: → SQLite (embedded default), postgres:// → PostgreSQL,
 * mongodb:// → MongoDB. SQL schemas come from the committed migrations in production.
 */
export const databaseFromUrl = async (url = process.env.DATABASE_URL, root = process.cwd()): Promise<Config['db']> => {
  if (!url || url.startsWith('file:')) {
    const file = url ? url.slice('file:'.length) : path.join(root, DEFAULT_SQLITE_FILE)
    mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true })
    return sqliteAdapter({
      client: { url: `file:${path.resolve(root, file)}` },
      // Concurrent writers wait instead of failing with "database is locked"; WAL lets reads run beside a write.
      busyTimeout: 5_000,
      wal: true,
      afterSchemaInit: [indexLocaleParents(sqliteIndex as never)],
      migrationDir: path.join(root, 'migrations/sqlite'),
      prodMigrations: sqliteMigrations,
    })
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return postgresAdapter({
      pool: {
        connectionString: url,
        max: 10,
        // A dead database surfaces as a prompt error (503) instead of a hang.
        connectionTimeoutMillis: 3_000,
        idleTimeoutMillis: 30_000,
      },
      afterSchemaInit: [indexLocaleParents(pgIndex as never)],
      migrationDir: path.join(root, 'migrations/postgres'),
      prodMigrations: postgresMigrations,
    })
  }
  if (/^mongodb(\+srv)?:\/\//.test(url)) {
    // Loaded only when asked for, so SQL deployments never load mongoose.
    const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
    return mongooseAdapter({ url, connectOptions: { serverSelectionTimeoutMS: 3_000 } })
  }
  throw new Error(`DATABASE_URL must start with file:, postgres://, postgresql:// or mongodb:// (got "${url.split(':')[0]}:")`)
}

/**
 * A PostgreSQL pool emits 'error' when the server drops an idle connection (restart, network cut, DROP DATABASE);
 * unhandled, that kills the process. Log it instead: the next query reconnects.
 */
export const guardConnectionPool = (payload: Payload) => {
  const pool = (payload.db as { pool?: { on: (event: 'error', listener: (error: Error) => void) => void } }).pool
  pool?.on('error', (error) => payload.logger.warn(`database connection dropped: ${error.message}`))
}
