import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import { nowIso } from "../../platform/db/time.js";
import { cancelJobs, registerJobHandler, scheduleJob } from "../../platform/jobs/jobs.usecases.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { indexRecords } from "../search/search-index.usecases.js";
import { publishedColumns } from "./press-releases.policies.js";
import { createPressReleasesRepository } from "./press-releases.repository.js";

const publishJobKind = "press_release.publish";
/** One pending publication per release: scheduling again moves it, cancelling is one statement. */
export const publishJobKey = (id: string) => `${publishJobKind}:${id}`;

const schedulePublication = (db: Tx, id: string, publishAt: string) =>
  scheduleJob(db, {
    kind: publishJobKind,
    runAt: publishAt,
    payload: { pressReleaseId: id },
    key: publishJobKey(id),
  });

/**
 * Keeps a release's publication job in step with it after a move, in the caller's transaction: a scheduled release
 * has one job at its publication time (moved when the time changes); any other has none.
 */
export async function followPressRelease(db: Tx, id: string) {
  const r = await createPressReleasesRepository({ db }).find(id);
  if (r?.status === "scheduled" && r.publish_at) await schedulePublication(db, id, r.publish_at);
  else await cancelJobs(db, publishJobKey(id));
}

/**
 * After an edit, which never moves the status: a scheduled release's job follows its publication time. Any other
 * release has no job to follow (its moves cancelled it), so nothing is cancelled here.
 */
export async function followPublishTime(db: Tx, id: string) {
  const r = await createPressReleasesRepository({ db }).find(id);
  if (r?.status === "scheduled" && r.publish_at) await schedulePublication(db, id, r.publish_at);
}

/**
 * The publication time of a scheduled release has come: it goes public, dated at its scheduled time, by the
 * system, audited. A release moved meanwhile (returned, restricted, rescheduled later) is left alone.
 */
async function publishScheduled(db: Tx, id: string) {
  const r = await createPressReleasesRepository({ db }).find(id);
  const due = r?.publish_at ? Date.parse(r.publish_at) <= Date.now() : false;
  if (r?.status !== "scheduled" || !r.publish_at || !due || Number(r.restricted) === 1) return false;
  const moved = await createRecordsRepository({ db }).moveStatus("press_releases", id, ["scheduled"], {
    ...publishedColumns(r.publish_at),
    updated_at: nowIso(),
  });
  if (!moved) return false;
  // Its level changes with publication: the search index follows in the same transaction.
  await indexRecords(db, "press_release", [id]);
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
