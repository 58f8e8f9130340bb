import pg from 'pg'

const LOCK_NAME = 'regional-news: migrate and seed'

/**
 * Runs `work` (migrations and the first seed) while holding a PostgreSQL advisory lock, so instances starting
 * together on one database take turns: the first migrates and seeds, the others then find both done. The lock
 * belongs to a session of its own, so a process that dies releases it. Other databases run `work` directly
 * (SQLite is one process's file; MongoDB has no migrations).
 */
export const withStartupLock = async <T>(databaseUrl: string | undefined, work: () => Promise<T>, log: (line: string) => void = console.log): Promise<T> => {
  if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) return work()
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  // A dropped connection releases the lock; losing it mid-start is reported by the work itself.
  client.on('error', () => undefined)
  await client.connect()
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK_NAME])
    if (!rows[0].locked) {
      log('another instance is migrating or seeding this database; waiting for it')
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK_NAME])
    }
    return await work()
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_NAME]).catch(() => undefined)
    await client.end().catch(() => undefined)
  }
}
