import type { ImportMappingsTable } from "../../platform/db/schema-imports.types.js";
import { type Locale, translate } from "../../platform/i18n/messages.js";
import { type ImportRecordType, type ImportTarget, importTargets } from "./import-fields.js";
import type { RowError } from "./import-rows.js";
import type { RunView } from "./import-runs.usecases.js";

/** An error of a file in the caller's language; never the cell's value. */
export const presentRowError = (e: RowError, locale: Locale) => ({
  line: e.line,
  column: e.column,
  field: e.field,
  code: e.code,
  message: translate(locale, e.code, e.params ?? {}),
});

export const presentTarget = (t: ImportTarget) => ({
  name: t.name,
  record: t.record,
  kind: t.kind,
  required: t.required,
  list: t.type?.kind === "vocab" ? t.type.list : null,
  values: t.type?.kind === "enum" ? [...t.type.values] : null,
});

export const presentTargets = (type: ImportRecordType) => importTargets(type).map(presentTarget);

const parse = <T>(json: string | null | undefined, fallback: T): T =>
  json ? (JSON.parse(json) as T) : fallback;

/** Share of the work done: reading is the first 40 %, checking the next 30 %, writing the last 30 %. */
function percentOf(phase: string, done: number, total: number) {
  const part = total > 0 ? Math.min(1, done / total) : 0;
  const [start, width] = (
    { reading: [0, 40], checking: [40, 30], writing: [70, 30] } as Record<string, number[]>
  )[phase] ?? [100, 0];
  return Math.floor((start ?? 100) + (width ?? 0) * part);
}

/** A run with its progress (live when this process runs it) and, once finished, its report. */
export function presentRun(view: RunView, locale: Locale, options: { ids: boolean }) {
  const { row, live, interrupted } = view;
  const errors = interrupted
    ? [{ line: null, column: null, field: null, code: "imports.interrupted" }]
    : parse<RowError[]>(row.errors, []);
  const status = interrupted ? "failed" : row.status;
  const progress = live ?? {
    phase: status === "running" ? row.phase : "done",
    done: row.rows_done,
    total: row.rows_total,
  };
  const mapping = parse<{
    name: string | null;
    columns: { column: string; field: string }[];
    eventKey: string | null;
  }>(row.mapping, { name: null, columns: [], eventKey: null });
  return {
    id: row.id,
    mandateId: row.mandate_id,
    type: row.record_type,
    filename: row.filename,
    format: row.format,
    encoding: row.encoding,
    status,
    progress: { ...progress, percent: percentOf(progress.phase, progress.done, progress.total) },
    rowsTotal: row.rows_total,
    mapping: {
      name: mapping.name ?? null,
      columns: mapping.columns ?? [],
      eventKey: mapping.eventKey ?? null,
    },
    counts: parse<Record<string, number>>(row.counts, {}),
    ...(options.ids && "created_ids" in row
      ? { createdIds: parse<Record<string, string[]>>(row.created_ids as string | null, {}) }
      : {}),
    errors: errors.map((e) => presentRowError(e, locale)),
    startedBy: row.started_by,
    startedByName: row.started_by_name ?? null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export const presentMapping = (m: ImportMappingsTable) => ({
  id: m.id,
  mandateId: m.mandate_id,
  type: m.record_type,
  name: m.name,
  columns: parse<{ column: string; field: string }[]>(m.columns, []),
  eventKey: m.event_key,
  updatedAt: m.updated_at,
  updatedBy: m.updated_by,
});
