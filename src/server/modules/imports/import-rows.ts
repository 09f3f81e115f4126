import type { Tx } from "../../platform/db/any-db.js";
import type { FieldProblem } from "../../platform/errors/app-error.js";
import { type BatchProblem, type ImportBatch, type ImportType, newRecordId } from "./bulk-import.usecases.js";
import { convertCell, type ImportRecordType, type ImportTarget, importTargets } from "./import-fields.js";
import { createImportsRepository } from "./imports.repository.js";
import { isBlankRow, type TableRow } from "./table-reader.js";

/** Which column fills which field; for acts, the column whose value groups rows into events. */
export interface ColumnMapping {
  columns: { column: string; field: string }[];
  eventKey?: string | null | undefined;
}

/** One problem of a file, where a user finds it: line (1-based, the header is line 1), column, field. */
export interface RowError {
  line: number | null;
  column: string | null;
  field: string | null;
  code: string;
  params?: Record<string, string | number>;
}

/** Where a record of the batch came from: its line, and the column each of its fields was read from. */
interface Origin {
  line: number;
  columns: Map<string, string>;
  /** The column that made the record (an event's key column). */
  column?: string;
}

type Row = Record<string, unknown>;

/**
 * Problems of a mapping against a file's headers, named `mapping.…` as a form would: an unknown field, a column
 * the file lacks, a field filled twice, a required field filled by no column.
 */
export function mappingProblems(
  type: ImportRecordType,
  mapping: ColumnMapping,
  headers: readonly string[],
): Record<string, FieldProblem> {
  const targets = new Map(importTargets(type).map((t) => [t.name, t]));
  const have = new Set(headers);
  const out: Record<string, FieldProblem> = {};
  const filled = new Set<string>();
  mapping.columns.forEach(({ column, field }, i) => {
    if (!targets.has(field)) out[`mapping.columns.${i}.field`] = { code: "field.unknown" };
    else if (filled.has(field)) out[`mapping.columns.${i}.field`] = { code: "field.taken" };
    if (!have.has(column))
      out[`mapping.columns.${i}.column`] = { code: "field.import_no_column", params: { column } };
    filled.add(field);
  });
  if (mapping.eventKey && !have.has(mapping.eventKey))
    out["mapping.eventKey"] = { code: "field.import_no_column", params: { column: mapping.eventKey } };
  const withEvents = type === "acts" && [...filled].some((f) => f.startsWith("event."));
  for (const t of targets.values()) {
    const needed = t.required && (t.record === "main" || withEvents || Boolean(mapping.eventKey) === true);
    if (needed && !filled.has(t.name)) out[`mapping.${t.name}`] = { code: "field.required" };
  }
  if (type === "acts" && !withEvents && !mapping.eventKey && !filled.has("eventId"))
    out["mapping.eventId"] = { code: "field.required" };
  return out;
}

/** The rows of a file as a batch of new records, with where each came from and the cells that could not be read. */
export interface BuiltBatch {
  batch: ImportBatch;
  origins: Partial<Record<ImportType, Origin[]>>;
  errors: RowError[];
  rows: number;
}

/**
 * Reads a file's data rows (after its header) into records through the mapping: cells converted to field values,
 * acts grouped into events by the key column, persons referred to by id or by their code. Reports each row as read.
 */
export async function buildBatch({
  db,
  mandateId,
  type,
  mapping,
  headers,
  rows,
  onRow,
}: {
  db: Tx;
  mandateId: string;
  type: ImportRecordType;
  mapping: ColumnMapping;
  headers: readonly string[];
  rows: AsyncIterable<TableRow>;
  onRow?: (rows: number) => Promise<void> | void;
}): Promise<BuiltBatch> {
  const repo = createImportsRepository({ db });
  const targets = new Map(importTargets(type).map((t) => [t.name, t]));
  const used = mapping.columns
    .map(({ column, field }) => ({ column, index: headers.indexOf(column), target: targets.get(field) }))
    .filter((u): u is { column: string; index: number; target: ImportTarget } => u.index >= 0 && !!u.target);
  const lists = [
    ...new Set(used.flatMap((u) => (u.target.type?.kind === "vocab" ? [u.target.type.list] : []))),
  ];
  const terms = await repo.termLookup(lists);
  const keyIndex = mapping.eventKey ? headers.indexOf(mapping.eventKey) : -1;
  const withEvents = type === "acts" && used.some((u) => u.target.record === "event");
  const records: Row[] = [];
  const recordOrigins: Origin[] = [];
  const events: Row[] = [];
  const eventOrigins: Origin[] = [];
  const eventByKey = new Map<string, number>();
  const errors: RowError[] = [];
  // Every record takes its fields from the same columns: one map for all of them.
  const mainColumns = new Map(
    used.filter((u) => u.target.record === "main").map((u) => [u.target.field, u.column]),
  );
  const eventColumns = new Map(
    used.filter((u) => u.target.record === "event").map((u) => [u.target.field, u.column]),
  );
  let count = 0;
  for await (const { line, cells } of rows) {
    if (isBlankRow(cells)) continue;
    count++;
    const record: Row = {};
    const event: Row = {};
    for (const { column, index, target } of used) {
      const converted = convertCell(target, cells[index] ?? "", terms);
      const into = target.record === "event" ? event : record;
      if (!converted) continue;
      if ("problem" in converted) errors.push({ line, column, field: target.name, ...converted.problem });
      else into[target.field] = converted.value;
    }
    if (withEvents || keyIndex >= 0) {
      const key = keyIndex >= 0 ? (cells[keyIndex] ?? "").trim() : "";
      const known = key ? eventByKey.get(key) : undefined;
      if (known === undefined) {
        const id = newRecordId();
        events.push({ id, ...event });
        eventOrigins.push({
          line,
          columns: eventColumns,
          ...(mapping.eventKey ? { column: mapping.eventKey } : {}),
        });
        if (key) eventByKey.set(key, events.length - 1);
        record.eventId = id;
      } else {
        const first = events[known] as Row;
        const firstLine = eventOrigins[known]?.line ?? line;
        for (const [field, value] of Object.entries(event))
          if (JSON.stringify(first[field]) !== JSON.stringify(value))
            errors.push({
              line,
              column: eventColumns.get(field) ?? null,
              field: `event.${field}`,
              code: "field.import_event_conflict",
              params: { line: firstLine },
            });
        record.eventId = first.id;
      }
    }
    records.push(record);
    recordOrigins.push({ line, columns: mainColumns });
    if (count % 1000 === 0) await onRow?.(count);
  }
  await onRow?.(count);
  await resolvePersonCodes(db, mandateId, type, records);
  const batch: ImportBatch = { [type]: records };
  const origins: BuiltBatch["origins"] = { [type]: recordOrigins };
  if (events.length) {
    batch.events = events;
    origins.events = eventOrigins;
  }
  return { batch, origins, errors, rows: count };
}

/** References to persons may name a person by its code (W-2017-014) rather than its id. */
async function resolvePersonCodes(db: Tx, mandateId: string, type: ImportRecordType, records: Row[]) {
  const refs = importTargets(type).filter(
    (t) => t.record === "main" && t.type?.kind === "ref" && t.type.table === "persons",
  );
  if (!refs.length) return;
  const values = new Set<string>();
  for (const r of records)
    for (const t of refs) if (typeof r[t.field] === "string") values.add(r[t.field] as string);
  if (!values.size) return;
  const ids = await createImportsRepository({ db }).personIdsByIdOrCode(mandateId, [...values]);
  for (const r of records)
    for (const t of refs) {
      const v = r[t.field];
      if (typeof v === "string") r[t.field] = ids.get(v) ?? v;
    }
}

/** A problem of the record checks, located in the file through the record's origin. */
export function locateProblem(p: BatchProblem, built: BuiltBatch, type: ImportRecordType): RowError {
  const origin = built.origins[p.plural]?.[p.index];
  const field = p.field.split(".")[0] ?? p.field;
  const asEvent = type === "acts" && p.plural === "events";
  return {
    line: origin?.line ?? null,
    column: origin?.columns.get(field) ?? origin?.column ?? null,
    field: asEvent ? `event.${p.field}` : p.field,
    code: p.problem.code,
    ...(p.problem.params ? { params: p.problem.params } : {}),
  };
}

/** Errors in file order, one per line and field (the first found wins), at most `max`. */
export function sortErrors(errors: RowError[], max: number): { errors: RowError[]; truncated: boolean } {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.line}:${e.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { errors: unique.slice(0, max), truncated: unique.length > max };
}
