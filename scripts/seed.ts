// npm run seed: fills the database chosen by DATABASE_URL with the demo content (idempotent).
import { getPayload } from 'payload'
import config from '../payload.config'
import { seedAll } from '../cms/demo/seed/seed-all'

const started = Date.now()
const payload = await getPayload({ config })
try {
  await seedAll(payload, { log: (line) => console.log(line) })
  console.log(`seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} catch (error) {
  console.error('seed: failed', error)
  process.exitCode = 1
} finally {
  await payload.destroy()
  // Job runners and pools can keep the event loop alive after destroy.
  process.exit(process.exitCode ?? 0)
}
