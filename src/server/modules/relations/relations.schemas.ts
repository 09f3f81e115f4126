import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";

/** A family or other tie between two persons; `separatedByBorder` marks families split across a border. */
export const relationSpec = defineRecordSpec({
  type: "relation",
  plural: "relations",
  table: "relations",
  defaultConfidentiality: "confidential",
  quickSearch: ["note"],
  fields: {
    personId: {
      column: "person_id",
      type: { kind: "ref", table: "persons", required: true },
      filter: true,
      immutable: true,
    },
    relatedPersonId: {
      column: "related_person_id",
      type: { kind: "ref", table: "persons", required: true },
      filter: true,
    },
    relationType: {
      column: "relation_type",
      type: { kind: "vocab", list: "types_of_relationships", required: true },
      filter: true,
    },
    separatedByBorder: { column: "separated_by_border", type: { kind: "bool" } },
    note: { column: "note", type: { kind: "text", max: 5000 } },
  },
  check: (input, { existing }): Problems => {
    const a = input.personId ?? existing?.person_id;
    const b = input.relatedPersonId ?? existing?.related_person_id;
    return a && a === b ? { relatedPersonId: { code: "field.invalid" } } : {};
  },
});
