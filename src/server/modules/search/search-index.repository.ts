import { sql } from "kysely";
import { isPostgres, type Tx } from "../../platform/db/any-db.js";
import type { SearchDocumentsTable } from "../../platform/db/schema.types.js";
import type { Indexed, tables } from "./search-index.usecases.js";
import { chunkTerms } from "./search-tokens.js";

/** What the index keeps of a record: its row of `search_documents`, its perpetrator types and its terms. */
export type SearchDocument = Omit<SearchDocumentsTable, "doc_no"> & {
  perpetratorTypes: string[];
  terms: string[];
};

/** SQLite's FTS5 row of a chunk: 1,024 chunks of 2,000 terms per document at most. */
const chunkShift = 1024;

const tsvector = (terms: readonly string[]) => {
  const positions = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const list = positions.get(t);
    if (list) list.push(i + 1);
    else positions.set(t, [i + 1]);
  });
  return [...positions]
    .map(([t, p]) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "''")}':${p.slice(0, 256).join(",")}`)
    .join(" ");
};

const placeColumns = ["id", "parent_id", "level"] as const;

/**
 * The SQL of the search index. Each write replaces a record's document whole, inside the caller's transaction,
 * so the index commits or rolls back with the record.
 */
export function createSearchIndexRepository({ db }: { db: Tx }) {
  const pg = isPostgres(db);

  async function remove(ids: readonly string[]) {
    if (!ids.length) return;
    const old = await db.selectFrom("search_documents").select("doc_no").where("id", "in", ids).execute();
    const docNos = old.map((r) => Number(r.doc_no));
    if (!docNos.length) return;
    if (pg) await db.deleteFrom("search_chunks").where("doc_no", "in", docNos).execute();
    else
      for (const n of docNos)
        await sql`delete from search_fts where rowid >= ${n * chunkShift} and rowid < ${(n + 1) * chunkShift}`.execute(
          db,
        );
    await db.deleteFrom("search_perpetrator_types").where("doc_no", "in", docNos).execute();
    await db.deleteFrom("search_documents").where("doc_no", "in", docNos).execute();
  }

  return {
    remove,

    /** Replaces the documents of these records (`fresh`: they were just created, so none can exist yet). */
    async replace(docs: readonly SearchDocument[], options: { fresh?: boolean } = {}) {
      if (!options.fresh) await remove(docs.map((d) => d.id));
      if (!docs.length) return;
      const docNo = new Map<string, number>();
      for (let at = 0; at < docs.length; at += 500) {
        const inserted = await db
          .insertInto("search_documents")
          .values(docs.slice(at, at + 500).map(({ perpetratorTypes: _p, terms: _t, ...row }) => row))
          .returning(["doc_no", "id"])
          .execute();
        for (const r of inserted) docNo.set(r.id, Number(r.doc_no));
      }
      const perpetrators = docs.flatMap((d) =>
        [...new Set(d.perpetratorTypes)].map((perpetrator_type) => ({
          doc_no: docNo.get(d.id) ?? 0,
          perpetrator_type,
        })),
      );
      for (let at = 0; at < perpetrators.length; at += 1000)
        await db
          .insertInto("search_perpetrator_types")
          .values(perpetrators.slice(at, at + 1000))
          .execute();
      const rows = docs.flatMap((d) =>
        chunkTerms(d.terms)
          .filter((c) => c.length)
          .map((c, i) => ({ n: docNo.get(d.id) ?? 0, i, c })),
      );
      for (let at = 0; at < rows.length; at += 1000) {
        const part = rows.slice(at, at + 1000);
        if (pg)
          await db
            .insertInto("search_chunks")
            .values(part.map((r) => ({ doc_no: r.n, chunk_no: r.i, terms: sql`${tsvector(r.c)}::tsvector` })))
            .execute();
        else
          await sql`insert into search_fts (rowid, terms) values ${sql.join(
            part.map((r) => sql`(${r.n * chunkShift + r.i}, ${r.c.join(" ")})`),
          )}`.execute(db);
      }
    },

    /** Each place with its ancestors, to roll places up to province and county. */
    async placeAncestry(ids: readonly string[]) {
      const found = new Map<string, { id: string; parent_id: string | null; level: string }>();
      let wanted = [...new Set(ids)];
      for (let depth = 0; depth < 6 && wanted.length; depth++) {
        const rows = await db.selectFrom("places").select(placeColumns).where("id", "in", wanted).execute();
        for (const r of rows) found.set(r.id, r);
        wanted = [...new Set(rows.map((r) => r.parent_id).filter((p): p is string => !!p && !found.has(p)))];
      }
      return found;
    },

    sources: (ids: readonly string[]) =>
      db.selectFrom("sources").selectAll().where("id", "in", ids).execute(),
    events: (ids: readonly string[]) => db.selectFrom("events").selectAll().where("id", "in", ids).execute(),
    cases: (ids: readonly string[]) => db.selectFrom("cases").selectAll().where("id", "in", ids).execute(),
    communications: (ids: readonly string[]) =>
      db.selectFrom("communications").selectAll().where("id", "in", ids).execute(),
    reports: (ids: readonly string[]) =>
      db.selectFrom("reports").selectAll().where("id", "in", ids).execute(),
    recommendations: (ids: readonly string[]) =>
      db.selectFrom("recommendations").selectAll().where("id", "in", ids).execute(),
    pressReleases: (ids: readonly string[]) =>
      db.selectFrom("press_releases").selectAll().where("id", "in", ids).execute(),
    persons: (ids: readonly string[]) =>
      db.selectFrom("persons").selectAll().where("id", "in", ids).execute(),
    acts: (ids: readonly string[]) =>
      db
        .selectFrom("acts")
        .leftJoin("events", "events.id", "acts.event_id")
        .leftJoin("persons", "persons.id", "acts.victim_id")
        .selectAll("acts")
        .select([
          "events.place_id as event_place_id",
          "events.start_date as event_date",
          "persons.sex as victim_sex",
        ])
        .where("acts.id", "in", ids)
        .execute(),
    perpetratorTypes: (actIds: readonly string[]) =>
      db
        .selectFrom("involvements")
        .select(["act_id", "perpetrator_type"])
        .where("act_id", "in", actIds)
        .where("perpetrator_type", "is not", null)
        .execute(),
    actIdsOfVictim: async (personIds: readonly string[]) =>
      (await db.selectFrom("acts").select("id").where("victim_id", "in", personIds).execute()).map(
        (r) => r.id,
      ),
    actIdsOfEvent: async (eventIds: readonly string[]) =>
      (await db.selectFrom("acts").select("id").where("event_id", "in", eventIds).execute()).map((r) => r.id),
    actIdsOfInvolvements: async (ids: readonly string[]) =>
      (await db.selectFrom("involvements").select("act_id").where("id", "in", ids).execute()).map(
        (r) => r.act_id,
      ),
    termLabels: (list: string, codes: readonly string[]) =>
      db
        .selectFrom("vocab_terms")
        .select(["code", "labels"])
        .where("list_name", "=", list)
        .where("code", "in", codes)
        .execute(),
    /** Every id of a searchable table, a page at a time, to rebuild the index. */
    idsAfter: async (table: (typeof tables)[Indexed], after: string, limit: number) =>
      (
        await db.selectFrom(table).select("id").where("id", ">", after).orderBy("id").limit(limit).execute()
      ).map((r) => r.id),
  };
}
