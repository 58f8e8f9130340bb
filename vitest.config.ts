import { defineConfig } from 'vitest/config'

// Every CMS suite runs once per database: SQLite (embedded default), PostgreSQL and MongoDB — the server MONGODB_URL
// names, or else an in-process wire-compatible stand-in (tests/support/mongodb-global-setup.ts).
const databases = ['sqlite', 'postgres', 'mongodb']

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'data',
          include: ['tests/cms/region-data.test.ts', 'tests/cms/unit/**/*.test.ts', 'tests/ssr/**/*.test.ts'],
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
          // Only this project starts (or finds) a MongoDB server.
          globalSetup: db === 'mongodb' ? ['tests/support/mongodb-global-setup.ts'] : [],
        },
      })),
      {
        // The package as a host installs it: the tarball, plain-Node imports, and a generated foreign host app.
        test: {
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 480_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
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
