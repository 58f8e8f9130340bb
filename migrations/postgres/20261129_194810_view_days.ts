import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "article_view_days" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"day" varchar NOT NULL,
  	"article_id" integer NOT NULL,
  	"region_id" integer,
  	"views" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "article_view_days_id" integer;
  ALTER TABLE "article_view_days" ADD CONSTRAINT "article_view_days_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_view_days" ADD CONSTRAINT "article_view_days_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "article_view_days_key_idx" ON "article_view_days" USING btree ("key");
  CREATE INDEX "article_view_days_day_idx" ON "article_view_days" USING btree ("day");
  CREATE INDEX "article_view_days_article_idx" ON "article_view_days" USING btree ("article_id");
  CREATE INDEX "article_view_days_region_idx" ON "article_view_days" USING btree ("region_id");
  CREATE INDEX "article_view_days_updated_at_idx" ON "article_view_days" USING btree ("updated_at");
  CREATE INDEX "article_view_days_created_at_idx" ON "article_view_days" USING btree ("created_at");
  CREATE INDEX "day_region_idx" ON "article_view_days" USING btree ("day","region_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_article_view_days_fk" FOREIGN KEY ("article_view_days_id") REFERENCES "public"."article_view_days"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_article_view_days_id_idx" ON "payload_locked_documents_rels" USING btree ("article_view_days_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "article_view_days" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "article_view_days" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_article_view_days_fk";
  
  DROP INDEX "payload_locked_documents_rels_article_view_days_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "article_view_days_id";`)
}
