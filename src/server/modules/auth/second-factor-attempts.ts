import { type AuditActor, writeAudit } from "../../platform/audit/audit.repository.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { rateLimited } from "./auth.errors.js";
import { createAuthRepository } from "./auth.repository.js";

/** Failed second-factor attempts allowed per account in one window; a six-digit code then takes years to guess. */
export const secondFactorAttempts = { max: 5, windowMinutes: 15 } as const;

const windowMs = secondFactorAttempts.windowMinutes * 60_000;
const windowStart = () => new Date(Math.floor(Date.now() / windowMs) * windowMs).toISOString();
const bucketOf = (userId: string) => `second-factor:user:${userId}`;

/** Refuses (429) while the account has used up its failed attempts of the current window, before any check. */
export async function assertSecondFactorAttemptsLeft(db: Db, userId: string) {
  const hits = await createAuthRepository({ db }).hitsIn(bucketOf(userId), windowStart());
  if (hits >= secondFactorAttempts.max)
    throw rateLimited({ seconds: Math.ceil((Date.parse(windowStart()) + windowMs - Date.now()) / 1000) });
}

/** Counts one failed second-factor attempt against the account and audits it, in one transaction. */
export async function recordSecondFactorFailure(db: Db, who: AuditActor, method: string) {
  await inTransaction(db, async (trx) => {
    await createAuthRepository({ db: trx }).hit(bucketOf(who.userId), windowStart());
    await writeAudit(trx, who, [
      {
        action: "second_factor.failed",
        recordType: "user",
        recordId: who.userId,
        mandateId: null,
        fields: [method],
      },
    ]);
  });
}
