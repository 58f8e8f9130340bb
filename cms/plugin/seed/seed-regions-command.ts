/**
 * `npx payload regional-news:seed-regions`: the plugin adds this script to the host's `config.bin`; Payload's CLI
 * loads the host's config and calls `script(config)`. Idempotent (only missing regions are created).
 */
import { getPayload, type SanitizedConfig } from 'payload'
import type { RegionalNewsRuntime } from '../runtime'
import { seedRegions } from './seed-regions'

export const SEED_REGIONS_COMMAND = 'regional-news:seed-regions'

export const script = async (config: SanitizedConfig): Promise<void> => {
  const slug = (config.custom as { regionalNews?: RegionalNewsRuntime } | undefined)?.regionalNews?.options.slugs.regions
  try {
    const payload = await getPayload({ config })
    const { created, existing } = await seedRegions(payload, { slug })
    console.log(`${SEED_REGIONS_COMMAND}: ${created} created, ${existing} already there`)
    await payload.destroy()
  } catch (error) {
    // Payload's CLI reports a failed script but still exits 0; a deploy step must see the failure.
    console.error(`${SEED_REGIONS_COMMAND} failed:`, error)
    process.exit(1)
  }
}
