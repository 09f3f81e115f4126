import { writeAudit } from "../../platform/audit/audit.repository.js";
import { newSecret, secretHash } from "../../platform/auth/secret-tokens.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Db } from "../../platform/db/database.js";
import { isoFromNow, nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { invalidField } from "../../platform/errors/app-error.js";
import { signInExpired } from "./auth.errors.js";
import { type AuthSettings, type ClientInfo, openSession } from "./auth.usecases.js";
import { spendRecoveryCode } from "./recovery-codes.js";
import { assertSecondFactorAttemptsLeft, recordSecondFactorFailure } from "./second-factor-attempts.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";
import { checkTotp } from "./totp.js";

/** A password accepted waits this long for its second step. */
export const pendingSignInMinutes = 5;

/**
 * Starts the second step of a sign-in: a short-lived token (not a session: it opens nothing but the second step),
 * stored as its hash, and the methods the account can use.
 */
export async function startSecondStep({
  db,
  userId,
  client,
}: {
  db: Db;
  userId: string;
  client: ClientInfo;
}) {
  const token = newSecret("rpp_");
  const expiresAt = isoFromNow(pendingSignInMinutes * 60_000);
  const repo = createSecondFactorsRepository({ db });
  const methods: ("totp" | "recovery_code" | "passkey")[] = [];
  if ((await repo.findTotp(userId))?.confirmed_at) methods.push("totp");
  if ((await repo.unusedRecoveryCodes(userId)) > 0) methods.push("recovery_code");
  if ((await repo.listPasskeys(userId)).length) methods.push("passkey");
  await inTransaction(db, async (trx) => {
    const r = createSecondFactorsRepository({ db: trx });
    await r.purgeExpired(nowIso());
    await r.insertPending({
      id: secretHash(token),
      user_id: userId,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      created_at: nowIso(),
      expires_at: expiresAt,
    });
    await writeAudit(trx, { userId, ...client }, [
      { action: "login.second_step", recordType: "user", recordId: userId, mandateId: null },
    ]);
  });
  return { token, methods, expiresAt };
}

/** The live pending sign-in of a token, or 401 `auth.sign_in_expired`. */
export async function livePending(db: Db, token: string) {
  const pending = await createSecondFactorsRepository({ db }).findLivePending(secretHash(token), nowIso());
  if (!pending) throw signInExpired();
  return pending;
}

/** Ends a pending sign-in with a session; a token serves once, even to two requests at once. */
export async function finishSecondStep(
  db: Db,
  settings: AuthSettings,
  pendingId: string,
  userId: string,
  client: ClientInfo,
  method: "totp" | "recovery_code" | "passkey",
) {
  if (!(await createSecondFactorsRepository({ db }).deletePending(pendingId))) throw signInExpired();
  return openSession({ db, settings, userId, client, method });
}

/**
 * Completes a sign-in with a code of the authenticator app or a recovery code. Failures count against the account
 * (429 past the limit) and are audited.
 * @example const session = await completeWithCode({ db, settings, masterKey, token, code: "123456", client });
 */
export async function completeWithCode({
  db,
  settings,
  masterKey,
  token,
  code,
  recoveryCode,
  client,
}: {
  db: Db;
  settings: AuthSettings;
  masterKey: MasterKey;
  token: string;
  code?: string | undefined;
  recoveryCode?: string | undefined;
  client: ClientInfo;
}) {
  const pending = await livePending(db, token);
  const userId = pending.user_id;
  await assertSecondFactorAttemptsLeft(db, userId);
  const method = code ? "totp" : "recovery_code";
  const accepted = code
    ? await checkTotp(db, masterKey, userId, code)
    : !!recoveryCode && (await spendRecoveryCode(db, userId, recoveryCode));
  if (!accepted) {
    await recordSecondFactorFailure(db, { userId, ...client }, method);
    throw invalidField(
      code ? "code" : "recoveryCode",
      code || recoveryCode ? "field.wrong_code" : "field.required",
    );
  }
  return finishSecondStep(db, settings, pending.id, userId, client, method);
}
