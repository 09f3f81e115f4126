import { v7 as uuidv7 } from "uuid";
import {
  type Actor,
  abilitiesOn,
  type Confidentiality,
  confidentialityLevels,
  isAuditedLevel,
  roleRules,
  writableUpTo,
} from "../access/access.policies.js";
import { loadRestrictions, replaceRestrictions } from "../access/access.repository.js";
import { type AuditEntry, writeAudit } from "../audit/audit.repository.js";
import { type Tx, untyped } from "../db/any-db.js";
import type { Db } from "../db/database.js";
import { nowIso } from "../db/time.js";
import { inTransaction } from "../db/transaction.js";
import { AppError, conflict, type FieldProblem, forbidden, validationFailed } from "../errors/app-error.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { changedFields, toColumns } from "./record-mapper.js";
import type { RecordSpec } from "./record-spec.js";
import { checkFieldValues } from "./record-validation.js";
import { type PresentedRecord, presentRecord } from "./records.presenters.js";
import { createRecordsRepository } from "./records.repository.js";

type Row = Record<string, unknown>;

export type { PresentedRecord };

const notFound = (spec: RecordSpec) => new AppError(`${spec.plural}.not_found`, 404);
const rank = (c: string) => confidentialityLevels.indexOf(c as Confidentiality);
/** What access rules need to know of a stored record row. */
export const factsOfRow = (row: Row) => ({
  mandateId: (row.mandate_id as string | null) ?? null,
  confidentiality: String(row.confidentiality),
  restricted: Number(row.restricted) === 1,
  // A restricted row that passed the access filter is one the actor is listed on.
  actorListed: Number(row.restricted) === 1,
  builtIn: Number(row.built_in ?? 0) === 1,
});

async function presentRows(db: Tx, actor: Actor, spec: RecordSpec, rows: Row[], via: "get" | "list") {
  const ids = rows.map((r) => String(r.id));
  const restrictions = await loadRestrictions(
    untyped(db),
    rows.filter((r) => Number(r.restricted) === 1).map((r) => String(r.id)),
  );
  const extras = spec.enrich ? await spec.enrich(db, ids) : new Map<string, Row>();
  const audits: AuditEntry[] = rows
    .filter((r) => isAuditedLevel(String(r.confidentiality)))
    .map((r) => ({
      action: via === "get" ? "read" : "read.list",
      recordType: spec.type,
      recordId: String(r.id),
      mandateId: (r.mandate_id as string | null) ?? null,
    }));
  await writeAudit(db, actor, audits);
  return rows.map((r) =>
    presentRecord(
      spec,
      r,
      abilitiesOn(actor, factsOfRow(r)),
      Number(r.restricted) === 1 ? (restrictions.get(String(r.id)) ?? []) : null,
      extras.get(String(r.id)),
    ),
  );
}

export interface ListQuery {
  mandateId?: string | undefined;
  confidentiality?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  order?: "asc" | "desc" | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  [filter: string]: unknown;
}

/**
 * Lists the records the actor may read, newest change first unless sorted otherwise, one keyset page at a time.
 * @example await listRecords({ db, actor, spec: personSpec, query: { mandateId, limit: 50 } });
 */
export async function listRecords({
  db,
  actor,
  spec,
  query,
}: {
  db: Db;
  actor: Actor;
  spec: RecordSpec;
  query: ListQuery;
}) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !after) throw validationFailed({}, { cursor: { code: "field.invalid_format" } });
  const sortField = query.sort ?? "updatedAt";
  const sortColumn =
    sortField === "updatedAt"
      ? "updated_at"
      : sortField === "createdAt"
        ? "created_at"
        : (spec.fields[sortField]?.column ?? "updated_at");
  const filters: Record<string, string> = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    const v = query[name];
    if (f.filter && typeof v === "string") filters[f.column] = v;
  }
  const limit = query.limit ?? 50;
  const descending = (query.order ?? (query.sort ? "asc" : "desc")) === "desc";
  return inTransaction(db, async (trx) => {
    const rows = await createRecordsRepository({ db: trx }).listReadable(actor, spec, {
      mandateId: query.mandateId,
      ids: typeof query.ids === "string" ? query.ids.split(",") : undefined,
      confidentiality: query.confidentiality,
      q: query.q,
      filters,
      sortColumn,
      descending,
      after,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor(String(last[sortColumn] ?? ""), String(last.id)) : null;
    return { items: await presentRows(trx, actor, spec, page, "list"), nextCursor };
  });
}

/** One record, or `{plural}.not_found` for what does not exist and for what the actor may not read alike. */
export async function getRecord({
  db,
  actor,
  spec,
  id,
}: {
  db: Db;
  actor: Actor;
  spec: RecordSpec;
  id: string;
}) {
  return inTransaction(db, async (trx) => {
    const row = await createRecordsRepository({ db: trx }).findReadable(actor, spec, id);
    if (!row) throw notFound(spec);
    const [presented] = await presentRows(trx, actor, spec, [row], "get");
    return presented as PresentedRecord;
  });
}

async function checkRestriction(
  trx: Tx,
  actor: Actor,
  mandateId: string,
  restrictedTo: string[] | null | undefined,
): Promise<{ list: string[] | null | undefined; problems: Record<string, FieldProblem> }> {
  if (restrictedTo === undefined) return { list: undefined, problems: {} };
  const role = actor.memberships.get(mandateId);
  if (!role || !roleRules[role].restrict) throw forbidden();
  if (restrictedTo === null) return { list: null, problems: {} };
  const list = [...new Set([actor.userId, ...restrictedTo])];
  const members = await createRecordsRepository({ db: trx }).membersOf(mandateId, list);
  const outsiders = list.filter((u) => !members.has(u));
  return {
    list,
    problems: outsiders.length ? { restrictedTo: { code: "field.unknown_reference" } } : {},
  };
}

function checkLevel(actor: Actor, mandateId: string, level: string): Record<string, FieldProblem> {
  const max = writableUpTo(actor, mandateId);
  if (max === null) throw forbidden();
  return rank(level) > rank(max)
    ? {
        confidentiality: {
          code: "field.invalid_value",
          params: { options: confidentialityLevels.slice(0, rank(max) + 1).join(", ") },
        },
      }
    : {};
}

/** Creates a record in a mandate the actor writes in; the row, its restriction list and its audit row commit together. */
export async function createRecord({
  db,
  actor,
  spec,
  input,
}: {
  db: Db;
  actor: Actor;
  spec: RecordSpec;
  input: Row;
}) {
  const mandateId = String(input.mandateId);
  if (!actor.memberships.has(mandateId))
    throw validationFailed({}, { mandateId: { code: "field.unknown_reference" } });
  const id = await inTransaction(db, async (trx) => {
    const repo = createRecordsRepository({ db: trx });
    const level = (input.confidentiality as string | undefined) ?? spec.defaultConfidentiality;
    const levelProblems = checkLevel(actor, mandateId, level);
    const restriction = await checkRestriction(
      trx,
      actor,
      mandateId,
      input.restrictedTo as string[] | null | undefined,
    );
    const problems = {
      ...levelProblems,
      ...restriction.problems,
      ...(await checkFieldValues(trx, repo, actor, spec, mandateId, input)),
      ...((await spec.check?.(input, { db: trx, actor, mandateId })) ?? {}),
    };
    if (Object.keys(problems).length) throw validationFailed({}, problems);
    const id = uuidv7();
    const now = nowIso();
    const restricted = Array.isArray(restriction.list) && restriction.list.length > 0;
    await repo.insert(spec, {
      ...toColumns(spec, input),
      id,
      mandate_id: mandateId,
      confidentiality: level,
      restricted: restricted ? 1 : 0,
      version: 1,
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
      ...(spec.builtIn ? { built_in: 0 } : {}),
    });
    if (restricted && restriction.list)
      await replaceRestrictions(untyped(trx), spec.type, id, restriction.list);
    const fields = Object.keys(spec.fields).filter((k) => input[k] !== undefined && input[k] !== null);
    await writeAudit(trx, actor, [
      { action: "create", recordType: spec.type, recordId: id, mandateId, fields },
    ]);
    await spec.afterWrite?.(trx, id);
    return id;
  });
  return getRecord({ db, actor, spec, id });
}

/** Changes the given fields of a record; `version`, when sent, must match or nothing is written (409). */
export async function updateRecord({
  db,
  actor,
  spec,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  spec: RecordSpec;
  id: string;
  input: Row;
}) {
  await inTransaction(db, async (trx) => {
    const repo = createRecordsRepository({ db: trx });
    const existing = await repo.findReadable(actor, spec, id);
    if (!existing) throw notFound(spec);
    if (!abilitiesOn(actor, factsOfRow(existing)).update) throw forbidden();
    const mandateId = String(existing.mandate_id);
    const version = Number(existing.version);
    if (input.version !== undefined && input.version !== version) throw conflict();
    const level = (input.confidentiality as string | undefined) ?? String(existing.confidentiality);
    const restriction = await checkRestriction(
      trx,
      actor,
      mandateId,
      input.restrictedTo as string[] | null | undefined,
    );
    const problems = {
      ...(input.confidentiality !== undefined ? checkLevel(actor, mandateId, level) : {}),
      ...restriction.problems,
      ...(await checkFieldValues(trx, repo, actor, spec, mandateId, changedInput(spec, existing, input), id)),
      ...((await spec.check?.(input, { db: trx, actor, mandateId, existing })) ?? {}),
    };
    if (Object.keys(problems).length) throw validationFailed({}, problems);
    const values = toColumns(spec, input);
    const fields = changedFields(spec, existing, values);
    if (level !== existing.confidentiality) fields.push("confidentiality");
    const restrictedNow =
      restriction.list === undefined
        ? Number(existing.restricted) === 1
        : Array.isArray(restriction.list) && restriction.list.length > 0;
    if (restriction.list !== undefined) fields.push("restrictedTo");
    if (!fields.length) return;
    const ok = await repo.update(spec, id, version, {
      ...values,
      confidentiality: level,
      restricted: restrictedNow ? 1 : 0,
      updated_by: actor.userId,
      updated_at: nowIso(),
    });
    if (!ok) throw conflict();
    if (restriction.list !== undefined)
      await replaceRestrictions(untyped(trx), spec.type, id, restriction.list ?? []);
    await writeAudit(trx, actor, [
      { action: "update", recordType: spec.type, recordId: id, mandateId, fields },
    ]);
    await spec.afterWrite?.(trx, id);
  });
  return getRecord({ db, actor, spec, id });
}

/** Only the fields whose value changes need their references re-checked: a retired term already in use may stay. */
function changedInput(spec: RecordSpec, existing: Row, input: Row): Row {
  const changed = new Set(changedFields(spec, existing, toColumns(spec, input)));
  return Object.fromEntries(Object.entries(input).filter(([k]) => changed.has(k) || !(k in spec.fields)));
}
