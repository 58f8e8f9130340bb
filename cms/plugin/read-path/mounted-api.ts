import type { Payload } from 'payload'
import type { ResolvedOptions } from '../options'
import type { PublicApi } from './public-api'

/** The public API instance the plugin registered in this Payload's config (for a server mounting it outside Payload). */
export const mountedPublicApi = (payload: Payload): { publicApi: PublicApi; options: ResolvedOptions } => {
  const mounted = (payload.config.custom as { regionalNews?: { publicApi: PublicApi; options: ResolvedOptions } })?.regionalNews
  if (!mounted) throw new Error('The regionalNews plugin is not enabled in this Payload config')
  return mounted
}
