import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { indexRecords } from "../search/search-index.usecases.js";

/** What happened: an event with its dates (each with a precision), place and violation status. */
export const eventSpec = defineRecordSpec({
  type: "event",
  plural: "events",
  table: "events",
  defaultConfidentiality: "internal",
  afterWrite: (db, id) => indexRecords(db, "event", [id]),
  quickSearch: ["title", "description"],
  fields: {
    title: { column: "title", type: { kind: "text", max: 300, required: true }, sort: true },
    description: { column: "description", type: { kind: "text", max: 50_000 } },
    startDate: {
      column: "start_date",
      type: { kind: "date", precisionColumn: "start_precision" },
      sort: true,
    },
    endDate: { column: "end_date", type: { kind: "date", precisionColumn: "end_precision" } },
    placeId: { column: "place_id", type: { kind: "ref", table: "places", builtIn: true }, filter: true },
    violationStatus: {
      column: "violation_status",
      type: { kind: "vocab", list: "violation_status" },
      filter: true,
    },
  },
  check: (input, { existing }): Problems => {
    const start =
      (input.startDate as { value: string } | null | undefined)?.value ??
      (existing?.start_date as string | null);
    const end =
      (input.endDate as { value: string } | null | undefined)?.value ?? (existing?.end_date as string | null);
    return start && end && end < start.slice(0, end.length) ? { endDate: { code: "field.invalid" } } : {};
  },
});
