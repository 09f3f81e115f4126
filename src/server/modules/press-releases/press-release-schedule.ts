import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import { nowIso } from "../../platform/db/time.js";
import { cancelJobs, registerJobHandler, scheduleJob } from "../../platform/jobs/jobs.usecases.js";
import { publishedColumns } from "./press-releases.policies.js";
import { createPressReleasesRepository } from "./press-releases.repository.js";

export const publishJobKind = "press_release.publish";
/** One pending publication per release: scheduling again moves it, cancelling is one statement. */
export const publishJobKey = (id: string) => `${publishJobKind}:${id}`;

/**
 * Keeps a release's publication job in step with it, in the caller's transaction: a scheduled release has one job at
 * its publication time (moved when the time changes); any other has none.
 */
export async function followPressRelease(db: Tx, id: string) {
  const r = await createPressReleasesRepository({ db }).find(id);
  if (r?.status === "scheduled" && r.publish_at)
    await scheduleJob(db, {
      kind: publishJobKind,
      runAt: r.publish_at,
      payload: { pressReleaseId: id },
      key: publishJobKey(id),
    });
  else await cancelJobs(db, publishJobKey(id));
}

/**
 * The publication time of a scheduled release has come: it goes public, dated at its scheduled time, by the
 * system, audited. A release moved meanwhile (returned, restricted, rescheduled later) is left alone.
 */
export async function publishScheduled(db: Tx, id: string) {
  const repo = createPressReleasesRepository({ db });
  const r = await repo.find(id);
  const due = r?.publish_at ? Date.parse(r.publish_at) <= Date.now() : false;
  if (r?.status !== "scheduled" || !r.publish_at || !due || Number(r.restricted) === 1) return false;
  const moved = await repo.moveStatus(id, ["scheduled"], {
    ...publishedColumns(r.publish_at),
    updated_at: nowIso(),
  });
  if (!moved) return false;
  await writeAudit(db, null, [
    {
      action: "press_release.publish",
      recordType: "press_release",
      recordId: id,
      mandateId: r.mandate_id,
      fields: ["status", "publishedAt", "confidentiality"],
    },
  ]);
  return true;
}

registerJobHandler(publishJobKind, async ({ db, payload }) => {
  await publishScheduled(db, String(payload.pressReleaseId));
});
