import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Db } from "../../platform/db/database.js";
import { isoFromNow, nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import {
  authRequired,
  noPasskey,
  passkeyChallengeExpired,
  passkeyNotFound,
  passkeyNotVerified,
} from "./auth.errors.js";
import { createAuthRepository } from "./auth.repository.js";
import type { AuthSettings, ClientInfo } from "./auth.usecases.js";
import { issueRecoveryCodes } from "./recovery-codes.js";
import { assertSecondFactorAttemptsLeft, recordSecondFactorFailure } from "./second-factor-attempts.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";
import { finishSecondStep, livePending } from "./sign-in-steps.usecases.js";

/** The relying party: its id is the host of the public address, the only origin accepted is that address's. */
export const relyingParty = (publicUrl: string) => {
  const url = new URL(publicUrl);
  return { rpID: url.hostname, origin: url.origin };
};

const challengeMinutes = 5;
// Loaded on first use: the library takes a noticeable time to import, which every CLI command would otherwise pay.
const webauthn = () => import("@simplewebauthn/server");
/** The options as the plain JSON object the route answers with. */
const asJson = <T extends { challenge: string }>(options: T) => options as T & Record<string, unknown>;
const transportsOf = (t: string) => (t ? t.split(",") : []) as AuthenticatorTransportFuture[];
type AuthenticatorTransportFuture = NonNullable<RegistrationResponseJSON["response"]["transports"]>[number];

/** A passkey as its owner sees it: never the key material. */
export const presentPasskey = (p: {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}) => ({
  id: p.id,
  name: p.name,
  createdAt: p.created_at,
  lastUsedAt: p.last_used_at,
});

/** Options for the browser to create a passkey for the signed-in user; the challenge is kept for one use. */
export async function passkeyRegistrationOptions({
  db,
  actor,
  publicUrl,
}: {
  db: Db;
  actor: Actor;
  publicUrl: string;
}) {
  const user = await createAuthRepository({ db }).findUserById(actor.userId);
  if (!user) throw authRequired();
  const repo = createSecondFactorsRepository({ db });
  const { rpID } = relyingParty(publicUrl);
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: "Rapporteur",
    rpID,
    userName: user.email,
    userDisplayName: user.display_name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: (await repo.listPasskeys(user.id)).map((p) => ({
      id: p.credential_id,
      transports: transportsOf(p.transports),
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await inTransaction(db, (trx) =>
    createSecondFactorsRepository({ db: trx }).putChallenge({
      id: uuidv7(),
      user_id: user.id,
      purpose: "register",
      challenge: options.challenge,
      pending_id: null,
      expires_at: isoFromNow(challengeMinutes * 60_000),
    }),
  );
  return asJson(options);
}

/**
 * Verifies the browser's new passkey against the kept challenge and stores it. When it is the account's first
 * second factor, ten recovery codes are issued and returned this once.
 */
export async function registerPasskey({
  db,
  actor,
  publicUrl,
  response,
  name,
}: {
  db: Db;
  actor: Actor;
  publicUrl: string;
  response: RegistrationResponseJSON;
  name: string;
}) {
  const challenge = await inTransaction(db, (trx) =>
    createSecondFactorsRepository({ db: trx }).takeChallenge(actor.userId, "register", nowIso()),
  );
  if (!challenge) throw passkeyChallengeExpired();
  const { rpID, origin } = relyingParty(publicUrl);
  const verified = await (await webauthn())
    .verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    })
    .catch(() => null);
  if (!verified?.verified) throw passkeyNotVerified();
  const credential = verified.registrationInfo.credential;
  const id = uuidv7();
  return inTransaction(db, async (trx) => {
    const repo = createSecondFactorsRepository({ db: trx });
    if (await repo.findPasskeyByCredential(credential.id)) throw passkeyNotVerified();
    const first = !(await repo.hasSecondFactor(actor.userId));
    const row = {
      id,
      user_id: actor.userId,
      credential_id: credential.id,
      public_key: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: (credential.transports ?? []).join(","),
      name,
      created_at: nowIso(),
      last_used_at: null,
    };
    await repo.insertPasskey(row);
    const recoveryCodes = first ? await issueRecoveryCodes(trx, actor.userId) : null;
    await writeAudit(trx, actor, [
      { action: "second_factor.passkey_add", recordType: "passkey", recordId: id, mandateId: null },
    ]);
    return { passkey: presentPasskey(row), recoveryCodes };
  });
}

/** Renames or removes one of the caller's passkeys (audited); another user's passkey is not found. */
export async function changePasskey({
  db,
  actor,
  id,
  name,
}: {
  db: Db;
  actor: Actor;
  id: string;
  /** The new name; without it, the passkey is removed. */
  name?: string;
}) {
  await inTransaction(db, async (trx) => {
    const repo = createSecondFactorsRepository({ db: trx });
    const res = name
      ? await repo.renamePasskey(actor.userId, id, name)
      : await repo.deletePasskey(actor.userId, id);
    const changed = "numUpdatedRows" in res ? res.numUpdatedRows : res.numDeletedRows;
    if (Number(changed) !== 1) throw passkeyNotFound();
    if (!name && !(await repo.hasSecondFactor(actor.userId)))
      await repo.replaceRecoveryCodes(actor.userId, []);
    await writeAudit(trx, actor, [
      {
        action: name ? "second_factor.passkey_rename" : "second_factor.passkey_remove",
        recordType: "passkey",
        recordId: id,
        mandateId: null,
      },
    ]);
  });
}

/** Options for the browser to sign in with one of the account's passkeys, at the second step of a sign-in. */
export async function passkeySignInOptions({
  db,
  token,
  publicUrl,
}: {
  db: Db;
  token: string;
  publicUrl: string;
}) {
  const pending = await livePending(db, token);
  const passkeys = await createSecondFactorsRepository({ db }).listPasskeys(pending.user_id);
  if (!passkeys.length) throw noPasskey();
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: relyingParty(publicUrl).rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credential_id, transports: transportsOf(p.transports) })),
    userVerification: "preferred",
  });
  await inTransaction(db, (trx) =>
    createSecondFactorsRepository({ db: trx }).putChallenge({
      id: uuidv7(),
      user_id: pending.user_id,
      purpose: "sign_in",
      challenge: options.challenge,
      pending_id: pending.id,
      expires_at: isoFromNow(challengeMinutes * 60_000),
    }),
  );
  return asJson(options);
}

/** Completes a sign-in with a passkey assertion; failures count against the account and are audited. */
export async function completeWithPasskey({
  db,
  settings,
  token,
  publicUrl,
  response,
  client,
}: {
  db: Db;
  settings: AuthSettings;
  token: string;
  publicUrl: string;
  response: AuthenticationResponseJSON;
  client: ClientInfo;
}) {
  const pending = await livePending(db, token);
  const userId = pending.user_id;
  await assertSecondFactorAttemptsLeft(db, userId);
  const repo = createSecondFactorsRepository({ db });
  const challenge = await inTransaction(db, (trx) =>
    createSecondFactorsRepository({ db: trx }).takeChallenge(userId, "sign_in", nowIso()),
  );
  if (!challenge || challenge.pending_id !== pending.id) throw passkeyChallengeExpired();
  const passkey = await repo.findPasskeyByCredential(response.id);
  const { rpID, origin } = relyingParty(publicUrl);
  const verified =
    passkey?.user_id === userId
      ? await (await webauthn())
          .verifyAuthenticationResponse({
            response,
            expectedChallenge: challenge.challenge,
            expectedOrigin: origin,
            expectedRPID: rpID,
            credential: {
              id: passkey.credential_id,
              publicKey: new Uint8Array(Buffer.from(passkey.public_key, "base64url")),
              counter: passkey.counter,
              transports: transportsOf(passkey.transports),
            },
            requireUserVerification: false,
          })
          .catch(() => null)
      : null;
  if (!passkey || !verified?.verified) {
    await recordSecondFactorFailure(db, { userId, ...client }, "passkey");
    throw passkeyNotVerified();
  }
  await repo.notePasskeyUse(passkey.id, verified.authenticationInfo.newCounter, nowIso());
  return finishSecondStep(db, settings, pending.id, userId, client, "passkey");
}
