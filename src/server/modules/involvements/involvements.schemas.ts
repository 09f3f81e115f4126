import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { indexRecords } from "../search/search-index.usecases.js";

/** Who took part in an act: a perpetrator (a person record, or a named unit), its type and degree of involvement. */
export const involvementSpec = defineRecordSpec({
  type: "involvement",
  plural: "involvements",
  table: "involvements",
  defaultConfidentiality: "internal",
  afterWrite: (db, id) => indexRecords(db, "involvement", [id]),
  quickSearch: ["perpetrator_name", "note"],
  fields: {
    actId: {
      column: "act_id",
      type: { kind: "ref", table: "acts", required: true },
      filter: true,
      immutable: true,
    },
    perpetratorId: { column: "perpetrator_id", type: { kind: "ref", table: "persons" }, filter: true },
    perpetratorName: {
      column: "perpetrator_name",
      type: { kind: "text", max: 300 },
      doc: "A unit or organisation, e.g. the Ministry of State Security",
    },
    perpetratorType: {
      column: "perpetrator_type",
      type: { kind: "vocab", list: "types_of_perpetrators" },
      filter: true,
    },
    degree: { column: "degree", type: { kind: "vocab", list: "degrees_of_involvement" }, filter: true },
    note: { column: "note", type: { kind: "text", max: 5000 } },
  },
  check: (input, { existing }): Problems => {
    const id = input.perpetratorId !== undefined ? input.perpetratorId : existing?.perpetrator_id;
    const name = input.perpetratorName !== undefined ? input.perpetratorName : existing?.perpetrator_name;
    return !id && !name ? { perpetratorName: { code: "field.required" } } : {};
  },
});
