import { defineRecordSpec } from "../../platform/records/record-spec.js";
import { indexRecords } from "../search/search-index.usecases.js";

export const consentScopes = ["internal", "anonymised_public", "attributed_public"] as const;
export const reprisalRisks = ["none", "low", "medium", "high"] as const;

/** An interview or a document: where information comes from, with the interviewee's consent and reprisal risk. */
export const sourceSpec = defineRecordSpec({
  type: "source",
  plural: "sources",
  table: "sources",
  defaultConfidentiality: "confidential",
  afterWrite: (db, id) => indexRecords(db, "source", [id]),
  quickSearch: ["title", "summary"],
  fields: {
    kind: {
      column: "kind",
      type: { kind: "enum", values: ["interview", "document"], required: true },
      filter: true,
    },
    title: { column: "title", type: { kind: "text", max: 300, required: true }, sort: true },
    sourceDate: {
      column: "source_date",
      type: { kind: "date", precisionColumn: "source_date_precision" },
      sort: true,
    },
    placeId: { column: "place_id", type: { kind: "ref", table: "places", builtIn: true }, filter: true },
    interviewer: { column: "interviewer", type: { kind: "text", max: 200 } },
    languages: {
      column: "languages",
      type: { kind: "stringList", maxItems: 10, maxLength: 35 },
      doc: "BCP 47 tags, e.g. ko, en",
    },
    interpreter: { column: "interpreter", type: { kind: "text", max: 200 } },
    consentScope: {
      column: "consent_scope",
      type: { kind: "enum", values: consentScopes, required: true },
      filter: true,
    },
    reprisalRisk: {
      column: "reprisal_risk",
      type: { kind: "enum", values: reprisalRisks, required: true },
      filter: true,
    },
    reprisalNote: { column: "reprisal_note", type: { kind: "text", max: 5000 } },
    summary: { column: "summary", type: { kind: "text", max: 20_000 } },
    transcript: { column: "transcript", type: { kind: "text", max: 500_000 } },
    intervieweeId: { column: "interviewee_id", type: { kind: "ref", table: "persons" }, filter: true },
    sourceType: { column: "source_type", type: { kind: "vocab", list: "types_of_source_material" } },
  },
});
