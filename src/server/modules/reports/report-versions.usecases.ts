import { v7 as uuidv7 } from "uuid";
import type { ReportBody } from "../../../shared/report-body.js";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import type { ReportsTable } from "../../platform/db/schema-reports.types.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError, conflict, forbidden } from "../../platform/errors/app-error.js";
import { diffReports, type ReportSnapshot } from "./report-diff.js";
import { writeReport } from "./report-writes.js";
import { createReportsRepository } from "./reports.repository.js";
import { changeableReport, contentOf, parseBody, readableReport } from "./reports.usecases.js";

const versionNotFound = () => new AppError("reports.not_found", 404);

export const snapshotOf = (row: ReportsTable, body: ReportBody): ReportSnapshot => ({
  metadata: {
    kind: row.kind,
    symbol: row.symbol,
    title: row.title,
    subtitle: row.subtitle,
    session: row.session,
    agendaItem: row.agenda_item,
    issuedOn: row.issued_on,
    language: row.language,
  },
  body,
});

/** Stores the report as it is now as its next version (statistics frozen in it, as computed). */
export async function addVersion(
  trx: Tx,
  actor: Actor,
  row: ReportsTable,
  body: ReportBody,
  v: { kind: "manual" | "finalised" | "restored"; label?: string | null; restoredFrom?: number | null },
) {
  return createReportsRepository({ db: trx }).addVersion({
    id: uuidv7(),
    report_id: row.id,
    kind: v.kind,
    label: v.label ?? null,
    restored_from: v.restoredFrom ?? null,
    status: row.status,
    snapshot: JSON.stringify(snapshotOf(row, body)),
    created_by: actor.userId,
    created_at: nowIso(),
  });
}

/** The report's saved versions, newest first. */
export async function listReportVersions({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return inTransaction(db, async (trx) => {
    await readableReport(trx, actor, id);
    const repo = createReportsRepository({ db: trx });
    const rows = await repo.versions(id);
    const names = await repo.userNames(rows.flatMap((r) => (r.created_by ? [r.created_by] : [])));
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: Number(r.number),
        kind: r.kind,
        label: r.label,
        restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
        status: r.status,
        createdAt: r.created_at,
        createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
      })),
    };
  });
}

/** Saves the report as it is now as a new version, named if the writer wishes; audited. */
export async function saveReportVersion({
  db,
  actor,
  id,
  label,
}: {
  db: Db;
  actor: Actor;
  id: string;
  label?: string | null | undefined;
}) {
  await inTransaction(db, async (trx) => {
    const { row, body, abilities } = await readableReport(trx, actor, id);
    if (!abilities.update) throw forbidden();
    const number = await addVersion(trx, actor, row, body, { kind: "manual", label: label ?? null });
    await writeAudit(trx, actor, [
      {
        action: "report.version",
        recordType: "report",
        recordId: id,
        mandateId: row.mandate_id,
        fields: [`v${number}`],
      },
    ]);
  });
  return listReportVersions({ db, actor, id });
}

async function snapshotFor(trx: Tx, row: ReportsTable, body: ReportBody, versionId: string | undefined) {
  if (!versionId || versionId === "current") return { number: null, snapshot: snapshotOf(row, body) };
  const v = await createReportsRepository({ db: trx }).version(row.id, versionId);
  if (!v) throw versionNotFound();
  return { number: Number(v.number), snapshot: JSON.parse(v.snapshot) as ReportSnapshot };
}

/** What changed, paragraph by paragraph, between two versions (or a version and the report as it is now). */
export async function compareReportVersions({
  db,
  actor,
  id,
  from,
  to,
}: {
  db: Db;
  actor: Actor;
  id: string;
  from?: string | undefined;
  to?: string | undefined;
}) {
  return inTransaction(db, async (trx) => {
    const { row, body } = await readableReport(trx, actor, id);
    const latest = (await createReportsRepository({ db: trx }).versions(id))[0]?.id;
    const a = await snapshotFor(trx, row, body, from ?? latest);
    const b = await snapshotFor(trx, row, body, to);
    return { from: a.number, to: b.number, ...diffReports(a.snapshot, b.snapshot) };
  });
}

/**
 * Restores a version: the report's text and its title, subtitle, session and agenda item become what they were,
 * and that is saved as a new version ("restored from N"), so nothing is lost; audited.
 */
export async function restoreReportVersion({
  db,
  actor,
  id,
  versionId,
  version,
}: {
  db: Db;
  actor: Actor;
  id: string;
  versionId: string;
  version: number;
}) {
  return inTransaction(db, async (trx) => {
    const { row } = await changeableReport(trx, actor, id, version);
    const repo = createReportsRepository({ db: trx });
    const v = await repo.version(id, versionId);
    if (!v) throw versionNotFound();
    const snapshot = JSON.parse(v.snapshot) as ReportSnapshot;
    const body = parseBody(JSON.stringify(snapshot.body));
    const values = {
      title: snapshot.metadata.title,
      subtitle: snapshot.metadata.subtitle,
      session: snapshot.metadata.session,
      agenda_item: snapshot.metadata.agendaItem,
      body: JSON.stringify(body),
      updated_by: actor.userId,
      updated_at: nowIso(),
    };
    if (!(await writeReport(trx, id, row.version, values))) throw conflict();
    const restored = { ...row, ...values, version: row.version + 1 };
    const number = await addVersion(trx, actor, restored, body, {
      kind: "restored",
      restoredFrom: Number(v.number),
    });
    await writeAudit(trx, actor, [
      {
        action: "report.restore",
        recordType: "report",
        recordId: id,
        mandateId: row.mandate_id,
        fields: [`v${v.number}`, `v${number}`, "body", "title", "subtitle", "session", "agendaItem"],
      },
    ]);
    return contentOf(trx, actor, restored, body);
  });
}
