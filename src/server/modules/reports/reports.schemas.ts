import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { indexReport } from "./report-writes.js";
import {
  editableStatuses,
  lockedFields,
  reportKinds,
  reportStatuses,
  symbolFits,
} from "./reports.policies.js";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Checks the symbol against the kind of report, and that nothing of a final report's metadata changes. */
function checkReport(input: Record<string, unknown>, existing?: Record<string, unknown>): Problems {
  const problems: Problems = {};
  const kind = (input.kind as string | undefined) ?? (existing?.kind as string | undefined) ?? "";
  const symbol = input.symbol === undefined ? existing?.symbol : input.symbol;
  if (typeof symbol === "string" && symbol && !symbolFits(kind, symbol))
    problems[input.symbol === undefined ? "kind" : "symbol"] = { code: "reports.symbol_format" };
  if (existing && !editableStatuses.has(String(existing.status)))
    for (const [field, column] of Object.entries(lockedFields))
      if (input[field] !== undefined && !same(input[field], existing[column]))
        problems[field] = { code: "reports.metadata_locked" };
  return problems;
}

/**
 * A report of the mandate (to the Human Rights Council or the General Assembly, a visit report, a thematic one):
 * its metadata as a record; its body, versions and publication check behind the routes of reports.routes.ts.
 */
export const reportSpec = defineRecordSpec({
  type: "report",
  plural: "reports",
  table: "reports",
  defaultConfidentiality: "confidential",
  quickSearch: ["title", "symbol", "session"],
  afterWrite: (db, id) => indexReport(db, id),
  unique: ["symbol"],
  fields: {
    kind: {
      column: "kind",
      type: { kind: "enum", values: reportKinds, required: true },
      filter: true,
      sort: true,
      doc: "hrc (to the Human Rights Council), general_assembly, visit (a visit report), thematic",
    },
    status: {
      column: "status",
      type: { kind: "enum", values: reportStatuses },
      filter: true,
      sort: true,
      readOnly: true,
      doc: "Moved by POST /reports/{id}/transitions",
    },
    symbol: {
      column: "symbol",
      type: { kind: "text", max: 40 },
      filter: true,
      sort: true,
      doc: "UN document symbol: A/72/394, A/HRC/37/56, A/HRC/37/56/Add.2",
    },
    title: { column: "title", type: { kind: "text", max: 500, required: true }, sort: true },
    subtitle: {
      column: "subtitle",
      type: { kind: "text", max: 500 },
      doc: "Report of the Special Rapporteur on …",
    },
    session: { column: "session", type: { kind: "text", max: 200 }, doc: "Seventy-second session" },
    agendaItem: {
      column: "agenda_item",
      type: { kind: "text", max: 200 },
      doc: "Item 73 (c) of the provisional agenda",
    },
    dueOn: { column: "due_on", type: { kind: "day" }, sort: true, doc: "When the report is due" },
    issuedOn: { column: "issued_on", type: { kind: "day" }, sort: true, doc: "The date the document bears" },
    documentLanguage: {
      column: "language",
      type: { kind: "enum", values: ["en", "ko"], required: true },
      doc: "The language the report is written in",
    },
    finalisedOn: { column: "finalised_on", type: { kind: "day" }, readOnly: true },
    publishedOn: { column: "published_on", type: { kind: "day" }, readOnly: true },
  },
  check: (input, { existing }) => checkReport(input, existing),
});
