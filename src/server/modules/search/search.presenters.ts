import type { FacetRow } from "./search.repository.js";
import type { SearchResponse } from "./search.schemas.js";
import type { Snippet } from "./search-highlight.js";

type Facets = SearchResponse["facets"];
type Item = SearchResponse["items"][number];

const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) =>
  b.count - a.count || a.value.localeCompare(b.value);

/** One search hit as the API shows it: no identifying data is ever in the index, so none can appear here. */
export function presentResult(r: Record<string, unknown>, snippet: Snippet | null): Item {
  return {
    id: String(r.id),
    recordType: r.record_type as Item["recordType"],
    title: String(r.title),
    date: (r.doc_date as string | null) ?? null,
    actType: (r.act_type as string | null) ?? null,
    placeId: (r.place_id as string | null) ?? null,
    confidentiality: String(r.confidentiality),
    snippet,
  };
}

/**
 * Facet counts as the API shows them. Act types roll up: `total` adds the counts of every narrower type, so a
 * broad type shows everything a filter on it would find.
 */
export function presentFacets(
  rows: FacetRow[],
  tree: { code: string; parent_code: string | null }[],
  places: { id: string; name_en: string; name_ko: string | null }[],
): Facets {
  const of = (facet: string) =>
    rows
      .filter((r) => r.facet === facet && r.value !== null)
      .map((r) => ({ value: String(r.value), count: r.n }));
  const parent = new Map(tree.map((t) => [t.code, t.parent_code]));
  const own = new Map(of("actType").map((f) => [f.value, f.count]));
  const total = new Map<string, number>();
  for (const [code, n] of own) {
    let at: string | null | undefined = code;
    for (let depth = 0; at && depth < 12; depth++) {
      total.set(at, (total.get(at) ?? 0) + n);
      at = parent.get(at);
    }
  }
  const names = new Map(
    places.map((p) => [p.id, { en: p.name_en, ...(p.name_ko ? { ko: p.name_ko } : {}) }]),
  );
  const placeFacet = (facet: string) =>
    of(facet)
      .filter((f) => names.has(f.value))
      .map((f) => ({ ...f, label: names.get(f.value) ?? {} }))
      .sort(byCount);
  return {
    recordType: of("recordType").sort(byCount),
    actType: [...total]
      .map(([value, t]) => ({ value, count: own.get(value) ?? 0, total: t }))
      .sort((a, b) => b.total - a.total || a.value.localeCompare(b.value)),
    province: placeFacet("province"),
    county: placeFacet("county"),
    year: of("year").sort((a, b) => a.value.localeCompare(b.value)),
    victimSex: of("victimSex").sort(byCount),
    perpetratorType: of("perpetratorType").sort(byCount),
    confidentiality: of("confidentiality").sort(byCount),
  };
}
