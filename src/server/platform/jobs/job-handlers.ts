import type { Tx } from "../db/any-db.js";
import type { AppDeps } from "../http/deps.js";

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
 * job done, so it takes effect exactly once; anything outside the database belongs in an e-mail job it queues.
 * @example registerJobHandler("case.next-action", async ({ db, payload }) => { … });
 */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export const jobHandlerFor = (kind: string) => handlers.get(kind);
