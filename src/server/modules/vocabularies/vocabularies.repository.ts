import type { Tx } from "../../platform/db/any-db.js";
import type { VocabTermsTable } from "../../platform/db/schema.types.js";

/** SQL of vocabularies: lists, terms, labels and retirement. Terms are never deleted. */
export function createVocabulariesRepository({ db }: { db: Tx }) {
  return {
    listLists: () => db.selectFrom("vocab_lists").selectAll().orderBy("number").execute(),

    findList: (name: string) =>
      db.selectFrom("vocab_lists").selectAll().where("name", "=", name).executeTakeFirst(),

    async upsertList(name: string, number: number, labels: Record<string, string>) {
      const existing = await db
        .selectFrom("vocab_lists")
        .select("labels")
        .where("name", "=", name)
        .executeTakeFirst();
      const merged = JSON.stringify({
        ...(existing ? (JSON.parse(existing.labels) as object) : {}),
        ...labels,
      });
      await db
        .insertInto("vocab_lists")
        .values({ name, number, labels: merged })
        .onConflict((oc) => oc.column("name").doUpdateSet({ number, labels: merged }))
        .execute();
    },

    termsOf: (list: string) =>
      db
        .selectFrom("vocab_terms")
        .selectAll()
        .where("list_name", "=", list)
        .orderBy("sort_order")
        .orderBy("code")
        .execute(),

    findTerm: (list: string, code: string) =>
      db
        .selectFrom("vocab_terms")
        .selectAll()
        .where("list_name", "=", list)
        .where("code", "=", code)
        .executeTakeFirst(),

    async existingCodes(list: string): Promise<Map<string, string>> {
      const rows = await db
        .selectFrom("vocab_terms")
        .select(["code", "labels"])
        .where("list_name", "=", list)
        .execute();
      return new Map(rows.map((r) => [r.code, r.labels]));
    },

    insertTerms: async (rows: VocabTermsTable[]) => {
      // Two servers starting together may both import: the second one's rows are simply skipped.
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto("vocab_terms")
          .values(rows.slice(i, i + 200))
          .onConflict((oc) => oc.columns(["list_name", "code"]).doNothing())
          .execute();
      }
    },

    updateTerm: (
      list: string,
      code: string,
      values: Partial<Pick<VocabTermsTable, "labels" | "retired" | "parent_code" | "level" | "sort_order">>,
    ) =>
      db
        .updateTable("vocab_terms")
        .set(values)
        .where("list_name", "=", list)
        .where("code", "=", code)
        .execute(),
  };
}
