import { open } from "../../platform/crypto/envelope.js";
import type { MailingDeliveriesTable } from "../../platform/db/schema-mailing.types.js";
import { isoFromNow, nowIso } from "../../platform/db/time.js";
import type { AppDeps } from "../../platform/http/deps.js";
import {
  type JobWorkContext,
  messageIdOf,
  registerJobWorker,
  scheduleJob,
  shortError,
} from "../../platform/jobs/jobs.usecases.js";
import { isPermanentSmtpFailure } from "../../platform/mail/mail-transport.js";
import { createMandatesRepository } from "../mandates/mandates.repository.js";
import { mandateName } from "../portal/portal.presenters.js";
import { confirmDays, type MailingLanguage, mailingLanguageOf, topicsOf } from "./mailing.policies.js";
import {
  alreadySubscribedMail,
  confirmationMail,
  listHeaders,
  type ReleaseText,
  releaseMail,
  releaseTexts,
} from "./mailing-mail.js";
import { createMailingsRepository } from "./mailings.repository.js";
import { createSubscribersRepository } from "./subscribers.repository.js";
import { confirmLink, listLinks } from "./subscription-links.js";

export const noticeJobKind = "mailing.notice";
export const batchJobKind = "mailing.batch";
/** A mailing has at most one batch job waiting, under this key. */
export const batchJobKey = (mailingId: string) => `mailing:${mailingId}:batch`;

/** Attempts of one delivery before it is given up (the SMTP server kept answering "try later"). */
const maxDeliveryAttempts = 5;
/** Wait after a temporary SMTP failure before the next batch: the server is likely refusing them all. */
const retryAfterMs = 60_000;

export type Notice = "confirm" | "already";

type Sealed = { id: string; key_id: string; wrapped_key: string; ciphertext: string };
/** A subscriber's address, opened in memory only to hand it to the mail transport. */
export const addressOf = (deps: AppDeps, row: Sealed) =>
  open<{ email: string }>(deps.masterKey, row.id, {
    keyId: row.key_id,
    wrappedKey: row.wrapped_key,
    ciphertext: row.ciphertext,
  }).email;

/** Sends the double opt-in message, or the "subscribed already" one; the job names the subscriber, never the address. */
async function sendNotice({ deps, payload, jobId, createdAt, messageId, mailer }: JobWorkContext) {
  const sub = await createSubscribersRepository({ db: deps.db }).find(String(payload.subscriberId));
  const notice = payload.notice as Notice;
  // Confirmed, unsubscribed or purged meanwhile: the message has nothing left to say.
  if (!sub || sub.status !== (notice === "confirm" ? "pending" : "confirmed")) return;
  const mandate = await createMandatesRepository({ db: deps.db }).findById(sub.mandate_id);
  if (!mandate) return;
  const lang = mailingLanguageOf(sub.language);
  const name = mandateName(mandate, lang);
  const content =
    notice === "confirm" && sub.confirm_by
      ? confirmationMail({
          lang,
          mandateName: name,
          topics: topicsOf(sub),
          link: confirmLink(deps, sub.id, lang, sub.confirm_by),
          days: confirmDays,
        })
      : alreadySubscribedMail({ lang, mandateName: name, link: listLinks(deps, sub.id, lang).manage });
  await mailer.send({ ...content, to: addressOf(deps, sub), jobId, createdAt, messageId });
}

interface BatchContent {
  texts: Record<MailingLanguage, ReleaseText>;
  mandate: { code: string; name_en: string; name_ko: string | null };
  listId: string;
}

/** Sends one claimed delivery and records its outcome; "retry" when the SMTP server asked to try later. */
async function deliver(
  { deps, mailer }: JobWorkContext,
  d: MailingDeliveriesTable,
  content: BatchContent,
): Promise<"sent" | "skipped" | "failed" | "retry"> {
  const repo = createMailingsRepository({ db: deps.db });
  const sub = d.subscriber_id
    ? await createSubscribersRepository({ db: deps.db }).find(d.subscriber_id)
    : null;
  // Left the list, or stopped wanting press releases, since the mailing began.
  if (sub?.status !== "confirmed" || sub.topic_press_releases !== 1) {
    await repo.settle(d.id, { status: "skipped", last_error: "no longer subscribed" });
    return "skipped";
  }
  let to: string;
  try {
    to = addressOf(deps, sub);
  } catch {
    await repo.settle(d.id, { status: "failed", last_error: "the address cannot be opened (master key?)" });
    return "failed";
  }
  const lang = mailingLanguageOf(d.language);
  const links = listLinks(deps, sub.id, lang);
  try {
    await mailer.send({
      ...releaseMail(content.texts[lang], mandateName(content.mandate, lang), links),
      to,
      headers: listHeaders(links.unsubscribe, content.listId),
      // Fixed by the delivery row: a resend after a crash is the same message, and the same outbox file.
      jobId: d.id,
      createdAt: d.created_at,
      messageId: messageIdOf(d.id),
    });
  } catch (e) {
    const giveUp = isPermanentSmtpFailure(e) || d.attempts + 1 >= maxDeliveryAttempts;
    await repo.settle(d.id, { status: giveUp ? "failed" : "pending", last_error: shortError(e) });
    return giveUp ? "failed" : "retry";
  }
  // A crash before this line leaves the delivery "sending": it goes out again later, with the same Message-ID.
  await repo.settle(d.id, { status: "sent", sent_at: nowIso(), last_error: null });
  return "sent";
}

/**
 * Sends the next batch of a mailing, one delivery at a time (each claimed, then settled, in its own statement), and
 * schedules the next batch after the pause. Resumable at any point: what is pending stays pending, and a delivery a
 * dead worker left "sending" is taken again once older than a job lease.
 */
async function sendBatch(ctx: JobWorkContext) {
  const { deps, payload, leaseUntil } = ctx;
  const started = Date.now();
  // No send starts in the second half of the lease: the job ends before another server may take it over.
  const deadline = started + Math.max(0, Date.parse(leaseUntil) - started) / 2;
  const leaseMs = deps.config.jobLeaseSeconds * 1000;
  const repo = createMailingsRepository({ db: deps.db });
  const mailing = await repo.find(String(payload.mailingId));
  if (mailing?.status !== "sending") return;
  const release = await repo.findRelease(mailing.press_release_id);
  const mandate = await createMandatesRepository({ db: deps.db }).findById(mailing.mandate_id);
  if (!release || !mandate || release.status !== "published" || release.confidentiality !== "public") {
    // Unpublished while going out: the rest is not sent.
    await repo.skipRest(mailing.id, "the press release is no longer public");
    await repo.finish(mailing.id, "withdrawn", nowIso());
    return;
  }
  const content: BatchContent = {
    texts: releaseTexts(deps.config.publicUrl, release, await repo.imageIdsOf(release.id)),
    mandate,
    listId: `press-releases.${mandate.code.toLowerCase()}.${new URL(deps.config.publicUrl).hostname}`,
  };
  let wait = deps.config.mailingPauseMs;
  for (const d of await repo.nextBatch(mailing.id, deps.config.mailingBatchSize, isoFromNow(-leaseMs))) {
    if (Date.now() > deadline) break;
    if (!(await repo.claim(d, nowIso()))) continue;
    const outcome = await deliver(ctx, { ...d, status: "sending" }, content);
    if (outcome === "retry") {
      wait = Math.max(wait, retryAfterMs);
      break;
    }
  }
  const left = await repo.remaining(mailing.id);
  if (left.pending + left.sending === 0) {
    await repo.finish(mailing.id, "done", nowIso());
    return;
  }
  const runAt =
    left.pending > 0
      ? isoFromNow(wait)
      : new Date(Date.parse(left.oldestSending ?? nowIso()) + leaseMs + 1000).toISOString();
  await scheduleJob(deps.db, {
    kind: batchJobKind,
    runAt,
    payload: { mailingId: mailing.id },
    key: batchJobKey(mailing.id),
  });
}

registerJobWorker(noticeJobKind, sendNotice);
registerJobWorker(batchJobKind, sendBatch);
