import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { indexRecords } from "../search/search-index.usecases.js";

/** A person or a group; identified everywhere by a pseudonymous code. Identifying data lives apart, encrypted. */
export const personSpec = defineRecordSpec({
  type: "person",
  plural: "persons",
  table: "persons",
  defaultConfidentiality: "confidential",
  unique: ["code"],
  afterWrite: (db, id) => indexRecords(db, "person", [id]),
  quickSearch: ["code"],
  fields: {
    kind: {
      column: "kind",
      type: { kind: "enum", values: ["individual", "group"], required: true },
      filter: true,
    },
    code: {
      column: "code",
      type: { kind: "text", max: 40, required: true },
      sort: true,
      doc: "Pseudonymous code shown everywhere, e.g. W-2017-014",
    },
    countingUnit: { column: "counting_unit", type: { kind: "vocab", list: "counting_units" } },
    groupSize: { column: "group_size", type: { kind: "int", min: 1, max: 10_000_000 } },
    sex: { column: "sex", type: { kind: "vocab", list: "sex" }, filter: true },
    birthYear: { column: "birth_year", type: { kind: "int", min: 1880, max: 2100 } },
    birthYearApproximate: { column: "birth_year_approximate", type: { kind: "bool" } },
    nationality: { column: "nationality", type: { kind: "country" }, filter: true },
    ethnicity: { column: "ethnicity", type: { kind: "vocab", list: "ethnic_groups" } },
    occupation: { column: "occupation", type: { kind: "vocab", list: "occupation" } },
    notes: { column: "notes", type: { kind: "text", max: 20_000 } },
  },
  check: (input, { existing }): Problems => {
    const kind = input.kind ?? existing?.kind;
    if (kind === "individual" && input.groupSize !== undefined && input.groupSize !== null) {
      return { groupSize: { code: "field.invalid" } };
    }
    return {};
  },
});
