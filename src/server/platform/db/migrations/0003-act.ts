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

async function createRecordTable(db: AnyDb, name: string, columns: (t: Table) => Table, parent?: string) {
  await columns(recordColumns(db.schema.createTable(name) as unknown as Table)).execute();
  await db.schema
    .createIndex(`${name}_mandate_updated_idx`)
    .on(name)
    .columns(["mandate_id", "updated_at", "id"])
    .execute();
  if (parent) await db.schema.createIndex(`${name}_${parent}_idx`).on(name).column(parent).execute();
}

/** Links from a case or a communication to the records it concerns. */
const linkColumns = (owner: string, ownerTable: string) => (t: Table) =>
  t
    .addColumn(owner, "text", (c) => c.notNull().references(`${ownerTable}.id`))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("note", "text");

/** The mandate's action work: cases, communications to states with their replies, country visits and meetings. */
export async function up(db: AnyDb): Promise<void> {
  await createRecordTable(db, "cases", (t) =>
    t
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("case_kind", "text", (c) => c.notNull())
      .addColumn("summary", "text")
      .addColumn("priority", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
      .addColumn("status_on", "text")
      .addColumn("country", "text")
      .addColumn("owner_id", "text", (c) => c.references("users.id"))
      .addColumn("next_action", "text")
      .addColumn("next_action_on", "text"),
  );
  await createRecordTable(
    db,
    "case_status_changes",
    (t) =>
      t
        .addColumn("case_id", "text", (c) => c.notNull().references("cases.id"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("status_on", "text", (c) => c.notNull())
        .addColumn("source_id", "text", (c) => c.references("sources.id"))
        .addColumn("note", "text"),
    "case_id",
  );
  await createRecordTable(db, "case_links", linkColumns("case_id", "cases"), "case_id");

  await createRecordTable(db, "communications", (t) =>
    t
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("addressee_kind", "text", (c) => c.notNull())
      .addColumn("addressee_country", "text")
      .addColumn("addressee_name", "text")
      .addColumn("joint_mandates", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("summary", "text")
      .addColumn("public_summary", "text")
      .addColumn("body", "text")
      .addColumn("reference", "text", (c) => c.unique())
      .addColumn("reference_year", "integer")
      .addColumn("reference_number", "integer")
      .addColumn("sent_on", "text")
      .addColumn("reply_due_on", "text")
      .addColumn("publish_on", "text")
      .addColumn("published_at", "text")
      .addColumn("alleged_victims", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("reply_count", "integer", (c) => c.notNull().defaultTo(0)),
  );
  await db.schema
    .createIndex("communications_status_publish_idx")
    .on("communications")
    .columns(["status", "publish_on"])
    .execute();
  await createRecordTable(
    db,
    "communication_links",
    linkColumns("communication_id", "communications"),
    "communication_id",
  );
  await createRecordTable(
    db,
    "communication_replies",
    (t) =>
      t
        .addColumn("communication_id", "text", (c) => c.notNull().references("communications.id"))
        .addColumn("received_on", "text", (c) => c.notNull())
        .addColumn("summary", "text")
        .addColumn("attachment_id", "text", (c) => c.references("attachments.id")),
    "communication_id",
  );
  // One counter per addressee code and year, across every mandate and letter type: `UA CHN 3/2017`.
  await db.schema
    .createTable("communication_sequences")
    .addColumn("addressee_code", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("last_number", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("communication_sequences_pk", ["addressee_code", "year"])
    .execute();

  await createRecordTable(db, "visit_requests", (t) =>
    t
      .addColumn("country", "text", (c) => c.notNull())
      .addColumn("first_requested_on", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
      .addColumn("status_on", "text")
      .addColumn("reminder_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_reminder_on", "text")
      .addColumn("notes", "text"),
  );
  await createRecordTable(
    db,
    "visit_request_entries",
    (t) =>
      t
        .addColumn("visit_request_id", "text", (c) => c.notNull().references("visit_requests.id"))
        .addColumn("entry_kind", "text", (c) => c.notNull())
        .addColumn("entry_on", "text", (c) => c.notNull())
        .addColumn("status", "text")
        .addColumn("note", "text"),
    "visit_request_id",
  );
  await createRecordTable(db, "visits", (t) =>
    t
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("visit_kind", "text", (c) => c.notNull())
      .addColumn("country", "text", (c) => c.notNull())
      .addColumn("visit_request_id", "text", (c) => c.references("visit_requests.id"))
      .addColumn("start_on", "text")
      .addColumn("end_on", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("places", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("end_statement", "text")
      .addColumn("press_release_url", "text")
      .addColumn("report_symbol", "text"),
  );
  await createRecordTable(
    db,
    "meetings",
    (t) =>
      t
        .addColumn("visit_id", "text", (c) => c.notNull().references("visits.id"))
        .addColumn("meeting_on", "text", (c) => c.notNull())
        .addColumn("counterpart_category", "text", (c) => c.notNull())
        .addColumn("counterpart", "text")
        .addColumn("participants", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("notes", "text"),
    "visit_id",
  );
}

export async function down(): Promise<void> {
  throw new Error("Rapporteur migrations are forward-only: restore a backup to go back.");
}
