/** Tables of the job scheduler and of notifications (migration 0004-jobs). Times are ISO-8601 UTC text. */

export type JobStatus = "pending" | "running" | "done" | "failed" | "cancelled";

export interface JobsTable {
  id: string;
  kind: string;
  run_at: string;
  /** JSON object. */
  payload: string;
  /** At most one pending job per key: scheduling under a pending key moves that job instead of adding one. */
  key: string | null;
  status: JobStatus;
  /** Claims so far, including the running one. */
  attempts: number;
  /** A running job whose lease has passed is claimable again: its worker died. */
  lease_until: string | null;
  /** Short, never personal data. */
  last_error: string | null;
  /** E-mail jobs: the Message-ID fixed at creation, so a resend after a crash can be recognised. */
  message_id: string | null;
  /** The worker (host:pid) of the latest claim. */
  claimed_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  mandate_id: string | null;
  kind: string;
  /** JSON object of strings and numbers. */
  params: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface JobTables {
  jobs: JobsTable;
  notifications: NotificationsTable;
}
