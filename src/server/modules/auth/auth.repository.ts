import { sql } from "kysely";
import type { MandateRole } from "../../platform/access/access.policies.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { ApiTokensTable, SessionsTable } from "../../platform/db/schema.types.js";

/** SQL of sign-in: users by e-mail, sessions, API tokens, failure counters and rate-limit buckets. */
export function createAuthRepository({ db }: { db: Tx }) {
  return {
    findUserByEmail: (email: string) =>
      db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst(),

    findUserById: (id: string) => db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst(),

    /**
     * Counts one failed login atomically and locks the account when the new count reaches the threshold: the decision
     * uses the database's count, so failures sent in parallel (or to several servers) cannot slip past the lockout.
     */
    async recordFailure(userId: string, at: string, lock: { threshold: number; until: string }) {
      const row = await db
        .updateTable("users")
        .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1), last_failed_at: at }))
        .where("id", "=", userId)
        .returning("failed_logins")
        .executeTakeFirstOrThrow();
      const locked = row.failed_logins >= lock.threshold;
      if (locked)
        await db.updateTable("users").set({ locked_until: lock.until }).where("id", "=", userId).execute();
      return { failures: row.failed_logins, locked };
    },

    touchToken: (id: string, now: string) =>
      db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute(),

    resetFailures: (userId: string) =>
      db
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: null })
        .where("id", "=", userId)
        .execute(),

    insertSession: (row: SessionsTable) => db.insertInto("sessions").values(row).execute(),

    findLiveSession: (id: string, now: string) =>
      db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .select([
          "sessions.id",
          "sessions.csrf_token",
          "sessions.last_seen_at",
          "users.id as user_id",
          "users.is_admin",
        ])
        .where("sessions.id", "=", id)
        .where("sessions.expires_at", ">", now)
        .where("users.disabled", "=", 0)
        .executeTakeFirst(),

    /** The live sessions of one user, newest first. */
    listSessions: (userId: string, now: string) =>
      db
        .selectFrom("sessions")
        .select(["id", "ip", "user_agent", "created_at", "last_seen_at", "expires_at"])
        .where("user_id", "=", userId)
        .where("expires_at", ">", now)
        .orderBy("created_at", "desc")
        .execute(),

    touchSession: (id: string, now: string) =>
      db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute(),

    deleteSession: (id: string) => db.deleteFrom("sessions").where("id", "=", id).executeTakeFirst(),

    /** Ends every session of a user, but `keep` when it is given. */
    deleteSessionsOf: (userId: string, keep?: string | null) => {
      let q = db.deleteFrom("sessions").where("user_id", "=", userId);
      if (keep) q = q.where("id", "!=", keep);
      return q.executeTakeFirst();
    },

    findLiveToken: (hash: string, now: string) =>
      db
        .selectFrom("api_tokens")
        .innerJoin("users", "users.id", "api_tokens.user_id")
        .select([
          "api_tokens.id",
          "api_tokens.scopes",
          "api_tokens.expires_at",
          "api_tokens.last_used_at",
          "users.id as user_id",
          "users.is_admin",
        ])
        .where("api_tokens.token_hash", "=", hash)
        .where("api_tokens.revoked_at", "is", null)
        .where((eb) =>
          eb.or([eb("api_tokens.expires_at", "is", null), eb("api_tokens.expires_at", ">", now)]),
        )
        .where("users.disabled", "=", 0)
        .executeTakeFirst(),

    insertToken: (row: ApiTokensTable) => db.insertInto("api_tokens").values(row).execute(),

    listTokens: (userId: string) =>
      db
        .selectFrom("api_tokens")
        .select(["id", "name", "scopes", "created_at", "expires_at", "last_used_at", "revoked_at"])
        .where("user_id", "=", userId)
        .orderBy("created_at", "desc")
        .execute(),

    revokeToken: (userId: string, id: string, at: string) =>
      db
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst(),

    async membershipsOf(userId: string): Promise<Map<string, MandateRole>> {
      const rows = await db
        .selectFrom("memberships")
        .select(["mandate_id", "role"])
        .where("user_id", "=", userId)
        .execute();
      return new Map(rows.map((r) => [r.mandate_id, r.role as MandateRole]));
    },

    /** Counts a hit in a fixed window shared by every server process; returns the hits so far in that window. */
    async hit(bucket: string, windowStart: string): Promise<number> {
      const row = await db
        .insertInto("rate_limits")
        .values({ bucket, window_start: windowStart, hits: 1 })
        .onConflict((oc) =>
          oc
            .columns(["bucket", "window_start"])
            .doUpdateSet((eb) => ({ hits: eb("rate_limits.hits", "+", 1) })),
        )
        .returning("hits")
        .executeTakeFirstOrThrow();
      return row.hits;
    },

    /** The hits counted so far in one window of a bucket, without counting one more. */
    async hitsIn(bucket: string, windowStart: string): Promise<number> {
      const row = await db
        .selectFrom("rate_limits")
        .select("hits")
        .where("bucket", "=", bucket)
        .where("window_start", "=", windowStart)
        .executeTakeFirst();
      return row?.hits ?? 0;
    },

    /** Forgets the counts of windows that began before `before` (only of buckets starting with `bucketPrefix`). */
    purgeRateLimits: (before: string, bucketPrefix?: string) => {
      let q = db.deleteFrom("rate_limits").where("window_start", "<", before);
      if (bucketPrefix)
        q = q.where(
          sql<string>`substr(${sql.ref("bucket")}, 1, ${sql.lit(bucketPrefix.length)})`,
          "=",
          bucketPrefix,
        );
      return q.execute();
    },
  };
}
