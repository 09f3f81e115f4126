import { type Kysely, PostgresAdapter, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types.
type AnyDb = Kysely<any>;

/**
 * The search index: one row per searchable record with the columns facets and the access filter need, and its
 * text as chunks of pre-tokenised terms (see search-tokens.ts). SQLite keeps the chunks in a contentless FTS5
 * table whose rowid is `doc_no * 1024 + chunk`; PostgreSQL in a table of tsvectors with a GIN index. Identifying
 * data is never given to the indexer.
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("search_documents")
    .addColumn("doc_no", pg ? "bigserial" : "integer", (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("record_type", "text", (c) => c.notNull())
    .addColumn("mandate_id", "text", (c) => c.notNull())
    .addColumn("confidentiality", "text", (c) => c.notNull())
    .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("doc_date", "text")
    .addColumn("act_type", "text")
    .addColumn("place_id", "text")
    .addColumn("province_id", "text")
    .addColumn("county_id", "text")
    .addColumn("victim_sex", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("search_documents_date_idx")
    .on("search_documents")
    .columns(["mandate_id", "doc_date", "doc_no"])
    .execute();
  // Covers every column facets and the access filter read, so counting a large matching set scans only this index.
  await db.schema
    .createIndex("search_documents_facets_idx")
    .on("search_documents")
    .columns([
      "mandate_id",
      "record_type",
      "act_type",
      "victim_sex",
      "confidentiality",
      "restricted",
      "province_id",
      "place_id",
      "county_id",
      "doc_date",
      "id",
      "doc_no",
    ])
    .execute();
  await db.schema
    .createTable("search_perpetrator_types")
    .addColumn("doc_no", "bigint", (c) => c.notNull())
    .addColumn("perpetrator_type", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("search_perpetrator_types_pk", ["doc_no", "perpetrator_type"])
    .execute();
  await db.schema
    .createIndex("search_perpetrator_types_type_idx")
    .on("search_perpetrator_types")
    .columns(["perpetrator_type", "doc_no"])
    .execute();
  if (pg) {
    await db.schema
      .createTable("search_chunks")
      .addColumn("doc_no", "bigint", (c) => c.notNull())
      .addColumn("chunk_no", "integer", (c) => c.notNull())
      .addColumn("terms", sql`tsvector`, (c) => c.notNull())
      .addPrimaryKeyConstraint("search_chunks_pk", ["doc_no", "chunk_no"])
      .execute();
    await sql`create index search_chunks_terms_idx on search_chunks using gin (terms)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(
      terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', detail = full
    )`.execute(db);
  }
  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("mandate_id", "text", (c) => c.notNull().references("mandates.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("saved_searches_user_idx")
    .on("saved_searches")
    .columns(["user_id", "mandate_id"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ["saved_searches", "search_chunks", "search_fts", "search_perpetrator_types"])
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  await db.schema.dropTable("search_documents").execute();
}
