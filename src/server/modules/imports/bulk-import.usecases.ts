import { v7 as uuidv7 } from "uuid";
import {
  type AccessFacts,
  type Actor,
  abilitiesOn,
  confidentialityLevels,
  writableUpTo,
} from "../../platform/access/access.policies.js";
import { loadAccessFacts } from "../../platform/access/access.repository.js";
import { type AuditEntry, writeAudit } from "../../platform/audit/audit.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { giveTurn } from "../../platform/db/turns.js";
import { type FieldProblem, forbidden, validationFailed } from "../../platform/errors/app-error.js";
import { fieldProblemsFrom } from "../../platform/http/validation-errors.js";
import { toColumns } from "../../platform/records/record-mapper.js";
import { createBodySchema } from "../../platform/records/record-schemas.js";
import type { RecordSpec } from "../../platform/records/record-spec.js";
import { actSpec } from "../acts/acts.schemas.js";
import { eventSpec } from "../events/events.schemas.js";
import { involvementSpec } from "../involvements/involvements.schemas.js";
import { personSpec } from "../persons/persons.schemas.js";
import { recommendationSpec } from "../recommendations/recommendations.schemas.js";
import { type Indexed, indexedFromRows, indexInsertedRows } from "../search/search-index.usecases.js";
import { sourceSpec } from "../sources/sources.schemas.js";
import { createBulkImportRepository, rowsPerInsert } from "./bulk-import.repository.js";

type Row = Record<string, unknown>;

/** Record types in the order they are written, so every reference points to a row already there. */
export const importSpecs = {
  persons: personSpec,
  sources: sourceSpec,
  events: eventSpec,
  acts: actSpec,
  involvements: involvementSpec,
  recommendations: recommendationSpec,
} as const;
export type ImportType = keyof typeof importSpecs;
export type ImportBatch = Partial<Record<ImportType, Row[]>>;

/** Random bytes for new ids, drawn in bulk: one call to the system's generator per 4,096 ids, not one per id. */
const randomPool = new Uint8Array(65_536);
let poolAt = randomPool.length;
/** A UUIDv7 (time-ordered) for a new record of a batch. */
export function newRecordId(): string {
  if (poolAt + 16 > randomPool.length) {
    crypto.getRandomValues(randomPool);
    poolAt = 0;
  }
  poolAt += 16;
  return uuidv7({ random: randomPool.subarray(poolAt - 16, poolAt) });
}

/** Ids an import may choose for its records (a file's own keys are mapped to these). */
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
/** Ids per access lookup: well under SQLite's bound-parameter limit. */
const idsPerLookup = 1000;
const rank = (level: string) =>
  confidentialityLevels.indexOf(level as (typeof confidentialityLevels)[number]);
/**
 * Search documents are written in bulk for these types (an involvement lives in its act's document); other types
 * run their own `afterWrite`, if they have one.
 */
const indexedTypes: Partial<Record<ImportType, Indexed | null>> = {
  persons: "person",
  sources: "source",
  events: "event",
  acts: "act",
  involvements: null,
  recommendations: "recommendation",
};

export interface PreparedBatch {
  spec: RecordSpec;
  plural: ImportType;
  rows: { id: string; input: Row }[];
}

/** One problem of a batch: which record (type and position in its list), which field, and what. */
export interface BatchProblem {
  plural: ImportType;
  index: number;
  field: string;
  problem: FieldProblem;
}

/**
 * Field checks of a whole batch at once: zod shape, vocabulary terms, references, levels, unique codes, cross-field
 * checks. Every row is checked; the first `maxProblems` problems are kept. `onChecked` hears of rows as they pass;
 * other requests get their turn every 1,000 rows.
 */
export async function checkBatch({
  db,
  actor,
  mandateId,
  batch,
  maxProblems = 100,
  onChecked,
}: {
  db: Tx;
  actor: Actor;
  mandateId: string;
  batch: ImportBatch;
  maxProblems?: number;
  onChecked?: (rows: number) => void;
}): Promise<{ problems: BatchProblem[]; prepared: PreparedBatch[] }> {
  const repo = createBulkImportRepository({ db });
  const problems: BatchProblem[] = [];
  const seenProblems = new Set<string>();
  const say = (plural: ImportType, index: number, field: string, problem: FieldProblem) => {
    const key = `${plural}[${index}].${field}`;
    if (problems.length >= maxProblems || seenProblems.has(key)) return;
    seenProblems.add(key);
    problems.push({ plural, index, field, problem });
  };
  const maxLevel = writableUpTo(actor, mandateId);
  const created = new Map<string, Set<string>>();
  const prepared: PreparedBatch[] = [];
  let checked = 0;
  for (const [plural, spec] of Object.entries(importSpecs) as [ImportType, RecordSpec][]) {
    const rows: { id: string; input: Row; valid: boolean }[] = [];
    for (const [i, raw] of (batch[plural] ?? []).entries()) {
      const { id, ...fields } = raw;
      const input: Row = { ...fields, mandateId };
      const parsed = createBodySchema(spec).safeParse(input);
      if (!parsed.success) {
        const items = parsed.error.issues.map((issue) => ({
          keyword: issue.code,
          instancePath: `/${issue.path.join("/")}`,
          message: issue.message,
          params: issue as unknown as Record<string, unknown>,
        }));
        for (const [field, p] of Object.entries(fieldProblemsFrom(items))) say(plural, i, field, p);
      }
      const level = String(input.confidentiality ?? spec.defaultConfidentiality);
      if (maxLevel && rank(level) > rank(maxLevel))
        say(plural, i, "confidentiality", { code: "field.invalid_value", params: { options: maxLevel } });
      if (Array.isArray(input.restrictedTo) && input.restrictedTo.length)
        say(plural, i, "restrictedTo", { code: "import.restriction_unsupported" });
      if (id !== undefined && (typeof id !== "string" || !idPattern.test(id)))
        say(plural, i, "id", { code: "field.invalid_format" });
      rows.push({
        id: typeof id === "string" && id ? id : newRecordId(),
        input: parsed.success ? parsed.data : input,
        valid: parsed.success,
      });
      if (++checked % 1000 === 0) {
        onChecked?.(checked);
        await giveTurn();
      }
    }
    const ids = new Set(rows.map((r) => r.id));
    created.set(spec.table, new Set([...(created.get(spec.table) ?? []), ...ids]));
    for (const [name, f] of Object.entries(spec.fields)) {
      if (f.type.kind !== "vocab" && f.type.kind !== "ref") continue;
      const values = rows.map((r) => r.input[name]).filter((v) => v !== null && v !== undefined);
      if (!values.length) continue;
      if (f.type.kind === "vocab") {
        const list = f.type.list;
        const active = await repo.activeTerms(list);
        rows.forEach((r, i) => {
          const v = r.input[name];
          if (v !== null && v !== undefined && !active.has(String(v)))
            say(plural, i, name, { code: "field.unknown_term", params: { list } });
        });
      } else if (f.type.kind === "ref") {
        const table = f.type.table;
        const fresh = created.get(table) ?? new Set();
        const outside = [...new Set(values.map(String).filter((v) => !fresh.has(v)))];
        const facts = new Map<string, AccessFacts>();
        for (let i = 0; i < outside.length; i += idsPerLookup) {
          const part = await loadAccessFacts(untyped(db), actor, table, outside.slice(i, i + idsPerLookup), {
            builtIn: f.type.builtIn === true,
          });
          for (const [k, v] of part) facts.set(k, v);
        }
        rows.forEach((r, i) => {
          const v = r.input[name];
          if (v === null || v === undefined || fresh.has(String(v))) return;
          const target = facts.get(String(v));
          if (!target || !abilitiesOn(actor, target).read)
            say(plural, i, name, { code: "field.unknown_reference" });
          else if (!target.builtIn && target.mandateId !== mandateId)
            say(plural, i, name, { code: "field.other_mandate" });
        });
      }
    }
    for (const name of spec.unique ?? []) {
      const column = spec.fields[name]?.column ?? name;
      const seen = new Set<string>();
      const taken = await repo.takenValues(
        spec.table,
        mandateId,
        column,
        rows.map((r) => String(r.input[name])),
      );
      rows.forEach((r, i) => {
        const v = String(r.input[name]);
        if (seen.has(v) || taken.has(v)) say(plural, i, name, { code: "field.taken" });
        seen.add(v);
      });
    }
    for (const [i, r] of rows.entries()) {
      // Cross-field checks judge valid values only: an invalid one is already reported, and would cascade.
      if (!r.valid || !spec.check) continue;
      const checked = spec.check(r.input, { db, actor, mandateId });
      const extra = checked instanceof Promise ? await checked : checked;
      for (const [field, p] of Object.entries(extra)) say(plural, i, field, p);
    }
    prepared.push({ spec, plural, rows: rows.map(({ id, input }) => ({ id, input })) });
  }
  onChecked?.(checked);
  return { problems, prepared };
}

/**
 * Writes checked records in the caller's transaction: multi-row inserts, an audit row per record, their search
 * documents. `onWritten` hears of rows as they are inserted; other requests get their turn between the statements.
 */
export async function writeBatch({
  trx,
  actor,
  mandateId,
  prepared,
  onWritten,
}: {
  trx: Tx;
  actor: Actor;
  mandateId: string;
  prepared: PreparedBatch[];
  onWritten?: (rows: number) => void;
}): Promise<{ counts: Record<ImportType, number>; ids: Partial<Record<ImportType, string[]>> }> {
  const repo = createBulkImportRepository({ db: trx });
  const now = nowIso();
  const counts = {} as Record<ImportType, number>;
  const ids: Partial<Record<ImportType, string[]>> = {};
  let written = 0;
  // Kept only for the types whose search documents are made from the rows written.
  const writtenRows = new Map<ImportType, Row[]>();
  for (const { spec, plural, rows } of prepared) {
    counts[plural] = rows.length;
    if (rows.length) ids[plural] = rows.map((r) => r.id);
    const columnRows = rows.map((r) => {
      // Filled in place: spreading tens of thousands of rows into new objects costs more than the inserts.
      const row = toColumns(spec, r.input);
      row.id = r.id;
      row.mandate_id = mandateId;
      row.confidentiality = String(r.input.confidentiality ?? spec.defaultConfidentiality);
      row.restricted = 0;
      row.version = 1;
      row.created_by = actor.userId;
      row.created_at = now;
      row.updated_by = actor.userId;
      row.updated_at = now;
      return row;
    });
    const type = indexedTypes[plural];
    if (type && indexedFromRows(type)) writtenRows.set(plural, columnRows);
    for (let i = 0; i < columnRows.length; i += rowsPerInsert) {
      await repo.insertRows(spec.table, columnRows.slice(i, i + rowsPerInsert), (n) =>
        onWritten?.(written + i + n),
      );
      await giveTurn();
    }
    written += rows.length;
    const names = Object.keys(spec.fields);
    const audit: AuditEntry[] = rows.map((r) => ({
      action: "create",
      recordType: spec.type,
      recordId: r.id,
      mandateId,
      fields: names.filter((k) => r.input[k] !== undefined && r.input[k] !== null),
    }));
    for (let i = 0; i < audit.length; i += 1000) {
      await writeAudit(trx, actor, audit.slice(i, i + 1000));
      onWritten?.(written);
      await giveTurn();
    }
  }
  for (const { spec, plural, rows } of prepared) {
    const type = indexedTypes[plural];
    if (type) {
      const indexed: readonly Row[] = writtenRows.get(plural) ?? rows;
      for (let i = 0; i < indexed.length; i += 2000) {
        await indexInsertedRows(trx, type, indexed.slice(i, i + 2000));
        onWritten?.(written);
        await giveTurn();
      }
    } else if (type === undefined && spec.afterWrite) for (const r of rows) await spec.afterWrite(trx, r.id);
  }
  return { counts, ids };
}

/**
 * Writes a batch of new records in one transaction: all of them or, at the first problem found anywhere in the
 * batch, none. Each record gets its audit row and its search document in the same transaction.
 */
export async function importRecords({
  db,
  actor,
  mandateId,
  batch,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  batch: ImportBatch;
}): Promise<Record<ImportType, number>> {
  if (!writableUpTo(actor, mandateId)) throw forbidden();
  return inTransaction(db, async (trx) => {
    const { problems, prepared } = await checkBatch({ db: trx, actor, mandateId, batch });
    if (problems.length) {
      const fields: Record<string, FieldProblem> = {};
      for (const p of problems) fields[`${p.plural}[${p.index}].${p.field}`] = p.problem;
      throw validationFailed({}, fields);
    }
    return (await writeBatch({ trx, actor, mandateId, prepared })).counts;
  });
}
