import { defineConfig } from 'vitest/config'

// Every CMS suite runs once per database: SQLite (embedded default), PostgreSQL, and MongoDB when MONGODB_URL is set.
const databases = ['sqlite', 'postgres', ...(process.env.MONGODB_URL ? ['mongodb'] : [])]

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'data',
          include: ['tests/cms/region-data.test.ts', 'tests/cms/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      ...databases.map((db) => ({
        test: {
          name: db,
          include: ['tests/cms/**/*.test.ts'],
          exclude: ['tests/cms/region-data.test.ts', 'tests/cms/unit/**'],
          environment: 'node',
          env: { TEST_DB: db, NODE_ENV: 'test', PAYLOAD_DISABLE_ADMIN: 'true' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Payload instances are heavy; two cores.
          fileParallelism: false,
          pool: 'forks',
        },
      })),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
})
