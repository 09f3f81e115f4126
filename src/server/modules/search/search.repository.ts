import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Actor } from "../../platform/access/access.policies.js";
import { readableBy } from "../../platform/access/access.repository.js";
import { type AnyEb, isPostgres, type Tx, untyped } from "../../platform/db/any-db.js";
import { type Indexed, tables } from "./search-index.usecases.js";
import type { Phrase } from "./search-tokens.js";

/** What narrows a search; values within one facet are alternatives, facets combine. */
export interface SearchFilters {
  mandateId: string;
  phrases: Phrase[];
  types: string[];
  actTypes: string[];
  /** Places by level: a province or county matches everything in it. */
  places: { provinces: string[]; counties: string[]; others: string[] };
  dateFrom: string | null;
  dateTo: string | null;
  victimSex: string[];
  perpetratorTypes: string[];
  confidentiality: string[];
}

export type TermTree = { code: string; parent_code: string | null; labels: string }[];

export type SearchSort = "relevance" | "date_desc" | "date_asc";

export interface FacetRow {
  facet: string;
  value: string | null;
  n: number;
}

const ftsPhrase = (p: Phrase) => `"${p.terms.join(" ")}"${p.prefix ? "*" : ""}`;
const quoteLexeme = (t: string) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
const tsPhrase = (p: Phrase) =>
  p.terms.map((t, i) => `${quoteLexeme(t)}${p.prefix && i === p.terms.length - 1 ? ":*" : ""}`).join(" <-> ");

/** The SQL of searching. Every query carries the access filter, so nothing unreadable is returned or counted. */
export function createSearchRepository({ db }: { db: Tx }) {
  const pg = isPostgres(db);
  const q = untyped(db);

  /** Documents whose text holds every phrase (each within one chunk), as a set of doc_no. */
  const textMatch = (phrases: Phrase[]): RawBuilder<unknown> => {
    const parts = phrases.map((p) =>
      pg
        ? sql`select doc_no from search_chunks where terms @@ ${tsPhrase(p)}::tsquery`
        : sql`select rowid >> 10 from search_fts where search_fts match ${ftsPhrase(p)}`,
    );
    return sql`(${sql.join(parts, sql` intersect `)})`;
  };

  /**
   * Each document's score for any of the phrases, higher is better. Every document the phrases match is in this
   * set (each has a chunk matching the first phrase), so results join it without losing any.
   */
  const scores = (phrases: Phrase[]) =>
    pg
      ? sql`(select doc_no, max(ts_rank_cd(terms, ${phrases.map(tsPhrase).join(" | ")}::tsquery)) as score
           from search_chunks where terms @@ ${phrases.map(tsPhrase).join(" | ")}::tsquery group by doc_no)`
      : sql`(select rowid >> 10 as doc_no, -min(rank) as score from search_fts
           where search_fts match ${phrases.map(ftsPhrase).join(" OR ")} group by 1)`;

  const where = (actor: Actor, f: SearchFilters) => (eb: AnyEb) => {
    const all: Expression<SqlBool>[] = [eb("d.mandate_id", "=", f.mandateId), readableBy(eb, actor, "d")];
    if (f.phrases.length) all.push(sql<SqlBool>`d.doc_no in ${textMatch(f.phrases)}`);
    if (f.types.length) all.push(eb("d.record_type", "in", f.types));
    if (f.actTypes.length) all.push(eb("d.act_type", "in", f.actTypes));
    const places: Expression<SqlBool>[] = [];
    if (f.places.provinces.length) places.push(eb("d.province_id", "in", f.places.provinces));
    if (f.places.counties.length) places.push(eb("d.county_id", "in", f.places.counties));
    if (f.places.others.length) places.push(eb("d.place_id", "in", f.places.others));
    if (places.length) all.push(places.length === 1 ? (places[0] as Expression<SqlBool>) : eb.or(places));
    if (f.dateFrom) all.push(eb("d.doc_date", ">=", f.dateFrom));
    if (f.dateTo) all.push(eb("d.doc_date", "<=", `${f.dateTo}\uffff`));
    if (f.victimSex.length) all.push(eb("d.victim_sex", "in", f.victimSex));
    if (f.confidentiality.length) all.push(eb("d.confidentiality", "in", f.confidentiality));
    if (f.perpetratorTypes.length)
      all.push(
        eb.exists(
          eb
            .selectFrom("search_perpetrator_types as p")
            .select("p.doc_no")
            .whereRef("p.doc_no", "=", "d.doc_no")
            .where("p.perpetrator_type", "in", f.perpetratorTypes),
        ),
      );
    return eb.and(all);
  };

  const base = (actor: Actor, f: SearchFilters) =>
    q.selectFrom("search_documents as d").where(where(actor, f));

  return {
    /** The matching documents, to select from (analytics counts over the same set). */
    matching: base,

    /** One page of matching documents. */
    async page(actor: Actor, f: SearchFilters, sort: SearchSort, limit: number, offset: number) {
      let query = base(actor, f).selectAll("d");
      if (sort === "relevance" && f.phrases.length) {
        query = query.innerJoin(scores(f.phrases).as("s"), "s.doc_no", "d.doc_no").orderBy("s.score", "desc");
      }
      // Undated documents come last; newest first walks the (mandate, date) index and stops after one page.
      query =
        sort === "date_asc"
          ? query.orderBy(sql`d.doc_date asc nulls last`).orderBy("d.doc_no", "asc")
          : query.orderBy(sql`d.doc_date desc nulls last`).orderBy("d.doc_no", "desc");
      return query.limit(limit).offset(offset).execute();
    },

    /** Counts per value of every facet, over the same matching set, in one statement. */
    async facets(actor: Actor, f: SearchFilters): Promise<FacetRow[]> {
      const matched = base(actor, f).select([
        "d.doc_no",
        "d.record_type",
        "d.act_type",
        "d.province_id",
        "d.county_id",
        "d.victim_sex",
        "d.confidentiality",
        "d.doc_date",
      ]);
      const group = (facet: string, column: string) =>
        sql`select ${sql.lit(facet)} as facet, ${sql.ref(column)} as value, count(*) as n from m
            where ${sql.ref(column)} is not null group by ${sql.ref(column)}`;
      const stmt = sql<FacetRow>`with m as materialized ${matched}
        ${group("recordType", "record_type")}
        union all ${group("actType", "act_type")}
        union all ${group("province", "province_id")}
        union all ${group("county", "county_id")}
        union all ${group("victimSex", "victim_sex")}
        union all ${group("confidentiality", "confidentiality")}
        union all select 'year' as facet, substr(doc_date, 1, 4) as value, count(*) as n from m
          where doc_date is not null group by substr(doc_date, 1, 4)
        union all select 'perpetratorType' as facet, p.perpetrator_type as value, count(*) as n
          from m join search_perpetrator_types p on p.doc_no = m.doc_no group by p.perpetrator_type`;
      const { rows } = await stmt.execute(q);
      return rows.map((r) => ({ facet: r.facet, value: r.value, n: Number(r.n) }));
    },

    /** The texts to highlight for a page of results, by record type. */
    async texts(recordType: string, ids: string[]) {
      const columns: Record<string, string[]> = {
        source: ["title", "summary", "transcript"],
        event: ["title", "description"],
        act: ["consequences", "act_type"],
        person: ["code", "notes"],
        case: ["title", "summary", "next_action"],
        communication: ["reference", "subject", "summary", "public_summary", "body"],
        report: ["symbol", "title", "subtitle", "session", "body"],
        recommendation: ["paragraph", "text", "theme", "session", "recommending_state"],
        press_release: [
          "title_en",
          "title_ko",
          "summary_en",
          "summary_ko",
          "body_en",
          "body_ko",
          "location",
          "slug",
        ],
      };
      const table = Object.hasOwn(tables, recordType) ? tables[recordType as Indexed] : undefined;
      const wanted = columns[recordType];
      if (!table || !wanted || !ids.length) return [];
      return (await q
        .selectFrom(table)
        .select(["id", ...wanted])
        .where("id", "in", ids)
        .execute()) as Record<string, string | null>[];
    },

    /** Names, levels and coordinates of places facets and statistics count, as far as the caller may read them. */
    async placeNames(actor: Actor, ids: string[]) {
      if (!ids.length) return [];
      return (await q
        .selectFrom("places")
        .select(["id", "level", "name_en", "name_ko", "latitude", "longitude"])
        .where("id", "in", ids)
        .where((eb) => readableBy(eb, actor, "places", { builtIn: true }))
        .execute()) as {
        id: string;
        level: string;
        name_en: string;
        name_ko: string | null;
        latitude: number | null;
        longitude: number | null;
      }[];
    },

    /** The level of each place a filter names (unknown or unreadable ones are left out). */
    async placeLevels(actor: Actor, ids: string[]) {
      if (!ids.length) return [];
      return (await q
        .selectFrom("places")
        .select(["id", "level"])
        .where("id", "in", ids)
        .where((eb) => readableBy(eb, actor, "places", { builtIn: true }))
        .execute()) as { id: string; level: string }[];
    },

    /** Every term of a vocabulary list with its parent, to roll counts up and expand a filter to narrower terms. */
    async termTree(list: string): Promise<TermTree> {
      return db
        .selectFrom("vocab_terms")
        .select(["code", "parent_code", "labels"])
        .where("list_name", "=", list)
        .execute();
    },
  };
}
