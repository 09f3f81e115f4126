import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { PressReleasesTable } from "../../platform/db/schema-publish.types.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { forbidden } from "../../platform/errors/app-error.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { scheduleJob } from "../../platform/jobs/jobs.usecases.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { pressReleaseSpec } from "../press-releases/press-releases.schemas.js";
import { alreadyMailed, mailingNotFound, releaseNotFound, releaseNotPublished } from "./mailing.errors.js";
import { deliveryLanguage, mayReadMailings, maySeeRecipients, maySendMailing } from "./mailing.policies.js";
import { presentDelivery, presentMailing, progressOf } from "./mailing.presenters.js";
import { addressOf, batchJobKey, batchJobKind } from "./mailing-sender.js";
import { createMailingsRepository } from "./mailings.repository.js";

/** The release if the actor may read it, else undefined: one that does not exist looks the same. */
async function findReadableRelease(db: Tx, actor: Actor, id: string) {
  const row = await createRecordsRepository({ db }).findReadable(actor, pressReleaseSpec, id);
  return row as PressReleasesTable | undefined;
}

async function withProgress(db: Tx, mailings: Parameters<typeof presentMailing>[0][]) {
  const counts = await createMailingsRepository({ db }).progress(mailings.map((m) => m.id));
  return mailings.map((m) => presentMailing(m, progressOf(counts.filter((c) => c.mailing_id === m.id))));
}

/**
 * Sends a published press release to the list (the mandate holder or an officer): one delivery per confirmed
 * subscriber of press releases, in their language when the release has it, else the other; the batches then go out
 * through the job scheduler. Refused if the release went to the list before, unless `again`.
 * @example await sendReleaseToList({ deps, actor, releaseId, again: false })
 */
export async function sendReleaseToList({
  deps,
  actor,
  releaseId,
  again,
}: {
  deps: AppDeps;
  actor: Actor;
  releaseId: string;
  again: boolean;
}) {
  return inTransaction(deps.db, async (trx) => {
    const repo = createMailingsRepository({ db: trx });
    const release = await findReadableRelease(trx, actor, releaseId);
    if (!release) throw releaseNotFound();
    if (!maySendMailing(actor, release.mandate_id)) throw forbidden();
    if (release.status !== "published" || release.confidentiality !== "public") throw releaseNotPublished();
    if (!again && (await repo.forRelease(release.id)).length) throw alreadyMailed();
    const has = { en: Boolean(release.title_en?.trim()), ko: Boolean(release.title_ko?.trim()) };
    if (!has.en && !has.ko) throw releaseNotPublished();
    const now = nowIso();
    const id = uuidv7();
    const recipients = await repo.releaseRecipients(release.mandate_id);
    const mailing = {
      id,
      mandate_id: release.mandate_id,
      press_release_id: release.id,
      status: recipients.length ? ("sending" as const) : ("done" as const),
      total: recipients.length,
      created_by: actor.userId,
      created_at: now,
      finished_at: recipients.length ? null : now,
    };
    await repo.insertMailing(mailing);
    await repo.insertDeliveries(
      recipients.map((r) => ({
        id: uuidv7(),
        mailing_id: id,
        subscriber_id: r.id,
        language: deliveryLanguage(r.language, has) ?? "en",
        status: "pending" as const,
        attempts: 0,
        claimed_at: null,
        sent_at: null,
        last_error: null,
        created_at: now,
      })),
    );
    if (recipients.length)
      await scheduleJob(trx, {
        kind: batchJobKind,
        runAt: now,
        payload: { mailingId: id },
        key: batchJobKey(id),
      });
    await writeAudit(trx, actor, [
      {
        action: "press_release.mail",
        recordType: "press_release",
        recordId: release.id,
        mandateId: release.mandate_id,
      },
    ]);
    return (await withProgress(trx, [mailing]))[0] as ReturnType<typeof presentMailing>;
  });
}

async function readableMailing(db: Tx, actor: Actor, id: string) {
  const mailing = await createMailingsRepository({ db }).find(id);
  if (!mailing || !mayReadMailings(actor, mailing.mandate_id)) throw mailingNotFound();
  return mailing;
}

/** One mailing's progress: total, sent, failed, skipped, pending. */
export async function getMailing({ deps, actor, id }: { deps: AppDeps; actor: Actor; id: string }) {
  const mailing = await readableMailing(deps.db, actor, id);
  return (await withProgress(deps.db, [mailing]))[0] as ReturnType<typeof presentMailing>;
}

/** The mailings of a press release, newest first (none for a release the caller may not read). */
export async function listMailings({
  deps,
  actor,
  pressReleaseId,
}: {
  deps: AppDeps;
  actor: Actor;
  pressReleaseId: string;
}) {
  if (!(await findReadableRelease(deps.db, actor, pressReleaseId))) return { items: [] };
  const rows = await createMailingsRepository({ db: deps.db }).forRelease(pressReleaseId);
  return {
    items: await withProgress(
      deps.db,
      rows.filter((m) => mayReadMailings(actor, m.mandate_id)),
    ),
  };
}

/**
 * A page of a mailing's delivery log. Recipients' addresses are opened only for those who send (holder, officer);
 * others see the statuses alone.
 */
export async function listDeliveries({
  deps,
  actor,
  id,
  limit = 50,
  cursor,
}: {
  deps: AppDeps;
  actor: Actor;
  id: string;
  limit?: number | undefined;
  cursor?: string | undefined;
}) {
  const mailing = await readableMailing(deps.db, actor, id);
  const reveal = maySeeRecipients(actor, mailing.mandate_id);
  const rows = await createMailingsRepository({ db: deps.db }).deliveriesPage(mailing.id, limit, cursor);
  const page = rows.slice(0, limit);
  return {
    items: page.map((d) => {
      const sealed =
        reveal && d.subscriber_id && d.key_id && d.wrapped_key && d.ciphertext
          ? { id: d.subscriber_id, key_id: d.key_id, wrapped_key: d.wrapped_key, ciphertext: d.ciphertext }
          : null;
      let recipient: string | null = null;
      try {
        recipient = sealed ? addressOf(deps, sealed) : null;
      } catch {
        recipient = null;
      }
      return presentDelivery(d, recipient);
    }),
    recipientsShown: reveal,
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
