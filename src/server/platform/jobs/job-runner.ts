import type { Config } from "../config/config.js";
import type { Db } from "../db/database.js";
import type { JobsTable } from "../db/schema-jobs.types.js";
import { isoFromNow, nowIso } from "../db/time.js";
import { inTransaction } from "../db/transaction.js";
import type { AppDeps } from "../http/deps.js";
import { absoluteLink, renderMail } from "../mail/mail-templates.js";
import { isPermanentSmtpFailure, type Mailer } from "../mail/mail-transport.js";
import { type JobWorker, jobHandlerFor, jobWorkerFor, registerJobWorker } from "./job-handlers.js";
import { type EmailPayload, emailJobKind, messageIdOf, type PlainEmail } from "./job-queue.js";
import { createJobsRepository } from "./jobs.repository.js";

export interface RetryPolicy {
  maxAttempts: number;
  /** Wait before the second attempt; each later one waits four times longer, at most six hours. */
  retryBaseMs: number;
}

/** Another worker took the job over (our lease ran out): its outcome is not ours to record. */
class LostClaim extends Error {}

/** A failure that no retry can mend (the SMTP server refused the message for good). */
class PermanentFailure extends Error {}

/** An error as a short line for `last_error`: its code and message, with anything like an address blanked. */
export function shortError(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = [err.code, err.responseCode].filter((c) => c !== undefined && c !== null).join(" ");
  const message = String(err.message ?? e)
    .replace(/\S+@\S+/g, "<address>")
    .replace(/\s+/g, " ");
  return `${code ? `${code}: ` : ""}${message}`.slice(0, 200);
}

/** An e-mail job's message: a catalog one is rendered now, in the recipient's language, with an absolute link. */
function contentOf(p: EmailPayload, config: Config): PlainEmail {
  return "template" in p
    ? { to: p.to, ...renderMail(p.template, p.locale, p.params, absoluteLink(config.publicUrl, p.link)) }
    : p;
}

/** The worker of every e-mail job; a message the SMTP server refuses for good fails the job at once. */
registerJobWorker(emailJobKind, async ({ deps, payload, jobId, createdAt, messageId, mailer }) => {
  try {
    await mailer.send({
      ...contentOf(payload as unknown as EmailPayload, deps.config),
      jobId,
      createdAt,
      messageId,
    });
  } catch (e) {
    throw isPermanentSmtpFailure(e) ? new PermanentFailure(shortError(e)) : e;
  }
});

async function runWorker(deps: AppDeps, job: JobsTable, mailer: Mailer, worker: JobWorker) {
  await worker({
    deps,
    payload: JSON.parse(job.payload) as Record<string, unknown>,
    jobId: job.id,
    createdAt: job.created_at,
    messageId: job.message_id ?? messageIdOf(job.id),
    mailer,
    leaseUntil: job.lease_until ?? nowIso(),
  });
  // A crash before this line leaves the job running; once the lease passes it runs again (an e-mail, with the same
  // Message-ID).
  if (!(await createJobsRepository({ db: deps.db }).finish(job.id, job.attempts, nowIso())))
    throw new LostClaim();
}

async function runHandler(deps: AppDeps, job: JobsTable) {
  const handler = jobHandlerFor(job.kind);
  if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
  await inTransaction(deps.db, async (trx) => {
    // Marked done first: the row stays locked until commit, and a claim that is no longer ours does nothing.
    if (!(await createJobsRepository({ db: trx }).finish(job.id, job.attempts, nowIso())))
      throw new LostClaim();
    await handler({
      db: trx,
      deps,
      payload: JSON.parse(job.payload) as Record<string, unknown>,
      jobId: job.id,
    });
  });
}

async function recordFailure(db: Db, job: JobsTable, policy: RetryPolicy, e: unknown) {
  const error = e instanceof PermanentFailure ? e.message : shortError(e);
  return inTransaction(db, async (trx) => {
    const repo = createJobsRepository({ db: trx });
    if (e instanceof PermanentFailure || job.attempts >= policy.maxAttempts) {
      await repo.end(job.id, job.attempts, "failed", nowIso(), error);
      return "failed" as const;
    }
    // Rescheduled meanwhile: the newer pending job under the key replaces this one.
    if (job.key && (await repo.pendingUnderKey(job.key))) {
      await repo.end(job.id, job.attempts, "cancelled", nowIso(), error);
      return "superseded" as const;
    }
    const wait = Math.min(policy.retryBaseMs * 4 ** (job.attempts - 1), 6 * 3600_000);
    await repo.retryLater(job.id, job.attempts, isoFromNow(wait), error);
    return "retry" as const;
  });
}

/**
 * Runs one claimed job: a kind with a worker (every e-mail job among them) runs it, then is marked done; any other
 * kind runs its handler inside the transaction that marks it done. A failure is retried with backoff, then the job
 * is `failed`.
 */
export async function runClaimedJob(
  deps: AppDeps,
  job: JobsTable,
  mailer: Mailer,
  policy: RetryPolicy,
): Promise<"done" | "retry" | "failed" | "superseded" | "lost"> {
  try {
    if (job.attempts > policy.maxAttempts)
      throw new PermanentFailure(`abandoned after ${policy.maxAttempts} attempts`);
    const worker = jobWorkerFor(job.kind);
    await (worker ? runWorker(deps, job, mailer, worker) : runHandler(deps, job));
    return "done";
  } catch (e) {
    if (e instanceof LostClaim) return "lost";
    return recordFailure(deps.db, job, policy, e);
  }
}
