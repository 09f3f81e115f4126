import { v7 as uuidv7 } from "uuid";
import type { Tx } from "../db/any-db.js";
import { nowIso } from "../db/time.js";
import { createJobsRepository } from "./jobs.repository.js";

/** The kind of every e-mail job; the jobs platform's own worker sends them (job-runner.ts). */
export const emailJobKind = "email";

/** An e-mail written by the caller. */
export interface PlainEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** An e-mail rendered from the mail catalog when it is sent, in the recipient's language. */
export interface TemplatedEmail {
  to: string;
  locale: string;
  template: string;
  params: Record<string, string | number>;
  link: string | null;
}

export type EmailPayload = PlainEmail | TemplatedEmail;

/** The Message-ID of an e-mail job: fixed with the job, so a resend after a crash carries the same one. */
export const messageIdOf = (jobId: string) => `<${jobId}@rapporteur.local>`;

const toIso = (runAt: string) => {
  const at = new Date(runAt);
  if (Number.isNaN(at.getTime())) throw new Error(`scheduleJob: runAt is not a date: ${runAt}`);
  return at.toISOString();
};

/**
 * Schedules a job in the caller's transaction. With a key, a pending job under that key is moved (new time and
 * payload) rather than a second one added, so callers reschedule by scheduling again; with `keepPending` as well, a
 * pending job under the key stays as it is and nothing is added.
 * @example await scheduleJob(trx, { kind: "case.next-action", runAt: "2026-03-01T00:00:00.000Z", payload: { caseId }, key: `case:${caseId}:next-action` });
 */
export async function scheduleJob(
  db: Tx,
  job: { kind: string; runAt: string; payload: Record<string, unknown>; key?: string; keepPending?: boolean },
): Promise<void> {
  await insertJob(db, { ...job, runAt: toIso(job.runAt) });
}

async function insertJob(
  db: Tx,
  job: {
    kind: string;
    runAt: string;
    payload: object;
    key?: string | undefined;
    keepPending?: boolean | undefined;
    messageId?: boolean;
  },
) {
  const id = uuidv7();
  await createJobsRepository({ db }).schedule(
    {
      id,
      kind: job.kind,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload),
      key: job.key ?? null,
      status: "pending",
      attempts: 0,
      lease_until: null,
      last_error: null,
      message_id: job.messageId ? messageIdOf(id) : null,
      claimed_by: null,
      created_at: nowIso(),
      finished_at: null,
    },
    { keepPending: job.keepPending === true },
  );
}

/**
 * Cancels the pending jobs whose key starts with `keyPrefix`; returns how many. A job already running finishes.
 * @example await cancelJobs(trx, `communication:${id}:`);
 */
export async function cancelJobs(db: Tx, keyPrefix: string): Promise<number> {
  if (!keyPrefix) throw new Error("cancelJobs: a key prefix is required");
  return createJobsRepository({ db }).cancelPending(keyPrefix, nowIso());
}

/**
 * Queues an e-mail in the caller's transaction: it goes out only if that transaction commits.
 * @example await queueEmail(trx, { to: "officer@example.org", subject: "Reply received", text: "…" });
 */
export async function queueEmail(db: Tx, mail: PlainEmail): Promise<void> {
  await insertJob(db, { kind: emailJobKind, runAt: nowIso(), payload: mail, messageId: true });
}

/** Queues an e-mail of the mail catalog, rendered when sent (the link then gets the server's public address). */
export async function queueTemplatedEmail(db: Tx, mail: TemplatedEmail): Promise<void> {
  await insertJob(db, { kind: emailJobKind, runAt: nowIso(), payload: mail, messageId: true });
}
