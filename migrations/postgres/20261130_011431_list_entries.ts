import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "article_list_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"region_id" integer,
  	"category_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"featured" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "article_list_entries_id" integer;
  ALTER TABLE "article_list_entries" ADD CONSTRAINT "article_list_entries_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_list_entries" ADD CONSTRAINT "article_list_entries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_list_entries" ADD CONSTRAINT "article_list_entries_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "article_list_entries_article_idx" ON "article_list_entries" USING btree ("article_id");
  CREATE INDEX "article_list_entries_region_idx" ON "article_list_entries" USING btree ("region_id");
  CREATE INDEX "article_list_entries_category_idx" ON "article_list_entries" USING btree ("category_id");
  CREATE INDEX "article_list_entries_updated_at_idx" ON "article_list_entries" USING btree ("updated_at");
  CREATE INDEX "article_list_entries_created_at_idx" ON "article_list_entries" USING btree ("created_at");
  CREATE INDEX "category_region_publishedAt_featured_article_idx" ON "article_list_entries" USING btree ("category_id","region_id","published_at","featured","article_id");
  CREATE INDEX "region_publishedAt_featured_article_idx" ON "article_list_entries" USING btree ("region_id","published_at","featured","article_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_article_list_entries_fk" FOREIGN KEY ("article_list_entries_id") REFERENCES "public"."article_list_entries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_article_list_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("article_list_entries_id");`)
  // Backfill: one entry per (published, not nationwide article, region it is tagged with), as the articles' hooks keep them.
  await db.execute(sql`INSERT INTO "article_list_entries" ("article_id", "region_id", "category_id", "published_at", "featured")
    SELECT a."id", x."regions_id", a."category_id", a."published_at", a."featured"
    FROM "articles" a JOIN "articles_rels" x ON x."parent_id" = a."id" AND x."path" = 'regions'
    WHERE a."_status" = 'published' AND a."nationwide" = FALSE;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "article_list_entries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "article_list_entries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_article_list_entries_fk";
  
  DROP INDEX "payload_locked_documents_rels_article_list_entries_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "article_list_entries_id";`)
}
