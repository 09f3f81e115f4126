import { open } from "../../platform/crypto/envelope.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { UserTotpTable } from "../../platform/db/schema-auth.types.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";

// Loaded on first use, so that commands and servers that never see a code do not pay for the import.
const otp = () => import("otplib");

/** One step of clock drift either way is accepted (RFC 6238 §5.2): 30 seconds. */
const tolerance = 30;

export const newTotpSecret = async () => (await otp()).generateSecret();

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpUri = async (secret: string, account: string) =>
  (await otp()).generateURI({ issuer: "Rapporteur", label: account, secret });

const secretOf = (master: MasterKey, row: UserTotpTable) =>
  open<{ secret: string }>(master, row.id, {
    keyId: row.key_id,
    wrappedKey: row.wrapped_key,
    ciphertext: row.ciphertext,
  }).secret;

/** The time step a code matches (never one at or before `after`), or null. */
export async function matchTotp(master: MasterKey, row: UserTotpTable, code: string): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await (await otp()).verify({
    secret: secretOf(master, row),
    token,
    epochTolerance: tolerance,
    ...(row.last_time_step !== null ? { afterTimeStep: row.last_time_step } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * Checks a code of the user's confirmed authenticator app and spends its time step, so the same code cannot be
 * used twice (not even by two requests at once). False for a wrong, replayed or missing code.
 */
export async function checkTotp(db: Tx, master: MasterKey, userId: string, code: string): Promise<boolean> {
  const repo = createSecondFactorsRepository({ db });
  const row = await repo.findTotp(userId);
  if (!row?.confirmed_at) return false;
  const step = await matchTotp(master, row, code);
  return step !== null && (await repo.advanceTimeStep(row.id, step));
}
