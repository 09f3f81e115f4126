import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso, today } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { defineError } from "../../platform/errors/app-error.js";
import { refuseMove } from "../../platform/records/lifecycle.js";
import { getRecord } from "../../platform/records/records.usecases.js";
import { checkReport, refuseIfBlocked } from "./publication-check.usecases.js";
import { addVersion } from "./report-versions.usecases.js";
import { moveReport } from "./report-writes.js";
import { openReportTransitions, type ReportTransition, reportTransitionRules } from "./reports.policies.js";
import { createReportsRepository } from "./reports.repository.js";
import { reportSpec } from "./reports.schemas.js";
import { readableReport, refreshedBody } from "./reports.usecases.js";

export const reportTransitionNotAllowed = defineError("reports.transition_not_allowed", 409);

/** The moves the actor may make on a report now. */
export async function reportActions({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return inTransaction(db, async (trx) => {
    const { row, abilities } = await readableReport(trx, actor, id);
    return openReportTransitions(actor, {
      mandateId: row.mandate_id,
      status: row.status,
      canUpdate: abilities.update,
    });
  });
}

/**
 * Moves a report one step: submit for review, return to drafting, finalise (the mandate holder: every statistic is
 * computed once more and frozen into a version), reopen, publish (the mandate holder, once the publication check
 * has nothing left unresolved). The move and its audit row commit together.
 * @example await transitionReport({ db, masterKey, actor, id, action: "finalise" });
 */
export async function transitionReport({
  db,
  masterKey,
  actor,
  id,
  action,
}: {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
  id: string;
  action: ReportTransition;
}) {
  await inTransaction(db, async (trx) => {
    const { row, body, abilities } = await readableReport(trx, actor, id);
    const facts = { mandateId: row.mandate_id, status: row.status, canUpdate: abilities.update };
    const rule = reportTransitionRules[action];
    if (!openReportTransitions(actor, facts).includes(action))
      refuseMove(actor, rule, facts, () => reportTransitionNotAllowed({ status: row.status, action }));
    const values: Record<string, unknown> = {
      status: rule.to,
      updated_by: actor.userId,
      updated_at: nowIso(),
    };
    const fields = ["status"];
    let frozen = body;
    if (action === "finalise") {
      frozen = await refreshedBody(trx, actor, row, body);
      Object.assign(values, { body: JSON.stringify(frozen), finalised_on: today() });
      fields.push("statistics", "finalisedOn");
    }
    if (action === "publish") {
      refuseIfBlocked(await checkReport(trx, masterKey, actor, row, body));
      values.published_on = today();
      // A published report is public: the portal offers it (its files hold only what the check cleared).
      values.confidentiality = "public";
      fields.push("publishedOn", "confidentiality");
    }
    if (!(await moveReport(trx, id, rule.from, values)))
      throw reportTransitionNotAllowed({ status: "", action });
    if (action === "finalise") {
      const moved = await createReportsRepository({ db: trx }).find(id);
      if (moved) await addVersion(trx, actor, moved, frozen, { kind: "finalised" });
    }
    await writeAudit(trx, actor, [
      { action: `report.${action}`, recordType: "report", recordId: id, mandateId: row.mandate_id, fields },
    ]);
  });
  return getRecord({ db, actor, spec: reportSpec, id });
}
