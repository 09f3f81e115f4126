import type { Tx } from "../db/any-db.js";
import type { AppDeps } from "../http/deps.js";
import type { Mailer } from "../mail/mail-transport.js";

export interface JobContext {
  /** The transaction that also marks the job done: write through it, so the work and its record commit together. */
  db: Tx;
  deps: AppDeps;
  payload: Record<string, unknown>;
  jobId: string;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/**
 * Registers the database-only handler of a job kind (at module load). It runs inside the transaction that marks the
 * job done, so it takes effect exactly once; anything outside the database belongs in an e-mail job it queues (or
 * in a worker).
 * @example registerJobHandler("case.next-action", async ({ db, payload }) => { … });
 */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export const jobHandlerFor = (kind: string) => handlers.get(kind);

export interface JobWorkContext {
  deps: AppDeps;
  payload: Record<string, unknown>;
  jobId: string;
  /** When the job was queued: the date of an e-mail it sends, so a resend after a crash carries the same one. */
  createdAt: string;
  /** The Message-ID of an e-mail it sends, fixed with the job. */
  messageId: string;
  /** The scheduler's mail transport. */
  mailer: Mailer;
  /** When another server may take the job over: work that would outlast it is left for a next job. */
  leaseUntil: string;
}

export type JobWorker = (ctx: JobWorkContext) => Promise<void>;

const workers = new Map<string, JobWorker>();

/**
 * Registers the worker of a job kind whose work reaches outside the database (every e-mail job, a mailing's batches).
 * It runs outside any transaction and the job is marked done after it returns: a crash in between runs it again, so
 * a worker records its own progress as it goes and makes a rerun harmless.
 * @example registerJobWorker("mailing.batch", async ({ deps, payload, mailer }) => { … });
 */
export function registerJobWorker(kind: string, worker: JobWorker): void {
  workers.set(kind, worker);
}

export const jobWorkerFor = (kind: string) => workers.get(kind);
