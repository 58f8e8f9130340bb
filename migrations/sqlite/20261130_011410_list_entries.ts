import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`article_list_entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`article_id\` integer NOT NULL,
  	\`region_id\` integer,
  	\`category_id\` integer,
  	\`published_at\` text,
  	\`featured\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`article_list_entries_article_idx\` ON \`article_list_entries\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`article_list_entries_region_idx\` ON \`article_list_entries\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`article_list_entries_category_idx\` ON \`article_list_entries\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`article_list_entries_updated_at_idx\` ON \`article_list_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`article_list_entries_created_at_idx\` ON \`article_list_entries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`category_region_publishedAt_featured_article_idx\` ON \`article_list_entries\` (\`category_id\`,\`region_id\`,\`published_at\`,\`featured\`,\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`region_publishedAt_featured_article_idx\` ON \`article_list_entries\` (\`region_id\`,\`published_at\`,\`featured\`,\`article_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`article_list_entries_id\` integer REFERENCES article_list_entries(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_article_list_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`article_list_entries_id\`);`)
  // Backfill: one entry per (published, not nationwide article, region it is tagged with), as the articles' hooks keep them.
  await db.run(sql`INSERT INTO "article_list_entries" ("article_id", "region_id", "category_id", "published_at", "featured")
    SELECT a."id", x."regions_id", a."category_id", a."published_at", a."featured"
    FROM "articles" a JOIN "articles_rels" x ON x."parent_id" = a."id" AND x."path" = 'regions'
    WHERE a."_status" = 'published' AND a."nationwide" = FALSE;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`article_list_entries\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`regions_id\` integer,
  	\`categories_id\` integer,
  	\`articles_id\` integer,
  	\`media_id\` integer,
  	\`article_views_id\` integer,
  	\`article_view_days_id\` integer,
  	\`view_receipts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`article_views_id\`) REFERENCES \`article_views\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`article_view_days_id\`) REFERENCES \`article_view_days\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`view_receipts_id\`) REFERENCES \`view_receipts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "regions_id", "categories_id", "articles_id", "media_id", "article_views_id", "article_view_days_id", "view_receipts_id") SELECT "id", "order", "parent_id", "path", "users_id", "regions_id", "categories_id", "articles_id", "media_id", "article_views_id", "article_view_days_id", "view_receipts_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_article_views_id_idx\` ON \`payload_locked_documents_rels\` (\`article_views_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_article_view_days_id_idx\` ON \`payload_locked_documents_rels\` (\`article_view_days_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_view_receipts_id_idx\` ON \`payload_locked_documents_rels\` (\`view_receipts_id\`);`)
}
