import type { RecordSpec } from "../../platform/records/record-spec.js";

/** A record type as clients need it to build forms, lists and filters: the spec, without server-only hooks. */
export function presentRecordType(spec: RecordSpec) {
  return {
    type: spec.type,
    plural: spec.plural,
    defaultConfidentiality: spec.defaultConfidentiality,
    quickSearch: spec.quickSearch.length > 0,
    fields: Object.entries(spec.fields).map(([name, f]) => ({
      name,
      kind: f.type.kind,
      required: "required" in f.type && f.type.required === true,
      filter: f.filter === true,
      sort: f.sort === true,
      immutable: f.immutable === true,
      readOnly: f.readOnly === true,
      ...(f.type.kind === "enum" ? { values: [...f.type.values] } : {}),
      ...(f.type.kind === "vocab" ? { list: f.type.list } : {}),
      ...(f.type.kind === "ref" ? { refTable: f.type.table } : {}),
      ...(f.type.kind === "text" || f.type.kind === "stringList"
        ? { max: "max" in f.type ? f.type.max : f.type.maxLength }
        : {}),
      ...(f.type.kind === "int" || f.type.kind === "number" ? { min: f.type.min, max: f.type.max } : {}),
    })),
  };
}
