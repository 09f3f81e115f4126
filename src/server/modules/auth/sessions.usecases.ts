import { createHash } from "node:crypto";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { sessionNotFound } from "./auth.errors.js";
import { createAuthRepository } from "./auth.repository.js";

/** How a session is named to its owner: a hash of its row id (itself a hash of the secret), never the secret. */
const sessionHandle = (id: string) => createHash("sha256").update(id).digest("hex").slice(0, 32);

/** The caller's live sessions: where and when each was opened and last used, and which one is this. */
export async function listMySessions({
  db,
  actor,
  currentId,
}: {
  db: Db;
  actor: Actor;
  currentId: string | null;
}) {
  const rows = await createAuthRepository({ db }).listSessions(actor.userId, nowIso());
  return rows.map((r) => ({
    id: sessionHandle(r.id),
    current: r.id === currentId,
    ip: r.ip,
    userAgent: r.user_agent,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  }));
}

/**
 * Ends one of the caller's sessions by its handle, or every session but the current one ("sign out everywhere
 * else"); audited. Another user's session is not found, like one that does not exist.
 */
export async function endMySessions({
  db,
  actor,
  currentId,
  handle,
}: {
  db: Db;
  actor: Actor;
  currentId: string | null;
  /** One session; without it, all but the current one. */
  handle?: string;
}) {
  return inTransaction(db, async (trx) => {
    const repo = createAuthRepository({ db: trx });
    let ended: number;
    if (handle) {
      const row = (await repo.listSessions(actor.userId, nowIso())).find(
        (r) => sessionHandle(r.id) === handle,
      );
      if (!row) throw sessionNotFound();
      ended = Number((await repo.deleteSession(row.id)).numDeletedRows);
    } else {
      ended = Number((await repo.deleteSessionsOf(actor.userId, currentId)).numDeletedRows);
    }
    await writeAudit(trx, actor, [
      {
        action: handle ? "session.end" : "session.end_others",
        recordType: "user",
        recordId: actor.userId,
        mandateId: null,
        fields: [String(ended)],
      },
    ]);
    return ended;
  });
}
