import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { createVisitsRepository } from "./visits.repository.js";

export const visitRequestStatuses = ["pending", "accepted", "declined", "no_response"] as const;
export const counterpartCategories = [
  "government",
  "parliament",
  "judiciary",
  "civil_society",
  "un_agency",
  "victims_families",
  "diplomatic",
  "other",
] as const;
/** Met as pseudonyms: their participants are named by person code, never by name. */
export const pseudonymousCategories = new Set(["civil_society", "victims_families"]);

const dayOf = (
  input: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
  f: string,
  c: string,
) =>
  (input[f] as string | null | undefined) === undefined
    ? (existing?.[c] as string | null)
    : (input[f] as string | null);

/** A request to a state for an invitation to visit; its status and reminders come from its entries. */
export const visitRequestSpec = defineRecordSpec({
  type: "visit_request",
  plural: "visit-requests",
  table: "visit_requests",
  defaultConfidentiality: "internal",
  quickSearch: ["notes"],
  fields: {
    country: { column: "country", type: { kind: "country" }, filter: true, sort: true, immutable: true },
    firstRequestedOn: { column: "first_requested_on", type: { kind: "day", required: true }, sort: true },
    status: {
      column: "status",
      type: { kind: "enum", values: visitRequestStatuses },
      filter: true,
      sort: true,
      readOnly: true,
      doc: "The latest status change among the request's entries",
    },
    statusOn: { column: "status_on", type: { kind: "day" }, readOnly: true },
    reminderCount: { column: "reminder_count", type: { kind: "int", min: 0, max: 100_000 }, readOnly: true },
    lastReminderOn: { column: "last_reminder_on", type: { kind: "day" }, readOnly: true },
    notes: { column: "notes", type: { kind: "text", max: 20_000 } },
  },
  check: (input, { existing }): Problems =>
    !existing && !input.country ? { country: { code: "field.required" } } : {},
});

/** A reminder sent to the state, or a change of the request's status, each dated and logged. */
export const visitRequestEntrySpec = defineRecordSpec({
  type: "visit_request_entry",
  plural: "visit-request-entries",
  table: "visit_request_entries",
  defaultConfidentiality: "internal",
  quickSearch: ["note"],
  afterWrite: async (db, id) => {
    const repo = createVisitsRepository({ db });
    const requestId = await repo.requestOfEntry(id);
    if (requestId) await repo.refreshRequest(requestId);
  },
  fields: {
    visitRequestId: {
      column: "visit_request_id",
      type: { kind: "ref", table: "visit_requests", required: true },
      filter: true,
      immutable: true,
    },
    entryKind: {
      column: "entry_kind",
      type: { kind: "enum", values: ["reminder", "status_change"], required: true },
      filter: true,
    },
    entryOn: { column: "entry_on", type: { kind: "day", required: true }, sort: true },
    status: { column: "status", type: { kind: "enum", values: visitRequestStatuses } },
    note: { column: "note", type: { kind: "text", max: 5000 } },
  },
  check: (input, { existing }): Problems => {
    const kind = (input.entryKind as string | undefined) ?? (existing?.entry_kind as string | undefined);
    const status = input.status === undefined ? existing?.status : input.status;
    if (kind === "status_change" && !status) return { status: { code: "field.required" } };
    if (kind === "reminder" && status) return { status: { code: "field.invalid" } };
    return {};
  },
});

/** A country visit or a mission to a neighbouring state: dates, places, statement, later report symbol. */
export const visitSpec = defineRecordSpec({
  type: "visit",
  plural: "visits",
  table: "visits",
  defaultConfidentiality: "internal",
  quickSearch: ["title", "end_statement"],
  fields: {
    title: { column: "title", type: { kind: "text", max: 300, required: true }, sort: true },
    visitKind: {
      column: "visit_kind",
      type: { kind: "enum", values: ["country_visit", "mission"], required: true },
      filter: true,
    },
    country: { column: "country", type: { kind: "country" }, filter: true },
    visitRequestId: {
      column: "visit_request_id",
      type: { kind: "ref", table: "visit_requests" },
      filter: true,
    },
    startOn: { column: "start_on", type: { kind: "day" }, sort: true },
    endOn: { column: "end_on", type: { kind: "day" } },
    status: {
      column: "status",
      type: { kind: "enum", values: ["planned", "ongoing", "completed", "cancelled"], required: true },
      filter: true,
    },
    places: { column: "places", type: { kind: "stringList", maxItems: 30, maxLength: 200 } },
    endStatement: { column: "end_statement", type: { kind: "text", max: 50_000 } },
    pressReleaseUrl: { column: "press_release_url", type: { kind: "text", max: 500 } },
    reportSymbol: { column: "report_symbol", type: { kind: "text", max: 40 }, doc: "A/HRC/NN/NN/Add.N" },
  },
  check: (input, { existing }): Problems => {
    const problems: Problems = {};
    if (!existing && !input.country) problems.country = { code: "field.required" };
    const start = dayOf(input, existing, "startOn", "start_on");
    const end = dayOf(input, existing, "endOn", "end_on");
    if (start && end && end < start) problems.endOn = { code: "field.invalid" };
    const symbol = input.reportSymbol;
    if (
      typeof symbol === "string" &&
      symbol &&
      !/^A\/(HRC\/)?\d{1,3}\/\d{1,4}(\/Add\.\d{1,2})?$/.test(symbol)
    )
      problems.reportSymbol = { code: "field.invalid_format" };
    const url = input.pressReleaseUrl;
    if (typeof url === "string" && url && !/^https?:\/\/\S+$/.test(url))
      problems.pressReleaseUrl = { code: "field.invalid_format" };
    return problems;
  },
});

/** A meeting of a visit's itinerary; civil society and victims are named only by their pseudonymous person codes. */
export const meetingSpec = defineRecordSpec({
  type: "meeting",
  plural: "meetings",
  table: "meetings",
  defaultConfidentiality: "confidential",
  quickSearch: ["counterpart", "notes"],
  fields: {
    visitId: {
      column: "visit_id",
      type: { kind: "ref", table: "visits", required: true },
      filter: true,
      immutable: true,
    },
    meetingOn: { column: "meeting_on", type: { kind: "day", required: true }, sort: true },
    counterpartCategory: {
      column: "counterpart_category",
      type: { kind: "enum", values: counterpartCategories, required: true },
      filter: true,
    },
    counterpart: { column: "counterpart", type: { kind: "text", max: 300 } },
    participants: {
      column: "participants",
      type: { kind: "stringList", maxItems: 50, maxLength: 100 },
      doc: "Names for officials; person codes (pseudonyms) for civil society and victims",
    },
    notes: { column: "notes", type: { kind: "text", max: 50_000 } },
  },
  check: async (input, { db, mandateId, existing }): Promise<Problems> => {
    const category =
      (input.counterpartCategory as string | undefined) ??
      (existing?.counterpart_category as string | undefined);
    if (!category || !pseudonymousCategories.has(category)) return {};
    const participants =
      (input.participants as string[] | null | undefined) ??
      (existing ? (JSON.parse(String(existing.participants ?? "[]")) as string[]) : []);
    const known = await createVisitsRepository({ db }).personCodes(mandateId, participants);
    const unknown = participants.filter((p) => !known.has(p));
    return unknown.length
      ? {
          participants: { code: "meetings.participants_pseudonymous", params: { names: unknown.join(", ") } },
        }
      : {};
  },
});
