import type { Tx } from "../../platform/db/any-db.js";
import { cancelJobs, notify, registerJobHandler, scheduleJob } from "../../platform/jobs/jobs.usecases.js";
import { createCasesRepository } from "./cases.repository.js";

export const caseStatuses = [
  "open",
  "at_risk",
  "detained",
  "transferred",
  "repatriated",
  "released",
  "disappeared",
  "died",
  "resolved",
] as const;

const closed = new Set(["resolved", "died"]);
const shareable = new Set(["public", "internal"]);
const jobKey = (caseId: string) => `case:${caseId}:next-action`;

/** Keeps one reminder on the case's next-action date (none once the case is closed or has no date). */
export async function scheduleNextAction(db: Tx, caseId: string) {
  const c = await createCasesRepository({ db }).find(caseId);
  if (!c?.next_action_on || closed.has(c.status)) {
    await cancelJobs(db, jobKey(caseId));
    return;
  }
  await scheduleJob(db, {
    kind: "case.next-action",
    runAt: `${c.next_action_on}T00:00:00.000Z`,
    payload: { caseId },
    key: jobKey(caseId),
  });
}

registerJobHandler("case.next-action", async ({ db, payload }) => {
  const c = await createCasesRepository({ db }).find(String(payload.caseId));
  if (!c?.next_action_on || closed.has(c.status)) return;
  const userIds = [c.owner_id ?? c.created_by].filter((u): u is string => typeof u === "string");
  await notify(db, {
    userIds,
    mandateId: c.mandate_id,
    kind: "case_next_action",
    // E-mail leaves the system: the words of a confidential case stay inside it, behind the link.
    params: shareable.has(c.confidentiality)
      ? { title: c.title, action: c.next_action ?? "", dueOn: c.next_action_on }
      : { title: "", action: "", dueOn: c.next_action_on },
    link: `/app/cases/${c.id}`,
    email: true,
  });
});
