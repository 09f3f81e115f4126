import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export const hashPassword = (password: string) => hash(password, options);

/** Checks a password; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown e-mail cannot be told from a wrong password by timing. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword("rapporteur-timing-equaliser");
  await verifyPassword(await dummy, password);
  return false;
}
