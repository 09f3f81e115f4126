import type { Actor } from "../../platform/access/access.policies.js";
import type { Tx } from "../../platform/db/any-db.js";
import { filtersOf } from "../search/search.usecases.js";
import { createAnalyticsRepository, type Dimension, type Period } from "./analytics.repository.js";
import type { ActsOverTime, ActsOverTimeQuery } from "./analytics.schemas.js";

/** Series beyond this many are summed into one, keyed `~other`. */
export const maxSeries = 12;

const next: Record<Period, (p: string) => string> = {
  year: (p) => String(Number(p) + 1),
  month: (p) => {
    const [y, m] = p.split("-").map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  },
  quarter: (p) => {
    const [y, q] = [Number(p.slice(0, 4)), Number(p.slice(6))];
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  },
};

/** Every period from the first to the last, so gaps show as zeros. */
export function periodRange(period: Period, first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = first; p <= last && out.length < 2000; p = next[period](p)) out.push(p);
  return out;
}

/** Each code rolled up to its ancestor at `level` (a code above that level stays itself). */
export function rollUpTo(level: number, tree: { code: string; parent_code: string | null }[]) {
  const parent = new Map(tree.map((t) => [t.code, t.parent_code]));
  const chain = (code: string) => {
    const path = [code];
    for (let at = parent.get(code); at && path.length < 12; at = parent.get(at)) path.unshift(at);
    return path;
  };
  return (code: string | null) => (code === null ? null : (chain(code)[level] ?? code));
}

/** Coded acts over time, split by one dimension, under the search's filters and access rules. */
export async function actsOverTime({
  db,
  actor,
  query,
}: {
  db: Tx;
  actor: Actor;
  query: ActsOverTimeQuery;
}): Promise<ActsOverTime> {
  const period: Period = query.period ?? "year";
  const by: Dimension = query.by ?? "none";
  const repo = createAnalyticsRepository({ db });
  const tree = by === "actType" || query.actType ? await repo.termTree("types_of_acts") : undefined;
  const filters = await filtersOf(db, actor, query, tree);
  const rows = await repo.actsOverTime(actor, filters, period, by);
  const keyOf = by === "actType" ? rollUpTo(query.actTypeLevel ?? 0, tree ?? []) : (k: string | null) => k;
  const dated = rows.filter((r) => r.period !== null);
  const sortedPeriods = [...new Set(dated.map((r) => r.period as string))].sort();
  const periods = sortedPeriods.length
    ? periodRange(period, sortedPeriods[0] as string, sortedPeriods[sortedPeriods.length - 1] as string)
    : [];
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = new Map<string | null, number[]>();
  for (const r of dated) {
    const key = keyOf(r.dim);
    const counts = series.get(key) ?? periods.map(() => 0);
    const i = index.get(r.period as string);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + r.n;
    series.set(key, counts);
  }
  let list = [...series].map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }));
  list.sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key)));
  if (list.length > maxSeries) {
    const rest = list.slice(maxSeries - 1);
    const counts = periods.map((_, i) => rest.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
    list = [
      ...list.slice(0, maxSeries - 1),
      { key: "~other", counts, total: counts.reduce((a, b) => a + b, 0) },
    ];
  }
  const names =
    by === "province" || by === "county"
      ? new Map(
          (
            await repo.places(
              actor,
              list.map((s) => s.key).filter((k): k is string => !!k && k !== "~other"),
            )
          ).map((p) => [p.id, { en: p.name_en, ...(p.name_ko ? { ko: p.name_ko } : {}) }]),
        )
      : new Map<string, Record<string, string>>();
  return {
    period,
    by,
    periods,
    series: list.map((s) => ({ ...s, ...(s.key && names.has(s.key) ? { label: names.get(s.key) } : {}) })),
    total: rows.reduce((sum, r) => sum + r.n, 0),
    undated: rows.filter((r) => r.period === null).reduce((sum, r) => sum + r.n, 0),
  };
}

/** The places with most matching acts (provinces, or counties), with coordinates for the map. */
export async function topPlaces({
  db,
  actor,
  query,
  level,
  limit,
}: {
  db: Tx;
  actor: Actor;
  query: ActsOverTimeQuery;
  level: "province" | "county";
  limit: number;
}) {
  const repo = createAnalyticsRepository({ db });
  const counts = await repo.actsByPlace(actor, await filtersOf(db, actor, query), level, limit);
  const places = new Map(
    (
      await repo.places(
        actor,
        counts.map((c) => c.place_id),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    items: counts.flatMap((c) => {
      const p = places.get(c.place_id);
      return p
        ? [
            {
              placeId: p.id,
              level: p.level,
              label: { en: p.name_en, ...(p.name_ko ? { ko: p.name_ko } : {}) },
              latitude: p.latitude === null ? null : Number(p.latitude),
              longitude: p.longitude === null ? null : Number(p.longitude),
              count: Number(c.n),
            },
          ]
        : [];
    }),
  };
}
