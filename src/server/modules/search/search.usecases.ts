import { reportBodyText } from "../../../shared/report-body.js";
import { type Actor, canExport, confidentialityLevels } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { type FieldProblem, forbidden, validationFailed } from "../../platform/errors/app-error.js";
import { presentFacets, presentResult } from "./search.presenters.js";
import {
  createSearchRepository,
  type SearchFilters,
  type SearchSort,
  type TermTree,
} from "./search.repository.js";
import { type SearchQuery, searchTypes } from "./search.schemas.js";
import { toCsv } from "./search-export.js";
import { snippetOf } from "./search-highlight.js";
import { parseQuery } from "./search-tokens.js";

/** The most rows one CSV export carries. */
export const exportLimit = 100_000;

const split = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 200);

/** Codes and every narrower code under them, so a filter on a broad act type finds its specific kinds. */
export function withNarrower(codes: string[], tree: { code: string; parent_code: string | null }[]) {
  const children = new Map<string, string[]>();
  for (const t of tree)
    if (t.parent_code) children.set(t.parent_code, [...(children.get(t.parent_code) ?? []), t.code]);
  const out = new Set<string>();
  const visit = (c: string) => {
    if (out.has(c)) return;
    out.add(c);
    for (const k of children.get(c) ?? []) visit(k);
  };
  for (const c of codes) visit(c);
  return [...out];
}

function checkValues(name: string, values: string[], allowed: readonly string[]) {
  const bad = values.some((v) => !allowed.includes(v));
  return bad ? { [name]: { code: "field.invalid_value", params: { options: allowed.join(", ") } } } : {};
}

/** Sorts the places a filter names by level; a place the caller cannot read matches nothing. */
async function placesByLevel(db: Tx, actor: Actor, ids: string[]): Promise<SearchFilters["places"]> {
  const levels = ids.length ? await createSearchRepository({ db }).placeLevels(actor, ids) : [];
  const known = new Map(levels.map((p) => [p.id, p.level]));
  return {
    provinces: ids.filter((id) => known.get(id) === "province"),
    counties: ids.filter((id) => known.get(id) === "county"),
    others: ids.filter((id) => known.get(id) !== "province" && known.get(id) !== "county"),
  };
}

/** Reads the query into filters, refusing values no record can have (the field is named in the error). */
export async function filtersOf(
  db: Tx,
  actor: Actor,
  query: SearchQuery,
  /** The act-type tree, when the caller has it already. */
  actTypeTree?: TermTree,
): Promise<SearchFilters> {
  const types = split(query.type);
  const confidentiality = split(query.confidentiality);
  const problems: Record<string, FieldProblem> = {
    ...checkValues("type", types, searchTypes),
    ...checkValues("confidentiality", confidentiality, confidentialityLevels),
  };
  if (query.dateFrom && query.dateTo && query.dateFrom > query.dateTo)
    problems.dateTo = { code: "search.date_range" };
  if (Object.keys(problems).length) throw validationFailed({}, problems);
  const actTypes = split(query.actType);
  const tree = actTypes.length
    ? (actTypeTree ?? (await createSearchRepository({ db }).termTree("types_of_acts")))
    : [];
  return {
    mandateId: query.mandateId,
    phrases: parseQuery(query.q ?? ""),
    types,
    actTypes: actTypes.length ? withNarrower(actTypes, tree) : [],
    places: await placesByLevel(db, actor, split(query.place)),
    dateFrom: query.dateFrom ?? null,
    dateTo: query.dateTo ?? null,
    victimSex: split(query.victimSex),
    perpetratorTypes: split(query.perpetratorType),
    confidentiality,
  };
}

const sortOf = (query: SearchQuery, filters: SearchFilters): SearchSort =>
  query.sort ?? (filters.phrases.length ? "relevance" : "date_desc");

/**
 * One search of a mandate's records, with facet counts and highlighted snippets. The access filter is part of
 * every query, so what the caller may not read is never returned, counted or highlighted.
 */
export async function search({ db, actor, query }: { db: Tx; actor: Actor; query: SearchQuery }) {
  const repo = createSearchRepository({ db });
  const tree = await repo.termTree("types_of_acts");
  const filters = await filtersOf(db, actor, query, tree);
  const limit = query.limit ?? 20;
  const rows = await repo.page(actor, filters, sortOf(query, filters), limit, query.offset ?? 0);
  const facetRows = await repo.facets(actor, filters);
  const placeIds = facetRows
    .filter((f) => f.facet === "province" || f.facet === "county")
    .map((f) => f.value);
  const typeText = new Map(
    tree.map((t) => [t.code, Object.values(JSON.parse(t.labels) as Record<string, string>).join(" / ")]),
  );
  const facets = presentFacets(
    facetRows,
    tree,
    await repo.placeNames(
      actor,
      placeIds.filter((v): v is string => !!v),
    ),
  );
  const snippets = new Map<string, ReturnType<typeof snippetOf>>();
  for (const type of searchTypes) {
    const ids = rows.filter((r) => r.record_type === type).map((r) => String(r.id));
    for (const t of await repo.texts(type, ids)) {
      const { id, act_type, ...fields } = t;
      // An act is also found by its type's labels: the snippet shows them when the words matched there.
      // A report's body is stored as JSON: its snippet is cut from the plain text a reader sees.
      if (type === "report") fields.body = reportBodyText(fields.body ?? null);
      const entries = Object.entries(fields);
      if (act_type) entries.push(["actType", typeText.get(act_type) ?? null]);
      snippets.set(String(id), snippetOf(entries, filters.phrases));
    }
  }
  return {
    total: facets.recordType.reduce((sum, f) => sum + f.count, 0),
    items: rows.map((r) => presentResult(r, snippets.get(String(r.id)) ?? null)),
    facets,
  };
}

/** Every match (up to `max`), newest first, for export: the same filter, no facets. */
export async function searchAll({
  db,
  actor,
  query,
  max,
}: {
  db: Tx;
  actor: Actor;
  query: SearchQuery;
  max: number;
}) {
  const filters = await filtersOf(db, actor, query);
  return createSearchRepository({ db }).page(actor, filters, sortOf(query, filters), max, 0);
}

/** Search results as CSV, for roles that export; the export and what it asked for are audited in the same transaction. */
export async function exportSearch({ db, actor, query }: { db: Db; actor: Actor; query: SearchQuery }) {
  if (!canExport(actor, query.mandateId)) throw forbidden();
  return inTransaction(db, async (trx) => {
    const rows = await searchAll({ db: trx, actor, query, max: exportLimit });
    await writeAudit(trx, actor, [
      {
        action: "export",
        recordType: "search",
        recordId: null,
        mandateId: query.mandateId,
        fields: Object.keys(query).filter((k) => k !== "mandateId"),
      },
    ]);
    return toCsv(rows);
  });
}
