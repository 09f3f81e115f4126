/**
 * The search page keeps its whole state in the address: back and forward, reload and a saved search (which is
 * just this query string) all restore it. Provinces and counties are separate parameters here so a county can
 * narrow a province; the API receives the narrower of the two as `place`.
 */

/** Facets chosen with checkboxes; each is a comma-separated list in the address. */
export const listParams = [
  "type",
  "actType",
  "province",
  "county",
  "victimSex",
  "perpetratorType",
  "confidentiality",
] as const;
export type ListParam = (typeof listParams)[number];

/** Everything that narrows a search besides its words and order. */
const filterParams = [...listParams, "dateFrom", "dateTo"] as const;

/** The page's own parameters; anything else in the address is ignored. */
const pageParams = ["q", "sort", ...filterParams, "offset"] as const;

export const sorts = ["relevance", "date_desc", "date_asc"] as const;
export const pageSize = 20;

/**
 * A facet whose own filter is left out when counting its values, so its other values stay offered (any of
 * them matches) while every other facet still narrows the counts.
 */
export type FacetGroup = Exclude<ListParam, "type"> | "recordType" | "year";

const omitted: Record<FacetGroup, readonly string[]> = {
  recordType: ["type"],
  actType: ["actType"],
  province: ["province", "county"],
  county: ["county"],
  victimSex: ["victimSex"],
  perpetratorType: ["perpetratorType"],
  confidentiality: ["confidentiality"],
  year: ["dateFrom", "dateTo"],
};

/** The values of a list parameter. */
export const listOf = (params: URLSearchParams, name: string): string[] =>
  (params.get(name) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Whether a facet group has a choice of its own in the address. */
export const isActive = (params: URLSearchParams, group: FacetGroup) =>
  (omitted[group] ?? []).some((p) => params.get(p));

/** Whether anything but the words and the order narrows the search. */
export const hasFilters = (params: URLSearchParams) => filterParams.some((p) => params.get(p));

/** The address after ticking or unticking one value; a new choice always starts again at the first page. */
export function withToggled(params: URLSearchParams, name: ListParam, value: string, on: boolean) {
  const next = new URLSearchParams(params);
  const values = new Set(listOf(params, name));
  if (on) values.add(value);
  else values.delete(value);
  if (values.size) next.set(name, [...values].join(","));
  else next.delete(name);
  // Counties are offered within the chosen provinces; another choice of provinces starts them afresh.
  if (name === "province") next.delete("county");
  next.delete("offset");
  return next;
}

/** The address with some parameters set (empty values removed), back at the first page. */
export function withValues(params: URLSearchParams, values: Record<string, string | null>) {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(values)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  next.delete("offset");
  return next;
}

/** The address without any filter: the words and the order stay. */
export function withoutFilters(params: URLSearchParams) {
  const next = new URLSearchParams(params);
  for (const p of [...filterParams, "offset"]) next.delete(p);
  return next;
}

/** The page's own parameters, in a stable order: what a saved search keeps. */
export function canonical(params: URLSearchParams, { keepOffset = true } = {}) {
  const out = new URLSearchParams();
  for (const p of pageParams) {
    const v = params.get(p);
    if (v && (keepOffset || p !== "offset")) out.set(p, v);
  }
  return out;
}

/** The current first result's position (0-based). */
export const offsetOf = (params: URLSearchParams) => {
  const n = Number(params.get("offset") ?? "0");
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/**
 * The API's query string for the page's address: counties if any are chosen, else provinces, as `place`.
 * `omit` leaves one facet group's own filter out (to count that group's values); `page: false` leaves out the
 * page size and position (for the export).
 */
export function apiQuery(
  params: URLSearchParams,
  mandateId: string,
  { omit, page = true }: { omit?: FacetGroup; page?: boolean } = {},
) {
  const skip = new Set(omit ? omitted[omit] : []);
  const take = (p: string) => (skip.has(p) ? null : params.get(p)?.trim() || null);
  const out = new URLSearchParams({ mandateId });
  const q = take("q");
  if (q) out.set("q", q);
  for (const p of ["type", "actType", "victimSex", "perpetratorType", "confidentiality"] as const) {
    const v = take(p);
    if (v) out.set(p, v);
  }
  const place = take("county") ?? take("province");
  if (place) out.set("place", place);
  for (const p of ["dateFrom", "dateTo"] as const) {
    const v = take(p);
    if (v) out.set(p, v);
  }
  const sort = params.get("sort");
  if (sort && (sorts as readonly string[]).includes(sort)) out.set("sort", sort);
  if (page) {
    out.set("limit", String(pageSize));
    const offset = offsetOf(params);
    if (offset) out.set("offset", String(offset));
  }
  return out;
}

/** The three views of one search: its results, its acts on a map, its acts in charts. */
export const searchViews = { results: "/search", map: "/map", dashboard: "/dashboard" } as const;
export type SearchView = keyof typeof searchViews;

/**
 * The address of another view of the same search: the words, filters and order travel, the page position does not.
 * @example viewHref("map", new URLSearchParams("actType=030102000000&offset=20")) // "/map?actType=030102000000"
 */
export function viewHref(
  view: SearchView,
  params: URLSearchParams,
  values: Record<string, string | null> = {},
) {
  const query = withValues(canonical(params, { keepOffset: false }), values).toString();
  return query ? `${searchViews[view]}?${query}` : searchViews[view];
}

/**
 * The analytics API's query string for the address: the same filters as the search, but only coded acts are
 * counted there, so the type of record, the order and the page do not apply.
 */
export function actsQuery(params: URLSearchParams, mandateId: string) {
  const out = apiQuery(params, mandateId, { page: false });
  out.delete("type");
  out.delete("sort");
  return out;
}
