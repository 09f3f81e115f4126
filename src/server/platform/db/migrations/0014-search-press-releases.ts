import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not today's types.
type AnyDb = Kysely<any>;

/**
 * Press releases join the search, and a published report's search document takes the level it was given on
 * publication. The schema does not change: the documents of press releases written before, and of reports, are
 * (re)made by the index rebuild that the application runs when this migration is applied (bootstrap.ts).
 */
export async function up(_db: AnyDb): Promise<void> {}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom("search_documents").where("record_type", "in", ["press_release"]).execute();
}
