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

/**
 * Reports to the Human Rights Council and the General Assembly: the report (its body is one JSON document, checked
 * by one zod schema), its saved versions (snapshots), and the mandate holder's overrides of publication problems.
 */
export async function up(db: AnyDb): Promise<void> {
  await recordColumns(db.schema.createTable("reports") as unknown as Table)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("drafting"))
    .addColumn("symbol", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("subtitle", "text")
    .addColumn("session", "text")
    .addColumn("agenda_item", "text")
    .addColumn("due_on", "text")
    .addColumn("issued_on", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().defaultTo('{"summary":"","sections":[]}'))
    .addColumn("finalised_on", "text")
    .addColumn("published_on", "text")
    .execute();
  await db.schema
    .createIndex("reports_mandate_updated_idx")
    .on("reports")
    .columns(["mandate_id", "updated_at", "id"])
    .execute();
  await db.schema.createIndex("reports_symbol_idx").on("reports").columns(["mandate_id", "symbol"]).execute();

  await db.schema
    .createTable("report_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("report_id", "text", (c) => c.notNull().references("reports.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("label", "text")
    .addColumn("restored_from", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("report_versions_number_uq")
    .on("report_versions")
    .columns(["report_id", "number"])
    .unique()
    .execute();

  await db.schema
    .createTable("report_overrides")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("report_id", "text", (c) => c.notNull().references("reports.id"))
    .addColumn("problem_key", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("report_overrides_report_idx")
    .on("report_overrides")
    .columns(["report_id", "problem_key"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Rapporteur migrations are forward-only: restore a backup to go back.");
}
