import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "category__status_nationwide_idx";
  DROP INDEX "_status_nationwide_idx";
  DROP INDEX "version_category_version__status_version_nationwide_idx";
  DROP INDEX "version__status_version_nationwide_idx";
  CREATE INDEX "category__status_nationwide_publishedAt_idx" ON "articles" USING btree ("category_id","_status","nationwide","published_at");
  CREATE INDEX "_status_nationwide_publishedAt_idx" ON "articles" USING btree ("_status","nationwide","published_at");
  CREATE INDEX "compound_index_1_idx" ON "_articles_v" USING btree ("version_category_id","version__status","version_nationwide","version_published_at");
  CREATE INDEX "version__status_version_nationwide_version_publishedAt_idx" ON "_articles_v" USING btree ("version__status","version_nationwide","version_published_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "category__status_nationwide_publishedAt_idx";
  DROP INDEX "_status_nationwide_publishedAt_idx";
  DROP INDEX "compound_index_1_idx";
  DROP INDEX "version__status_version_nationwide_version_publishedAt_idx";
  CREATE INDEX "category__status_nationwide_idx" ON "articles" USING btree ("category_id","_status","nationwide");
  CREATE INDEX "_status_nationwide_idx" ON "articles" USING btree ("_status","nationwide");
  CREATE INDEX "version_category_version__status_version_nationwide_idx" ON "_articles_v" USING btree ("version_category_id","version__status","version_nationwide");
  CREATE INDEX "version__status_version_nationwide_idx" ON "_articles_v" USING btree ("version__status","version_nationwide");`)
}
