import type { CollectionConfig } from 'payload'

export interface ViewReceiptsCollectionArgs {
  slug: string
  access: CollectionConfig['access']
}

/**
 * One row per (visitor, article, day), keyed by a salted hash whose salt rotates daily: the unique key makes
 * "once per visitor per article per day" hold across instances, and no raw id or address is stored.
 */
export const createViewReceiptsCollection = ({ slug, access }: ViewReceiptsCollectionArgs): CollectionConfig => ({
  slug,
  access,
  admin: { hidden: true },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
})
