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

async function createRecordTable(db: AnyDb, name: string, columns: (t: Table) => Table) {
  await columns(recordColumns(db.schema.createTable(name) as unknown as Table)).execute();
  await db.schema
    .createIndex(`${name}_mandate_updated_idx`)
    .on(name)
    .columns(["mandate_id", "updated_at", "id"])
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("mandates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_ko", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("holder", "text")
    .addColumn("start_date", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("en"))
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("last_failed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("mandate_id", "text", (c) => c.notNull().references("mandates.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", ["user_id", "mandate_id"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limits_pk", ["bucket", "window_start"])
    .execute();

  await db.schema
    .createTable("record_access")
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("record_type", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("record_access_pk", ["record_id", "user_id"])
    .execute();

  await db.schema
    .createTable("vocab_lists")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("labels", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("vocab_terms")
    .addColumn("list_name", "text", (c) => c.notNull().references("vocab_lists.name"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("vocab_number", "text", (c) => c.notNull())
    .addColumn("parent_code", "text")
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("labels", "text", (c) => c.notNull())
    .addColumn("retired", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("vocab_terms_pk", ["list_name", "code"])
    .execute();

  await db.schema
    .createTable("places")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("mandate_id", "text", (c) => c.references("mandates.id"))
    .addColumn("parent_id", "text", (c) => c.references("places.id"))
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("place_type", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_ko", "text")
    .addColumn("name_zh", "text")
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("built_in", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("confidentiality", "text", (c) => c.notNull().defaultTo("public"))
    .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("places_parent_idx").on("places").column("parent_id").execute();
  await db.schema
    .createIndex("places_mandate_idx")
    .on("places")
    .columns(["mandate_id", "updated_at", "id"])
    .execute();

  await createRecordTable(db, "persons", (t) =>
    t
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("counting_unit", "text")
      .addColumn("group_size", "integer")
      .addColumn("sex", "text")
      .addColumn("birth_year", "integer")
      .addColumn("birth_year_approximate", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("nationality", "text")
      .addColumn("ethnicity", "text")
      .addColumn("occupation", "text")
      .addColumn("notes", "text"),
  );
  await db.schema
    .createIndex("persons_mandate_code_uq")
    .on("persons")
    .columns(["mandate_id", "code"])
    .unique()
    .execute();

  await db.schema
    .createTable("person_identities")
    .addColumn("person_id", "text", (c) => c.primaryKey().references("persons.id"))
    .addColumn("mandate_id", "text", (c) => c.notNull().references("mandates.id"))
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("wrapped_key", "text", (c) => c.notNull())
    .addColumn("ciphertext", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await createRecordTable(db, "relations", (t) =>
    t
      .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
      .addColumn("related_person_id", "text", (c) => c.notNull().references("persons.id"))
      .addColumn("relation_type", "text", (c) => c.notNull())
      .addColumn("separated_by_border", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("note", "text"),
  );

  await createRecordTable(db, "sources", (t) =>
    t
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("source_date", "text")
      .addColumn("source_date_precision", "text")
      .addColumn("place_id", "text", (c) => c.references("places.id"))
      .addColumn("interviewer", "text")
      .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("interpreter", "text")
      .addColumn("consent_scope", "text", (c) => c.notNull())
      .addColumn("reprisal_risk", "text", (c) => c.notNull())
      .addColumn("reprisal_note", "text")
      .addColumn("summary", "text")
      .addColumn("transcript", "text")
      .addColumn("interviewee_id", "text", (c) => c.references("persons.id"))
      .addColumn("source_type", "text"),
  );

  await createRecordTable(db, "events", (t) =>
    t
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("start_date", "text")
      .addColumn("start_precision", "text")
      .addColumn("end_date", "text")
      .addColumn("end_precision", "text")
      .addColumn("place_id", "text", (c) => c.references("places.id"))
      .addColumn("violation_status", "text"),
  );

  await createRecordTable(db, "acts", (t) =>
    t
      .addColumn("event_id", "text", (c) => c.notNull().references("events.id"))
      .addColumn("victim_id", "text", (c) => c.references("persons.id"))
      .addColumn("act_type", "text", (c) => c.notNull())
      .addColumn("act_date", "text")
      .addColumn("act_date_precision", "text")
      .addColumn("place_id", "text", (c) => c.references("places.id"))
      .addColumn("consequences", "text")
      .addColumn("victim_status_after", "text")
      .addColumn("detention_type", "text")
      .addColumn("whereabouts", "text"),
  );
  await db.schema.createIndex("acts_event_idx").on("acts").column("event_id").execute();
  await db.schema.createIndex("acts_victim_idx").on("acts").column("victim_id").execute();

  await createRecordTable(db, "involvements", (t) =>
    t
      .addColumn("act_id", "text", (c) => c.notNull().references("acts.id"))
      .addColumn("perpetrator_id", "text", (c) => c.references("persons.id"))
      .addColumn("perpetrator_name", "text")
      .addColumn("perpetrator_type", "text")
      .addColumn("degree", "text")
      .addColumn("note", "text"),
  );
  await db.schema.createIndex("involvements_act_idx").on("involvements").column("act_id").execute();

  await createRecordTable(db, "information_links", (t) =>
    t
      .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
      .addColumn("target_type", "text", (c) => c.notNull())
      .addColumn("target_id", "text", (c) => c.notNull())
      .addColumn("reliability", "text")
      .addColumn("connection", "text")
      .addColumn("note", "text"),
  );
  await db.schema
    .createIndex("information_links_source_idx")
    .on("information_links")
    .column("source_id")
    .execute();
  await db.schema
    .createIndex("information_links_target_idx")
    .on("information_links")
    .column("target_id")
    .execute();

  await createRecordTable(db, "attachments", (t) =>
    t
      .addColumn("source_id", "text", (c) => c.references("sources.id"))
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("mime_type", "text", (c) => c.notNull())
      .addColumn("filename", "text", (c) => c.notNull()),
  );

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("record_type", "text", (c) => c.notNull())
    .addColumn("record_id", "text")
    .addColumn("mandate_id", "text")
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("fields", "text")
    .execute();
  await db.schema.createIndex("audit_log_record_idx").on("audit_log").columns(["record_id", "at"]).execute();
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").columns(["actor_id", "at"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Rapporteur migrations are forward-only: restore a backup to go back.");
}
