import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { indexRecords } from "../search/search-index.usecases.js";
import { createRecommendationsRepository } from "./recommendations.repository.js";

export const sourceBodies = ["this_mandate", "upr", "treaty_body", "special_procedure", "other"] as const;
export const implementationStatuses = [
  "no_information",
  "not_implemented",
  "partially_implemented",
  "implemented",
] as const;

/**
 * A recommendation: the mandate's own (from one of its reports, with its paragraph) or another body's (a UPR
 * recommendation with the recommending state and the response), addressed to a state or another actor.
 */
export const recommendationSpec = defineRecordSpec({
  type: "recommendation",
  plural: "recommendations",
  table: "recommendations",
  defaultConfidentiality: "internal",
  quickSearch: ["text", "theme", "session"],
  afterWrite: (db, id) => indexRecords(db, "recommendation", [id]),
  fields: {
    sourceBody: {
      column: "source_body",
      type: { kind: "enum", values: sourceBodies, required: true },
      filter: true,
      doc: "Who made it: this mandate, the UPR, a treaty body, another special procedure, other",
    },
    reportId: { column: "report_id", type: { kind: "ref", table: "reports" }, filter: true },
    paragraph: { column: "paragraph", type: { kind: "text", max: 40 }, sort: true, doc: "e.g. 74 (a)" },
    addresseeKind: {
      column: "addressee_kind",
      type: {
        kind: "enum",
        values: ["state", "international_community", "un_body", "other"],
        required: true,
      },
      filter: true,
    },
    addresseeCountry: { column: "addressee_country", type: { kind: "country" }, filter: true, sort: true },
    addresseeName: { column: "addressee_name", type: { kind: "text", max: 300 } },
    theme: { column: "theme", type: { kind: "text", max: 200 }, filter: true, sort: true },
    text: { column: "text", type: { kind: "text", max: 20_000, required: true } },
    recommendingState: {
      column: "recommending_state",
      type: { kind: "country" },
      filter: true,
      doc: "For a UPR recommendation: the state that made it",
    },
    response: {
      column: "response",
      type: { kind: "enum", values: ["accepted", "noted"] },
      filter: true,
      doc: "For a UPR recommendation: the state under review's response",
    },
    session: { column: "session", type: { kind: "text", max: 200 }, filter: true },
    issuedOn: { column: "issued_on", type: { kind: "day" }, sort: true },
    status: {
      column: "status",
      type: { kind: "enum", values: implementationStatuses },
      filter: true,
      sort: true,
      readOnly: true,
      doc: "The latest follow-up's assessment",
    },
    statusOn: { column: "status_on", type: { kind: "day" }, readOnly: true },
  },
  check: (input, { existing }): Problems => {
    const kind =
      (input.addresseeKind as string | undefined) ?? (existing?.addressee_kind as string | undefined);
    const country =
      input.addresseeCountry === undefined ? existing?.addressee_country : input.addresseeCountry;
    const name = input.addresseeName === undefined ? existing?.addressee_name : input.addresseeName;
    if (kind === "state" && !country) return { addresseeCountry: { code: "field.required" } };
    if (kind !== "state" && kind && !name) return { addresseeName: { code: "field.required" } };
    return {};
  },
});

/** An assessment of a recommendation's implementation on a day, with the evidence and where it is found. */
export const recommendationFollowUpSpec = defineRecordSpec({
  type: "recommendation_follow_up",
  plural: "recommendation-follow-ups",
  table: "recommendation_follow_ups",
  defaultConfidentiality: "internal",
  quickSearch: ["evidence"],
  afterWrite: async (db, id) => {
    const repo = createRecommendationsRepository({ db });
    const recommendationId = await repo.recommendationOf(id);
    if (recommendationId) await repo.refreshStatus(recommendationId);
  },
  fields: {
    recommendationId: {
      column: "recommendation_id",
      type: { kind: "ref", table: "recommendations", required: true },
      filter: true,
      immutable: true,
    },
    status: {
      column: "status",
      type: { kind: "enum", values: implementationStatuses, required: true },
      filter: true,
    },
    assessedOn: { column: "assessed_on", type: { kind: "day", required: true }, sort: true },
    evidence: { column: "evidence", type: { kind: "text", max: 20_000 } },
    links: {
      column: "links",
      type: { kind: "stringList", maxItems: 20, maxLength: 1000 },
      doc: "Where the evidence is found (addresses of documents)",
    },
  },
  check: (input): Problems => {
    const links = input.links as string[] | null | undefined;
    return links?.some((l) => !/^https?:\/\/\S+$/.test(l)) ? { links: { code: "field.invalid_format" } } : {};
  },
});
