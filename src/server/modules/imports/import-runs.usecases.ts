import { v7 as uuidv7 } from "uuid";
import { type Actor, writableUpTo } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { forbidden, validationFailed } from "../../platform/errors/app-error.js";
import { type ImportRecordType, importTargets } from "./import-fields.js";
import { type ImportProgress, liveImports } from "./import-pipeline.js";
import type { ColumnMapping } from "./import-rows.js";
import { importNotFound } from "./imports.errors.js";
import { createImportsRepository } from "./imports.repository.js";

/** A running run whose row has not moved for this long, and that no process here executes, was interrupted. */
const staleAfterMs = 15 * 60 * 1000;

const isMember = (actor: Actor, mandateId: string) => actor.memberships.has(mandateId);

type ImportsRepository = ReturnType<typeof createImportsRepository>;
type RunRow =
  | NonNullable<Awaited<ReturnType<ImportsRepository["findRun"]>>>
  | Awaited<ReturnType<ImportsRepository["listRuns"]>>[number];

/** A run as stored, with the live progress of this process over it, and whether it was interrupted. */
export interface RunView {
  row: RunRow;
  live: ImportProgress | null;
  interrupted: boolean;
}

function withProgress(row: RunRow): RunView {
  const live = liveImports.get(row.id);
  const interrupted =
    row.status === "running" && !live && Date.now() - Date.parse(row.updated_at) > staleAfterMs;
  return { row, live: live ?? null, interrupted };
}

/** One import run of a mandate the caller belongs to: progress while it runs, then its report. */
export async function getImportRun({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const row = await createImportsRepository({ db }).findRun(id);
  if (!row || !isMember(actor, row.mandate_id)) throw importNotFound();
  return withProgress(row);
}

/** Import runs of one mandate (or of all the caller's mandates), newest first. */
export async function listImportRuns({
  db,
  actor,
  mandateId,
  limit,
}: {
  db: Db;
  actor: Actor;
  mandateId?: string | undefined;
  limit: number;
}) {
  if (mandateId && !isMember(actor, mandateId)) throw forbidden();
  const mandates = mandateId ? [mandateId] : [...actor.memberships.keys()];
  const rows = await createImportsRepository({ db }).listRuns(mandates, limit);
  return rows.map(withProgress);
}

/** Saved mappings of a mandate, for one record type or all. */
export async function listImportMappings({
  db,
  actor,
  mandateId,
  type,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  type?: ImportRecordType | undefined;
}) {
  if (!isMember(actor, mandateId)) throw forbidden();
  return createImportsRepository({ db }).listMappings(mandateId, type);
}

/** A saved mapping by its name, or `imports.not_found`. */
export async function findImportMapping({
  db,
  actor,
  mandateId,
  type,
  name,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  type: ImportRecordType;
  name: string;
}) {
  if (!isMember(actor, mandateId)) throw forbidden();
  const row = await createImportsRepository({ db }).findMappingByName(mandateId, type, name);
  if (!row) throw importNotFound();
  return row;
}

/**
 * Saves a column mapping under a name for a mandate and record type, replacing the one of the same name: the next
 * file with the same headers is mapped in one step. Audited.
 */
export async function saveImportMapping({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { mandateId: string; type: ImportRecordType; name: string } & ColumnMapping;
}) {
  if (!writableUpTo(actor, input.mandateId)) throw forbidden();
  const known = new Set(importTargets(input.type).map((t) => t.name));
  const problems: Record<string, { code: string }> = {};
  const seen = new Set<string>();
  input.columns.forEach((c, i) => {
    if (!known.has(c.field)) problems[`columns.${i}.field`] = { code: "field.unknown" };
    else if (seen.has(c.field)) problems[`columns.${i}.field`] = { code: "field.taken" };
    seen.add(c.field);
  });
  if (Object.keys(problems).length) throw validationFailed({}, problems);
  return inTransaction(db, async (trx) => {
    const repo = createImportsRepository({ db: trx });
    const existing = await repo.findMappingByName(input.mandateId, input.type, input.name);
    const now = nowIso();
    const values = {
      columns: JSON.stringify(input.columns),
      event_key: input.eventKey ?? null,
      updated_by: actor.userId,
      updated_at: now,
    };
    const id = existing?.id ?? uuidv7();
    if (existing) await repo.updateMapping(id, values);
    else
      await repo.insertMapping({
        id,
        mandate_id: input.mandateId,
        record_type: input.type,
        name: input.name,
        created_by: actor.userId,
        created_at: now,
        ...values,
      });
    await writeAudit(trx, actor, [
      {
        action: existing ? "update" : "create",
        recordType: "import_mapping",
        recordId: id,
        mandateId: input.mandateId,
        fields: ["columns", "eventKey"],
      },
    ]);
    return (await repo.findMappingByName(input.mandateId, input.type, input.name)) as NonNullable<
      typeof existing
    >;
  });
}
