import { type RawBuilder, sql } from "kysely";
import type { Actor } from "../../platform/access/access.policies.js";
import type { Tx } from "../../platform/db/any-db.js";
import { createSearchRepository, type SearchFilters } from "../search/search.repository.js";

export type Period = "month" | "quarter" | "year";

const periodOf: Record<Period, RawBuilder<string>> = {
  year: sql`substr(d.doc_date, 1, 4)`,
  month: sql`case when length(d.doc_date) >= 7 then substr(d.doc_date, 1, 7) end`,
  quarter: sql`case when length(d.doc_date) >= 7 then substr(d.doc_date, 1, 4) || '-Q' ||
    cast((cast(substr(d.doc_date, 6, 2) as integer) + 2) / 3 as text) end`,
};

const dimensionColumn = {
  none: null,
  actType: "d.act_type",
  province: "d.province_id",
  county: "d.county_id",
  victimSex: "d.victim_sex",
  perpetratorType: "p.perpetrator_type",
} as const;
export type Dimension = keyof typeof dimensionColumn;

/** Counting coded acts for the dashboard, over the search's matching set (so the access filter is always there). */
export function createAnalyticsRepository({ db }: { db: Tx }) {
  const search = createSearchRepository({ db });
  return {
    async actsOverTime(actor: Actor, f: SearchFilters, period: Period, by: Dimension) {
      let query = search.matching(actor, { ...f, types: ["act"] });
      const column = dimensionColumn[by];
      if (by === "perpetratorType")
        query = query.leftJoin("search_perpetrator_types as p", "p.doc_no", "d.doc_no");
      const rows = await query
        .select([
          periodOf[period].as("period"),
          (column ? sql<string | null>`${sql.ref(column)}` : sql<null>`null`).as("dim"),
          sql<number>`count(*)`.as("n"),
        ])
        .groupBy([periodOf[period], ...(column ? [sql.ref(column)] : [])])
        .execute();
      return rows.map((r) => ({
        period: (r.period as string | null) ?? null,
        dim: (r.dim as string | null) ?? null,
        n: Number(r.n),
      }));
    },

    /** Matching acts per place at one level (province or county), most first. */
    async actsByPlace(actor: Actor, f: SearchFilters, level: "province" | "county", limit: number) {
      const column = level === "province" ? "d.province_id" : "d.county_id";
      return (await search
        .matching(actor, { ...f, types: ["act"] })
        .select([sql.ref(column).as("place_id"), sql<number>`count(*)`.as("n")])
        .where(column, "is not", null)
        .groupBy(sql.ref(column))
        .orderBy(sql`count(*)`, "desc")
        .limit(limit)
        .execute()) as { place_id: string; n: number }[];
    },

    places: search.placeNames,
    termTree: search.termTree,
  };
}
