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

/** The registry of recommendations (the mandate's own and other bodies'), and their follow-up over time. */
export async function up(db: AnyDb): Promise<void> {
  await recordColumns(db.schema.createTable("recommendations") as unknown as Table)
    .addColumn("source_body", "text", (c) => c.notNull())
    .addColumn("report_id", "text", (c) => c.references("reports.id"))
    .addColumn("paragraph", "text")
    .addColumn("addressee_kind", "text", (c) => c.notNull())
    .addColumn("addressee_country", "text")
    .addColumn("addressee_name", "text")
    .addColumn("theme", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("recommending_state", "text")
    .addColumn("response", "text")
    .addColumn("session", "text")
    .addColumn("issued_on", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("no_information"))
    .addColumn("status_on", "text")
    .execute();
  await db.schema
    .createIndex("recommendations_mandate_updated_idx")
    .on("recommendations")
    .columns(["mandate_id", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("recommendations_filters_idx")
    .on("recommendations")
    .columns(["mandate_id", "source_body", "status", "addressee_country"])
    .execute();
  await db.schema
    .createIndex("recommendations_report_idx")
    .on("recommendations")
    .column("report_id")
    .execute();

  await recordColumns(db.schema.createTable("recommendation_follow_ups") as unknown as Table)
    .addColumn("recommendation_id", "text", (c) => c.notNull().references("recommendations.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("assessed_on", "text", (c) => c.notNull())
    .addColumn("evidence", "text")
    .addColumn("links", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .createIndex("recommendation_follow_ups_mandate_updated_idx")
    .on("recommendation_follow_ups")
    .columns(["mandate_id", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("recommendation_follow_ups_recommendation_idx")
    .on("recommendation_follow_ups")
    .column("recommendation_id")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Rapporteur migrations are forward-only: restore a backup to go back.");
}
