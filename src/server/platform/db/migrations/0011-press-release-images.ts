import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types.
type AnyDb = Kysely<any>;

/** Images of press releases: their bytes in the blob store by SHA-256, what they are, whose release they belong to. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("press_release_images")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("mandate_id", "text", (c) => c.notNull().references("mandates.id"))
    .addColumn("press_release_id", "text", (c) => c.notNull().references("press_releases.id"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("press_release_images_release_idx")
    .on("press_release_images")
    .columns(["press_release_id", "id"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Rapporteur migrations are forward-only: restore a backup to go back.");
}
