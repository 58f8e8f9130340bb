import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`category__status_nationwide_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_nationwide_idx\`;`)
  await db.run(sql`CREATE INDEX \`category__status_nationwide_publishedAt_idx\` ON \`articles\` (\`category_id\`,\`_status\`,\`nationwide\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_nationwide_publishedAt_idx\` ON \`articles\` (\`_status\`,\`nationwide\`,\`published_at\`);`)
  await db.run(sql`DROP INDEX \`version_category_version__status_version_nationwide_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_nationwide_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_articles_v\` (\`version_category_id\`,\`version__status\`,\`version_nationwide\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_nationwide_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_nationwide\`,\`version_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`category__status_nationwide_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_nationwide_publishedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`category__status_nationwide_idx\` ON \`articles\` (\`category_id\`,\`_status\`,\`nationwide\`);`)
  await db.run(sql`CREATE INDEX \`_status_nationwide_idx\` ON \`articles\` (\`_status\`,\`nationwide\`);`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_nationwide_version_publishedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`version_category_version__status_version_nationwide_idx\` ON \`_articles_v\` (\`version_category_id\`,\`version__status\`,\`version_nationwide\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_nationwide_idx\` ON \`_articles_v\` (\`version__status\`,\`version_nationwide\`);`)
}
