import { randomInt } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { secretHash } from "../../platform/auth/secret-tokens.js";
import type { Tx } from "../../platform/db/any-db.js";
import { nowIso } from "../../platform/db/time.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";

/** How many recovery codes a user holds after setting up or regenerating them. */
export const recoveryCodeCount = 10;

// Crockford's base32 alphabet without look-alikes: 24 characters carry 120 bits, enough that an unsalted SHA-256
// resists an offline search (ASVS 2.6.2 asks for 112).
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** A code as the user may type it back: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^0-9a-z]/g, "");

const newCode = () => {
  const chars = Array.from({ length: 24 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
};

/**
 * Replaces the user's recovery codes with fresh ones, stored only as hashes; the plain codes are returned once.
 * @example const codes = await issueRecoveryCodes(trx, userId); // ["k3m9-…", …]
 */
export async function issueRecoveryCodes(db: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newCode);
  const createdAt = nowIso();
  await createSecondFactorsRepository({ db }).replaceRecoveryCodes(
    userId,
    codes.map((c) => ({
      id: uuidv7(),
      code_hash: secretHash(normaliseRecoveryCode(c)),
      created_at: createdAt,
    })),
  );
  return codes;
}

/** Spends one recovery code of the user; false when it is unknown or already used. */
export const spendRecoveryCode = (db: Tx, userId: string, code: string) =>
  createSecondFactorsRepository({ db }).useRecoveryCode(
    userId,
    secretHash(normaliseRecoveryCode(code)),
    nowIso(),
  );
