import { getPayload, type Payload } from 'payload'
import { databaseFromUrl } from '../../cms/database'
import { createConfig, type DemoConfigOptions } from '../../payload.config'
import { createTestDatabase, type TestDatabase } from './test-database'

export interface BootedPayload {
  payload: Payload
  database: TestDatabase
  close: () => Promise<void>
}

/** The demo config on a fresh database of this run's kind (TEST_DB), with its own Payload instance. */
export const bootPayload = async (plugin?: DemoConfigOptions['plugin']): Promise<BootedPayload> => {
  const database = await createTestDatabase()
  const config = await createConfig({
    db: await databaseFromUrl(database.url),
    secret: 'test-secret-0123456789abcdef0123456789',
    mediaDir: `${database.dir}/media`,
    plugin,
  })
  const payload = await getPayload({ config, key: database.url, cron: true })
  return {
    payload,
    database,
    close: async () => {
      await payload.destroy()
      await database.drop()
    },
  }
}
