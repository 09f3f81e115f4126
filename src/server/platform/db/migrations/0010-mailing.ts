import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types.
type AnyDb = Kysely<any>;

/** The public mailing list: subscribers (address sealed, keyed hash for lookup), mailings and their deliveries. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("subscribers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("mandate_id", "text", (c) => c.notNull().references("mandates.id"))
    .addColumn("email_hash", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("wrapped_key", "text", (c) => c.notNull())
    .addColumn("ciphertext", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("topic_press_releases", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("topic_reports", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("topic_communications", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("confirm_by", "text")
    .addColumn("confirmed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("subscribers_address_uq")
    .on("subscribers")
    .columns(["mandate_id", "email_hash"])
    .unique()
    .execute();
  await db.schema
    .createIndex("subscribers_mandate_status_idx")
    .on("subscribers")
    .columns(["mandate_id", "status", "id"])
    .execute();
  await db.schema
    .createIndex("subscribers_confirm_by_idx")
    .on("subscribers")
    .columns(["status", "confirm_by"])
    .execute();

  await db.schema
    .createTable("mailings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("mandate_id", "text", (c) => c.notNull().references("mandates.id"))
    .addColumn("press_release_id", "text", (c) => c.notNull().references("press_releases.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema
    .createIndex("mailings_release_idx")
    .on("mailings")
    .columns(["press_release_id", "id"])
    .execute();

  await db.schema
    .createTable("mailing_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("mailing_id", "text", (c) => c.notNull().references("mailings.id"))
    .addColumn("subscriber_id", "text", (c) => c.references("subscribers.id"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("claimed_at", "text")
    .addColumn("sent_at", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // One delivery per subscriber and mailing; erased subscribers' rows (null) do not collide.
  await db.schema
    .createIndex("mailing_deliveries_recipient_uq")
    .on("mailing_deliveries")
    .columns(["mailing_id", "subscriber_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("mailing_deliveries_status_idx")
    .on("mailing_deliveries")
    .columns(["mailing_id", "status", "id"])
    .execute();
  await db.schema
    .createIndex("mailing_deliveries_subscriber_idx")
    .on("mailing_deliveries")
    .column("subscriber_id")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Rapporteur migrations are forward-only: restore a backup to go back.");
}
