import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import { seal } from "../../platform/crypto/envelope.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { invalidField } from "../../platform/errors/app-error.js";
import { authRequired, totpAlreadyEnabled, totpNotEnabled, totpNotStarted } from "./auth.errors.js";
import { createAuthRepository } from "./auth.repository.js";
import { presentPasskey } from "./passkeys.usecases.js";
import { issueRecoveryCodes } from "./recovery-codes.js";
import { assertSecondFactorAttemptsLeft, recordSecondFactorFailure } from "./second-factor-attempts.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";
import { checkTotp, matchTotp, newTotpSecret, totpUri } from "./totp.js";

interface Deps {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
}

const audit = (action: string, actor: Actor) => ({
  action,
  recordType: "user",
  recordId: actor.userId,
  mandateId: null,
});

/**
 * Starts setting up an authenticator app: a new secret, sealed under the master key (the row id bound as associated
 * data), shown once with its otpauth:// address and a QR code (SVG). Nothing changes at sign-in until it is confirmed.
 * @example const { secret, uri, qrSvg } = await startTotp({ db, masterKey, actor });
 */
export async function startTotp({ db, masterKey, actor }: Deps) {
  const user = await createAuthRepository({ db }).findUserById(actor.userId);
  if (!user) throw authRequired();
  const secret = await newTotpSecret();
  const uri = await totpUri(secret, user.email);
  const id = uuidv7();
  await inTransaction(db, async (trx) => {
    const repo = createSecondFactorsRepository({ db: trx });
    if ((await repo.findTotp(actor.userId))?.confirmed_at) throw totpAlreadyEnabled();
    const sealed = seal(masterKey, id, { secret });
    await repo.putUnconfirmedTotp({
      id,
      user_id: actor.userId,
      key_id: sealed.keyId,
      wrapped_key: sealed.wrappedKey,
      ciphertext: sealed.ciphertext,
      confirmed_at: null,
      last_time_step: null,
      created_at: nowIso(),
    });
    await writeAudit(trx, actor, [audit("second_factor.totp_start", actor)]);
  });
  return { secret, uri, qrSvg: await (await import("qrcode")).toString(uri, { type: "svg", margin: 2 }) };
}

/**
 * Confirms the authenticator app with its first code; from then on sign-in asks for a code. Returns ten fresh
 * recovery codes, shown this once.
 */
export async function confirmTotp({ db, masterKey, actor, code }: Deps & { code: string }) {
  const row = await createSecondFactorsRepository({ db }).findTotp(actor.userId);
  if (!row) throw totpNotStarted();
  if (row.confirmed_at) throw totpAlreadyEnabled();
  await assertSecondFactorAttemptsLeft(db, actor.userId);
  const step = await matchTotp(masterKey, row, code);
  if (step === null) {
    await recordSecondFactorFailure(db, actor, "totp_confirm");
    throw invalidField("code", "field.wrong_code");
  }
  return inTransaction(db, async (trx) => {
    const res = await createSecondFactorsRepository({ db: trx }).confirmTotp(row.id, nowIso(), step);
    if (Number(res.numUpdatedRows) !== 1) throw totpAlreadyEnabled();
    const recoveryCodes = await issueRecoveryCodes(trx, actor.userId);
    await writeAudit(trx, actor, [audit("second_factor.totp_enable", actor)]);
    return { recoveryCodes };
  });
}

/** Turns the authenticator app off, proven by a current code or the account's password. */
export async function disableTotp({
  db,
  masterKey,
  actor,
  code,
  password,
}: Deps & { code?: string | undefined; password?: string | undefined }) {
  const repo = createSecondFactorsRepository({ db });
  if (!(await repo.findTotp(actor.userId))?.confirmed_at) throw totpNotEnabled();
  await assertSecondFactorAttemptsLeft(db, actor.userId);
  const user = await createAuthRepository({ db }).findUserById(actor.userId);
  if (!user) throw authRequired();
  const field = code ? "code" : "password";
  const proven = code
    ? await checkTotp(db, masterKey, actor.userId, code)
    : !!password && (await verifyPassword(user.password_hash, password));
  if (!proven) {
    await recordSecondFactorFailure(db, actor, "totp_disable");
    throw invalidField(
      field,
      code ? "field.wrong_code" : password ? "field.wrong_password" : "field.required",
    );
  }
  await inTransaction(db, async (trx) => {
    const r = createSecondFactorsRepository({ db: trx });
    await r.deleteTotp(actor.userId);
    // Recovery codes stand in for a second factor; with none left they would be a second password.
    if (!(await r.hasSecondFactor(actor.userId))) await r.replaceRecoveryCodes(actor.userId, []);
    await writeAudit(trx, actor, [audit("second_factor.totp_disable", actor)]);
  });
}

/** Replaces the recovery codes with ten new ones (the old ones stop working), shown this once. */
export async function regenerateRecoveryCodes({ db, actor }: Omit<Deps, "masterKey">) {
  return inTransaction(db, async (trx) => {
    if (!(await createSecondFactorsRepository({ db: trx }).hasSecondFactor(actor.userId)))
      throw totpNotEnabled();
    const recoveryCodes = await issueRecoveryCodes(trx, actor.userId);
    await writeAudit(trx, actor, [audit("second_factor.recovery_codes", actor)]);
    return { recoveryCodes };
  });
}

/** What the caller has set up: the authenticator app, recovery codes left, passkeys; and whether one is required. */
export async function secondFactorStatus({
  db,
  actor,
  required,
}: {
  db: Db;
  actor: Actor;
  required: boolean;
}) {
  const repo = createSecondFactorsRepository({ db });
  const totp = await repo.findTotp(actor.userId);
  return {
    totp: !!totp?.confirmed_at,
    recoveryCodesLeft: await repo.unusedRecoveryCodes(actor.userId),
    passkeys: (await repo.listPasskeys(actor.userId)).map(presentPasskey),
    required,
  };
}
