import { defineRecordSpec } from "../../platform/records/record-spec.js";
import { indexRecords } from "../search/search-index.usecases.js";

/** One act within an event: a victim, a type of act (HURIDOCS), a date with precision, a place and consequences. */
export const actSpec = defineRecordSpec({
  type: "act",
  plural: "acts",
  table: "acts",
  defaultConfidentiality: "internal",
  afterWrite: (db, id) => indexRecords(db, "act", [id]),
  quickSearch: ["consequences"],
  fields: {
    eventId: {
      column: "event_id",
      type: { kind: "ref", table: "events", required: true },
      filter: true,
      immutable: true,
    },
    victimId: { column: "victim_id", type: { kind: "ref", table: "persons" }, filter: true },
    actType: {
      column: "act_type",
      type: { kind: "vocab", list: "types_of_acts", required: true },
      filter: true,
    },
    actDate: {
      column: "act_date",
      type: { kind: "date", precisionColumn: "act_date_precision" },
      sort: true,
    },
    placeId: { column: "place_id", type: { kind: "ref", table: "places", builtIn: true }, filter: true },
    consequences: { column: "consequences", type: { kind: "text", max: 20_000 } },
    victimStatusAfter: { column: "victim_status_after", type: { kind: "vocab", list: "status_as_victim" } },
    detentionType: { column: "detention_type", type: { kind: "vocab", list: "types_of_detention" } },
    whereabouts: { column: "whereabouts", type: { kind: "vocab", list: "whereabouts" } },
  },
});
