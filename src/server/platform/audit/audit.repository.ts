import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../access/access.policies.js";
import type { Tx } from "../db/any-db.js";
import { nowIso } from "../db/time.js";

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId: string | null;
  mandateId: string | null;
  /** Names of the fields changed or read; never their values. */
  fields?: string[];
}

/** Who an audit row names: a signed-in actor, or someone identified only by account and connection (a sign-in). */
export type AuditActor = Pick<Actor, "userId" | "ip" | "userAgent">;

/**
 * Writes audit rows in the caller's transaction, so the change and its trace commit or roll back together.
 * @example await writeAudit(trx, actor, [{ action: "update", recordType: "person", recordId, mandateId, fields: ["sex"] }]);
 */
export async function writeAudit(db: Tx, actor: AuditActor | null, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = nowIso();
  await db
    .insertInto("audit_log")
    .values(
      entries.map((e) => ({
        id: uuidv7(),
        at,
        actor_id: actor?.userId ?? null,
        action: e.action,
        record_type: e.recordType,
        record_id: e.recordId,
        mandate_id: e.mandateId,
        ip: actor?.ip ?? null,
        user_agent: actor?.userAgent?.slice(0, 300) ?? null,
        fields: e.fields ? JSON.stringify(e.fields) : null,
      })),
    )
    .execute();
}
