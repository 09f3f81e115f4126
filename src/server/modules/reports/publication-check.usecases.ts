import { v7 as uuidv7 } from "uuid";
import type { ReportBody } from "../../../shared/report-body.js";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import type { ReportsTable } from "../../platform/db/schema-reports.types.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { defineError, forbidden, invalidField } from "../../platform/errors/app-error.js";
import { findPublicationProblems } from "./publication-check.js";
import { mayOverride } from "./reports.policies.js";
import { createReportsRepository } from "./reports.repository.js";
import { readableReport, reportLocked } from "./reports.usecases.js";

export const publicationBlocked = defineError("reports.publication_blocked", 409);

/** The problems of a report, each with the mandate holder's override when one still applies to it. */
export async function checkReport(
  trx: Tx,
  masterKey: MasterKey,
  actor: Actor,
  row: ReportsTable,
  body: ReportBody,
) {
  const repo = createReportsRepository({ db: trx });
  const problems = await findPublicationProblems(trx, masterKey, actor, row, body);
  const overrides = await repo.overrides(row.id);
  const names = await repo.userNames(overrides.flatMap((o) => (o.created_by ? [o.created_by] : [])));
  const items = problems.map(({ fingerprint, ...p }) => {
    const o = overrides.filter((x) => x.problem_key === p.key && x.fingerprint === fingerprint).at(-1);
    return {
      ...p,
      override: o
        ? { reason: o.reason, by: o.created_by ? (names.get(o.created_by) ?? null) : null, at: o.created_at }
        : null,
    };
  });
  return {
    reportId: row.id,
    checkedAt: nowIso(),
    problems: items,
    blocking: items.filter((p) => !p.override).length,
    canOverride: mayOverride(actor, row.mandate_id) && row.status !== "published",
    fingerprints: new Map(problems.map((p) => [p.key, p.fingerprint])),
  };
}

/** Refuses, with every unresolved problem named, what would make the report public while a problem stands. */
export function refuseIfBlocked(check: Awaited<ReturnType<typeof checkReport>>) {
  const open = check.problems.filter((p) => !p.override);
  if (!open.length) return;
  throw publicationBlocked(
    { count: open.length },
    Object.fromEntries(
      open.map((p) => [
        p.key,
        {
          code: `reports.problem.${p.rule}`,
          params: {
            paragraph: p.paragraph ?? "",
            person: p.personCode ?? "",
            count: p.count ?? "",
          },
        },
      ]),
    ),
  );
}

const present = (check: Awaited<ReturnType<typeof checkReport>>) => {
  const { fingerprints: _f, ...rest } = check;
  return rest;
};

/**
 * The publication check of a report: every problem with a link to where it is fixed. The identities it compares
 * with are opened in memory only; the check is audited, never what it found.
 * @example const { problems, blocking } = await publicationCheck({ db, masterKey, actor, id });
 */
export async function publicationCheck({
  db,
  masterKey,
  actor,
  id,
}: {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
  id: string;
}) {
  return inTransaction(db, async (trx) => {
    const { row, body } = await readableReport(trx, actor, id);
    const check = await checkReport(trx, masterKey, actor, row, body);
    await writeAudit(trx, actor, [
      {
        action: "report.publication_check",
        recordType: "report",
        recordId: id,
        mandateId: row.mandate_id,
        fields: [...new Set(check.problems.map((p) => p.rule))],
      },
    ]);
    return present(check);
  });
}

/**
 * The mandate holder publishes despite one problem, for a stated reason: recorded with who and when, audited, and
 * valid only while the problem stays as it was.
 */
export async function overridePublicationProblem({
  db,
  masterKey,
  actor,
  id,
  key,
  reason,
}: {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
  id: string;
  key: string;
  reason: string;
}) {
  return inTransaction(db, async (trx) => {
    const { row, body, abilities } = await readableReport(trx, actor, id);
    if (!mayOverride(actor, row.mandate_id) || !abilities.update) throw forbidden();
    if (row.status === "published") throw reportLocked({ status: row.status });
    const before = await checkReport(trx, masterKey, actor, row, body);
    const problem = before.problems.find((p) => p.key === key);
    const fingerprint = before.fingerprints.get(key);
    if (!problem || !fingerprint) throw invalidField("key", "field.unknown_reference");
    await createReportsRepository({ db: trx }).addOverride({
      id: uuidv7(),
      report_id: id,
      problem_key: key,
      fingerprint,
      reason,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    await writeAudit(trx, actor, [
      {
        action: "report.override",
        recordType: "report",
        recordId: id,
        mandateId: row.mandate_id,
        fields: [problem.rule],
      },
    ]);
    return present(await checkReport(trx, masterKey, actor, row, body));
  });
}
