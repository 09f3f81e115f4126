import type { CreateTableBuilder, Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types.
type AnyDb = Kysely<any>;
type Table = CreateTableBuilder<string, never>;

const recordColumns = (t: Table) =>
  t
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("mandate_id", "text", (c) => c.notNull().references("mandates.id"))
    .addColumn("confidentiality", "text", (c) => c.notNull().defaultTo("internal"))
    .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull());

/** Press releases in both languages with their lifecycle, and the mandate's own words for the portal's about page. */
export async function up(db: AnyDb): Promise<void> {
  await recordColumns(db.schema.createTable("press_releases") as unknown as Table)
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("publish_at", "text")
    .addColumn("published_at", "text")
    .addColumn("location", "text")
    .addColumn("title_en", "text")
    .addColumn("title_ko", "text")
    .addColumn("summary_en", "text")
    .addColumn("summary_ko", "text")
    .addColumn("body_en", "text")
    .addColumn("body_ko", "text")
    .execute();
  await db.schema
    .createIndex("press_releases_slug_idx")
    .on("press_releases")
    .columns(["mandate_id", "slug"])
    .unique()
    .execute();
  await db.schema
    .createIndex("press_releases_published_idx")
    .on("press_releases")
    .columns(["mandate_id", "status", "published_at"])
    .execute();
  await db.schema
    .createIndex("press_releases_mandate_updated_idx")
    .on("press_releases")
    .columns(["mandate_id", "updated_at", "id"])
    .execute();
  await db.schema.alterTable("mandates").addColumn("about_en", "text").execute();
  await db.schema.alterTable("mandates").addColumn("about_ko", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("mandates").dropColumn("about_ko").execute();
  await db.schema.alterTable("mandates").dropColumn("about_en").execute();
  await db.schema.dropTable("press_releases").execute();
}
