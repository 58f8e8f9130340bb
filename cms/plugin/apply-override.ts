import type { CollectionConfig } from 'payload'
import type { CollectionOverride } from './options'

/** Applies a user's override to a generated collection: fields through a function, the rest shallow-merged (hooks appended). */
export const applyOverride = (base: CollectionConfig, override: CollectionOverride = {}): CollectionConfig => {
  const { fields, hooks, access, admin, upload, ...rest } = override
  const mergedHooks: CollectionConfig['hooks'] = { ...base.hooks }
  for (const [name, list] of Object.entries(hooks ?? {})) {
    const key = name as keyof NonNullable<CollectionConfig['hooks']>
    mergedHooks[key] = [...((base.hooks?.[key] as unknown[]) ?? []), ...((list as unknown[]) ?? [])] as never
  }
  return {
    ...base,
    ...rest,
    access: { ...base.access, ...access },
    admin: { ...base.admin, ...admin },
    hooks: mergedHooks,
    upload:
      typeof base.upload === 'object' && typeof upload === 'object' ? { ...base.upload, ...upload } : (upload ?? base.upload),
    fields: fields ? fields({ defaultFields: base.fields }) : base.fields,
  }
}
