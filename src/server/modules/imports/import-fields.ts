import { parsePartialDate } from "../../../shared/dates.js";
import { confidentialityLevels } from "../../platform/access/access.policies.js";
import type { FieldProblem } from "../../platform/errors/app-error.js";
import type { FieldKind, RecordSpec } from "../../platform/records/record-spec.js";
import { importSpecs } from "./bulk-import.usecases.js";

/** Record types a file may be imported as (and exported to). */
export const importTypes = ["persons", "sources", "events", "acts", "recommendations"] as const;
export type ImportRecordType = (typeof importTypes)[number];

/** A field a column may fill: a field of the record type, its level, or (acts files) a field of the act's event. */
export interface ImportTarget {
  /** As named in a mapping: `actType`, `confidentiality`, `event.title`. */
  name: string;
  /** Which record it belongs to. */
  record: "main" | "event";
  /** Its name in that record. */
  field: string;
  kind: FieldKind["kind"] | "confidentiality";
  type: FieldKind | null;
  required: boolean;
}

const isRequired = (type: FieldKind) => "required" in type && type.required === true;

function targetsOf(spec: RecordSpec, record: "main" | "event", prefix: string): ImportTarget[] {
  const out: ImportTarget[] = [
    {
      name: `${prefix}confidentiality`,
      record,
      field: "confidentiality",
      kind: "confidentiality",
      type: null,
      required: false,
    },
  ];
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.readOnly) continue;
    out.push({
      name: `${prefix}${name}`,
      record,
      field: name,
      kind: f.type.kind,
      type: f.type,
      required: isRequired(f.type),
    });
  }
  return out;
}

/**
 * The fields a column of a file of this type may fill. An acts file may carry its events' fields (`event.title`,
 * …): then an act needs no `eventId`, and rows sharing the event key column's value share one event.
 */
export function importTargets(type: ImportRecordType): ImportTarget[] {
  const main = targetsOf(importSpecs[type], "main", "");
  if (type !== "acts") return main;
  return [
    ...main.map((t) => (t.field === "eventId" ? { ...t, required: false } : t)),
    ...targetsOf(importSpecs.events, "event", "event."),
  ];
}

/** Terms of the vocabulary lists a mapping uses: code, and English and Korean labels (any case) → code. */
export type TermLookup = Map<string, Map<string, string>>;

const yes = new Set(["yes", "y", "true", "1", "x", "예", "네"]);
const no = new Set(["no", "n", "false", "0", "아니요", "아니오"]);
/** A cell written formula-safe by our exports (`'=…`) comes back as it was. */
const formulaGuard = /^'(?=[=+\-@\t\r])/;
const asCode = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export type Converted = { value: unknown } | { problem: FieldProblem } | null;

/**
 * A cell's text as the value of a field: dates with their precision ("about 2015"), yes/no, vocabulary terms by
 * code or label, lists split on semicolons. Null for an empty cell; a problem when the text cannot be that kind of
 * value (anything else is left for the record type's own schema to judge).
 * @example convertCell(target, "about 2015", terms) // { value: { value: "2015", precision: "approximate" } }
 */
export function convertCell(target: ImportTarget, raw: string, terms: TermLookup): Converted {
  const text = raw.trim().replace(formulaGuard, "");
  if (text === "") return null;
  const type = target.type;
  if (target.kind === "confidentiality") {
    const level = asCode(text);
    return (confidentialityLevels as readonly string[]).includes(level)
      ? { value: level }
      : { problem: { code: "field.invalid_value", params: { options: confidentialityLevels.join(", ") } } };
  }
  if (!type) return { value: text };
  switch (type.kind) {
    case "enum": {
      const code = asCode(text);
      return { value: type.values.find((v) => v === code) ?? text };
    }
    case "int":
      return /^[+-]?\d+$/.test(text)
        ? { value: Number(text) }
        : { problem: { code: "field.invalid_type", params: { expected: "number" } } };
    case "number": {
      const n = Number(text);
      return text !== "" && Number.isFinite(n)
        ? { value: n }
        : { problem: { code: "field.invalid_type", params: { expected: "number" } } };
    }
    case "bool": {
      const v = text.toLowerCase();
      if (yes.has(v)) return { value: true };
      if (no.has(v)) return { value: false };
      return { problem: { code: "field.invalid_value", params: { options: "yes, no" } } };
    }
    case "vocab": {
      if (/^\d{12}$/.test(text)) return { value: text };
      const code = terms.get(type.list)?.get(text.toLowerCase());
      return code
        ? { value: code }
        : { problem: { code: "field.unknown_term", params: { list: type.list } } };
    }
    case "date": {
      const d = parsePartialDate(text);
      return d ? { value: d } : { problem: { code: "field.invalid_date" } };
    }
    case "stringList":
      return {
        value: text
          .split(/[;|\r\n]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case "country":
      return { value: text.toUpperCase() };
    default:
      return { value: text };
  }
}

/** A field's value as a cell of an export: the same text an import reads back. */
export function exportCell(type: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (type.kind) {
    case "bool":
      return value ? "yes" : "no";
    case "date": {
      const d = value as { value: string; precision: string };
      return d.precision === "approximate" ? `about ${d.value}` : d.value;
    }
    case "stringList":
      return (value as string[]).join("; ");
    default:
      return String(value);
  }
}
