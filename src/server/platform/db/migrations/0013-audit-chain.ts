import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types.
type AnyDb = Kysely<any>;

/**
 * The tamper-evident audit chain: each audit row gets a sequence number and an HMAC linking it to the row before,
 * assigned after commit by the sealer; a one-row head table holds the newest link and is the sealer's lock.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("audit_log").addColumn("chain_seq", "integer").execute();
  await db.schema.alterTable("audit_log").addColumn("chain_hash", "text").execute();
  await db.schema
    .createIndex("audit_log_chain_seq_uq")
    .on("audit_log")
    .column("chain_seq")
    .unique()
    .execute();
  // The sealer looks for rows without a sequence number, oldest first.
  await db.schema
    .createIndex("audit_log_unsealed_idx")
    .on("audit_log")
    .columns(["chain_seq", "at", "id"])
    .execute();
  await db.schema
    .createTable("audit_chain_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("key_id", "text")
    .addColumn("sealed_at", "text")
    .execute();
  await db
    .insertInto("audit_chain_head")
    .values({ id: 1, seq: 0, hash: "0".repeat(64), key_id: null, sealed_at: null })
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Rapporteur migrations are forward-only: restore a backup to go back.");
}
