import type { Tx } from "../../platform/db/any-db.js";

export interface AuditQuery {
  recordId?: string | undefined;
  actorId?: string | undefined;
  mandateId?: string | undefined;
  /** null: every mandate (admins); otherwise only rows of these mandates. */
  mandateScope: string[] | null;
  beforeId?: string | undefined;
  limit: number;
}

/** SQL of reading the audit trail (writing it is platform/audit). */
export function createAuditQueryRepository({ db }: { db: Tx }) {
  return {
    hasAction: async (action: string) =>
      (await db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", action)
        .limit(1)
        .executeTakeFirst()) !== undefined,

    list(q: AuditQuery) {
      let query = db.selectFrom("audit_log").selectAll();
      if (q.mandateScope) {
        if (!q.mandateScope.length) return Promise.resolve([]);
        query = query.where("mandate_id", "in", q.mandateScope);
      }
      if (q.recordId) query = query.where("record_id", "=", q.recordId);
      if (q.actorId) query = query.where("actor_id", "=", q.actorId);
      if (q.mandateId) query = query.where("mandate_id", "=", q.mandateId);
      if (q.beforeId) query = query.where("id", "<", q.beforeId);
      return query
        .orderBy("id", "desc")
        .limit(q.limit + 1)
        .execute();
    },
  };
}
