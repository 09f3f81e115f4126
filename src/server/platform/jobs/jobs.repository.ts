import { sql } from "kysely";
import { isPostgres, type Tx } from "../db/any-db.js";
import type { JobsTable } from "../db/schema-jobs.types.js";

/** SQL of the job table: scheduling, claiming under a lease, and recording the outcome of one claim. */
export function createJobsRepository({ db }: { db: Tx }) {
  /** Only the claim that is still current (same attempt, still running) may record an outcome. */
  const ownClaim = (id: string, attempt: number) =>
    db
      .updateTable("jobs")
      .where("id", "=", id)
      .where("status", "=", "running")
      .where("attempts", "=", attempt);

  return {
    find: (id: string) => db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst(),

    /**
     * Adds a job; a pending job under the same key is moved to the new time and payload instead, or with
     * `keepPending` left as it is.
     */
    schedule: (row: JobsTable, o: { keepPending: boolean } = { keepPending: false }) =>
      db
        .insertInto("jobs")
        .values(row)
        .onConflict((oc) => {
          const pendingKey = oc.column("key").where("status", "=", sql.lit("pending"));
          return o.keepPending
            ? pendingKey.doNothing()
            : pendingKey.doUpdateSet({
                kind: row.kind,
                run_at: row.run_at,
                payload: row.payload,
                attempts: 0,
                last_error: null,
              });
        })
        .execute(),

    async cancelPending(keyPrefix: string, now: string) {
      const r = await db
        .updateTable("jobs")
        .set({ status: "cancelled", finished_at: now })
        .where("status", "=", "pending")
        .where(sql<string>`substr(${sql.ref("key")}, 1, ${sql.lit(keyPrefix.length)})`, "=", keyPrefix)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /**
     * Takes the next due job (or one whose worker's lease ran out) in one statement. On PostgreSQL the row is picked
     * under FOR UPDATE SKIP LOCKED, so servers polling together never take the same job.
     */
    claimNext: (o: { now: string; leaseUntil: string; worker: string }) =>
      db
        .updateTable("jobs")
        .set((eb) => ({
          status: "running",
          lease_until: o.leaseUntil,
          attempts: eb("attempts", "+", 1),
          claimed_by: o.worker,
        }))
        .where("id", "=", (eb) =>
          eb
            .selectFrom("jobs")
            .select("id")
            .where((w) =>
              w.or([
                w.and([w("status", "=", "pending"), w("run_at", "<=", o.now)]),
                w.and([w("status", "=", "running"), w("lease_until", "<", o.now)]),
              ]),
            )
            .orderBy("run_at")
            .orderBy("id")
            .limit(1)
            .$if(isPostgres(db), (q) => q.forUpdate().skipLocked()),
        )
        .returningAll()
        .executeTakeFirst(),

    async finish(id: string, attempt: number, now: string) {
      const r = await ownClaim(id, attempt)
        .set({ status: "done", finished_at: now, lease_until: null })
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    retryLater: (id: string, attempt: number, runAt: string, error: string) =>
      ownClaim(id, attempt)
        .set({ status: "pending", run_at: runAt, lease_until: null, last_error: error })
        .execute(),

    end: (id: string, attempt: number, status: "failed" | "cancelled", now: string, error: string) =>
      ownClaim(id, attempt).set({ status, finished_at: now, lease_until: null, last_error: error }).execute(),

    /** Deletes finished jobs (their payload may name a recipient) that ended before `before`. */
    purgeFinished: async (before: string) =>
      Number(
        (
          await db
            .deleteFrom("jobs")
            .where("status", "in", ["done", "cancelled", "failed"])
            .where("finished_at", "<", before)
            .executeTakeFirst()
        ).numDeletedRows,
      ),

    pendingUnderKey: async (key: string) =>
      (await db
        .selectFrom("jobs")
        .select("id")
        .where("key", "=", key)
        .where("status", "=", "pending")
        .executeTakeFirst()) !== undefined,
  };
}
