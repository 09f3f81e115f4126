import type { Tx } from "../../platform/db/any-db.js";
import type {
  PasskeysTable,
  PendingSignInsTable,
  UserTotpTable,
  WebauthnChallengesTable,
} from "../../platform/db/schema-auth.types.js";

/** SQL of second factors: the sealed TOTP secret, recovery codes, passkeys, pending sign-ins and WebAuthn challenges. */
export function createSecondFactorsRepository({ db }: { db: Tx }) {
  return {
    findTotp: (userId: string) =>
      db.selectFrom("user_totp").selectAll().where("user_id", "=", userId).executeTakeFirst(),

    /** Replaces any unconfirmed secret of the user with a new one. */
    async putUnconfirmedTotp(row: UserTotpTable) {
      await db.deleteFrom("user_totp").where("user_id", "=", row.user_id).execute();
      await db.insertInto("user_totp").values(row).execute();
    },

    confirmTotp: (id: string, at: string, timeStep: number) =>
      db
        .updateTable("user_totp")
        .set({ confirmed_at: at, last_time_step: timeStep })
        .where("id", "=", id)
        .where("confirmed_at", "is", null)
        .executeTakeFirst(),

    /** Records the time step of an accepted code, only if it is later than the last one: false means a replay. */
    async advanceTimeStep(id: string, timeStep: number) {
      const res = await db
        .updateTable("user_totp")
        .set({ last_time_step: timeStep })
        .where("id", "=", id)
        .where((eb) => eb.or([eb("last_time_step", "is", null), eb("last_time_step", "<", timeStep)]))
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    deleteTotp: (userId: string) => db.deleteFrom("user_totp").where("user_id", "=", userId).execute(),

    replaceRecoveryCodes: async (
      userId: string,
      rows: { id: string; code_hash: string; created_at: string }[],
    ) => {
      await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
      if (rows.length)
        await db
          .insertInto("recovery_codes")
          .values(rows.map((r) => ({ ...r, user_id: userId, used_at: null })))
          .execute();
    },

    /** Spends an unused recovery code: true once, false for an unknown or spent code. */
    async useRecoveryCode(userId: string, codeHash: string, at: string) {
      const res = await db
        .updateTable("recovery_codes")
        .set({ used_at: at })
        .where("user_id", "=", userId)
        .where("code_hash", "=", codeHash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    unusedRecoveryCodes: async (userId: string) =>
      Number(
        (
          await db
            .selectFrom("recovery_codes")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("user_id", "=", userId)
            .where("used_at", "is", null)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    listPasskeys: (userId: string) =>
      db.selectFrom("passkeys").selectAll().where("user_id", "=", userId).orderBy("created_at").execute(),

    findPasskeyByCredential: (credentialId: string) =>
      db.selectFrom("passkeys").selectAll().where("credential_id", "=", credentialId).executeTakeFirst(),

    insertPasskey: (row: PasskeysTable) => db.insertInto("passkeys").values(row).execute(),

    notePasskeyUse: (id: string, counter: number, at: string) =>
      db.updateTable("passkeys").set({ counter, last_used_at: at }).where("id", "=", id).execute(),

    renamePasskey: (userId: string, id: string, name: string) =>
      db
        .updateTable("passkeys")
        .set({ name })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .executeTakeFirst(),

    deletePasskey: (userId: string, id: string) =>
      db.deleteFrom("passkeys").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst(),

    /** Whether the user has a confirmed authenticator app or a passkey. */
    async hasSecondFactor(userId: string) {
      const totp = await db
        .selectFrom("user_totp")
        .select("id")
        .where("user_id", "=", userId)
        .where("confirmed_at", "is not", null)
        .executeTakeFirst();
      if (totp) return true;
      return !!(await db
        .selectFrom("passkeys")
        .select("id")
        .where("user_id", "=", userId)
        .executeTakeFirst());
    },

    insertPending: (row: PendingSignInsTable) => db.insertInto("pending_sign_ins").values(row).execute(),

    findLivePending: (id: string, now: string) =>
      db
        .selectFrom("pending_sign_ins")
        .selectAll()
        .where("id", "=", id)
        .where("expires_at", ">", now)
        .executeTakeFirst(),

    /** Ends a pending sign-in; true only for the request that ended it, so it opens one session at most. */
    async deletePending(id: string) {
      await db.deleteFrom("webauthn_challenges").where("pending_id", "=", id).execute();
      const res = await db.deleteFrom("pending_sign_ins").where("id", "=", id).executeTakeFirst();
      return Number(res.numDeletedRows) === 1;
    },

    purgeExpired: async (now: string) => {
      await db.deleteFrom("webauthn_challenges").where("expires_at", "<=", now).execute();
      await db.deleteFrom("pending_sign_ins").where("expires_at", "<=", now).execute();
    },

    /** Keeps one live challenge per user and purpose: a new one replaces the last. */
    async putChallenge(row: WebauthnChallengesTable) {
      await db
        .deleteFrom("webauthn_challenges")
        .where("user_id", "=", row.user_id)
        .where("purpose", "=", row.purpose)
        .execute();
      await db.insertInto("webauthn_challenges").values(row).execute();
    },

    /** Takes the live challenge (deleting it, so it serves once); undefined when there is none. */
    async takeChallenge(userId: string, purpose: WebauthnChallengesTable["purpose"], now: string) {
      const row = await db
        .selectFrom("webauthn_challenges")
        .selectAll()
        .where("user_id", "=", userId)
        .where("purpose", "=", purpose)
        .executeTakeFirst();
      if (!row) return undefined;
      const res = await db.deleteFrom("webauthn_challenges").where("id", "=", row.id).executeTakeFirst();
      if (Number(res.numDeletedRows) !== 1 || row.expires_at <= now) return undefined;
      return row;
    },
  };
}
