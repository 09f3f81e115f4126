import type { RecordSpec } from "./record-spec.js";

type Row = Record<string, unknown>;

/** API field values → column values, for the fields present in `input`. */
export function toColumns(spec: RecordSpec, input: Row): Row {
  const out: Row = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    if (!(name in input)) continue;
    const v = input[name];
    switch (f.type.kind) {
      case "bool":
        out[f.column] = v === null || v === undefined ? 0 : v ? 1 : 0;
        break;
      case "date": {
        const d = v as { value: string; precision: string } | null;
        out[f.column] = d?.value ?? null;
        out[f.type.precisionColumn] = d?.precision ?? null;
        break;
      }
      case "stringList":
        out[f.column] = JSON.stringify(v ?? []);
        break;
      default:
        out[f.column] = v ?? null;
    }
  }
  return out;
}

/** A row → API field values, field by field. */
export function fromRow(spec: RecordSpec, row: Row): Row {
  const out: Row = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    const v = row[f.column];
    switch (f.type.kind) {
      case "bool":
        out[name] = Number(v) === 1;
        break;
      case "int":
      case "number":
        out[name] = v === null || v === undefined ? null : Number(v);
        break;
      case "date":
        out[name] = v ? { value: String(v), precision: String(row[f.type.precisionColumn] ?? "day") } : null;
        break;
      case "stringList":
        out[name] = typeof v === "string" ? (JSON.parse(v) as string[]) : [];
        break;
      default:
        out[name] = v ?? null;
    }
  }
  return out;
}

/** Names of the API fields whose stored value differs between two rows (for audit and no-op detection). */
export function changedFields(spec: RecordSpec, before: Row, after: Row): string[] {
  const a = fromRow(spec, before);
  const b = fromRow(spec, { ...before, ...after });
  return Object.keys(spec.fields).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
