import type { extendDrizzleTable } from '@payloadcms/drizzle'

type IndexBuilder = (name: string) => { on: (...columns: never[]) => unknown }
interface SchemaHookArgs {
  schema: { tables: Record<string, Record<string, unknown>> }
  extendTable: typeof extendDrizzleTable
}

/**
 * Payload indexes each `*_locales` table on (_locale, _parent_id) only, but reads a document's locales by
 * _parent_id alone, which then scans the whole table per document. An afterSchemaInit hook adding that index.
 */
export const indexLocaleParents =
  (index: IndexBuilder) =>
  <T extends SchemaHookArgs>({ schema, extendTable }: T) => {
    for (const [name, table] of Object.entries(schema.tables)) {
      if (!name.endsWith('_locales') || !table._parentID) continue
      extendTable({
        table: table as never,
        extraConfig: (t: Record<string, unknown>) => ({ [`${name}_parent_idx`]: index(`${name}_parent_idx`).on(t._parentID as never) }) as object,
      })
    }
    return schema as T['schema']
  }
