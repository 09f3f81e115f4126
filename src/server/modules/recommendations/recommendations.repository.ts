import type { Actor } from "../../platform/access/access.policies.js";
import { readableBy } from "../../platform/access/access.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";

/** SQL of the recommendations registry beyond the record engine. */
export function createRecommendationsRepository({ db }: { db: Tx }) {
  return {
    async recommendationOf(followUpId: string) {
      const row = await db
        .selectFrom("recommendation_follow_ups")
        .select("recommendation_id")
        .where("id", "=", followUpId)
        .executeTakeFirst();
      return row?.recommendation_id ?? null;
    },

    /** The recommendation's status is its latest assessment (by day, then by when it was recorded). */
    async refreshStatus(recommendationId: string) {
      const latest = await db
        .selectFrom("recommendation_follow_ups")
        .select(["status", "assessed_on"])
        .where("recommendation_id", "=", recommendationId)
        .orderBy("assessed_on", "desc")
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .executeTakeFirst();
      await db
        .updateTable("recommendations")
        .set({ status: latest?.status ?? "no_information", status_on: latest?.assessed_on ?? null })
        .where("id", "=", recommendationId)
        .execute();
    },

    /** Recommendations the actor may read, filtered as the registry's list is, for an export. */
    async readable(actor: Actor, mandateId: string, filters: Record<string, string>, limit: number) {
      let q = untyped(db)
        .selectFrom("recommendations")
        .selectAll()
        .where("mandate_id", "=", mandateId)
        .where((eb) => readableBy(eb, actor, "recommendations"));
      for (const [column, value] of Object.entries(filters)) q = q.where(column, "=", value);
      return q.orderBy("issued_on", "desc").orderBy("id").limit(limit).execute() as Promise<
        Record<string, string | null>[]
      >;
    },

    async followUps(actor: Actor, ids: string[]) {
      if (!ids.length) return [];
      return untyped(db)
        .selectFrom("recommendation_follow_ups")
        .select(["recommendation_id", "status", "assessed_on", "evidence"])
        .where("recommendation_id", "in", ids)
        .where((eb) => readableBy(eb, actor, "recommendation_follow_ups"))
        .orderBy("assessed_on")
        .execute() as Promise<
        { recommendation_id: string; status: string; assessed_on: string; evidence: string | null }[]
      >;
    },
  };
}
