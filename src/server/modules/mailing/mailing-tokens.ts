import { createHmac, hkdfSync } from "node:crypto";
import { sameSecret } from "../../platform/auth/secret-tokens.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";

/**
 * The mailing list's keys, derived from the master key (HKDF-SHA-256, one label each), so nothing secret is stored
 * for them: one keys the address hash (lookup and uniqueness without the address in clear), one signs the links of
 * e-mail. Links are signed rather than stored: every mailing carries a preferences and an unsubscribe link for each
 * subscriber, which a stored random secret (kept only as its hash) could not be written into again.
 */
export interface MailingKeys {
  address: Buffer;
  token: Buffer;
}

const derived = new WeakMap<MasterKey, MailingKeys>();
const derive = (master: MasterKey, label: string) =>
  Buffer.from(hkdfSync("sha256", master.key, Buffer.alloc(0), `rapporteur/mailing/${label}/v1`, 32));

/** The keys of the mailing list under this master key (derived once). */
export function mailingKeys(master: MasterKey): MailingKeys {
  let keys = derived.get(master);
  if (!keys) {
    keys = { address: derive(master, "address"), token: derive(master, "token") };
    derived.set(master, keys);
  }
  return keys;
}

/** An address as compared: trimmed and lowercased (mail systems treat the local part case-blind in practice). */
export const normaliseAddress = (email: string) => email.trim().toLowerCase();

/**
 * The keyed hash of an address: equal for the same address whatever its case, useless without the master key.
 * @example addressHash(keys, "Reader@Example.org") === addressHash(keys, "reader@example.org")
 */
export const addressHash = (keys: MailingKeys, email: string) =>
  createHmac("sha256", keys.address).update(normaliseAddress(email)).digest("hex");

/** confirm: the double opt-in link (expires); manage: the preferences and unsubscribe links (do not). */
export type TokenPurpose = "confirm" | "manage";
const prefix: Record<TokenPurpose, string> = { confirm: "c", manage: "m" };

const signature = (keys: MailingKeys, body: string) =>
  createHmac("sha256", keys.token).update(body).digest("base64url");

/**
 * A signed link token: `c.<subscriber id>.<expiry, unix seconds>.<HMAC>` or `m.<subscriber id>.<HMAC>`.
 * @example signToken(keys, "confirm", subscriberId, new Date(Date.now() + 7 * 86_400_000))
 */
export function signToken(keys: MailingKeys, purpose: TokenPurpose, subscriberId: string, expires?: Date) {
  const parts = [prefix[purpose], subscriberId];
  if (expires) parts.push(String(Math.floor(expires.getTime() / 1000)));
  const body = parts.join(".");
  return `${body}.${signature(keys, body)}`;
}

export type TokenCheck = { ok: true; subscriberId: string } | { ok: false; problem: "invalid" | "expired" };

const shape = /^([cm])\.([0-9a-f-]{36})(?:\.(\d{1,12}))?\.([A-Za-z0-9_-]{43})$/;

/** Checks a token's purpose, signature and (confirm links) expiry; a tampered token is only ever "invalid". */
export function verifyToken(
  keys: MailingKeys,
  purpose: TokenPurpose,
  token: string | undefined,
  now = Date.now(),
): TokenCheck {
  const m = shape.exec(token ?? "");
  if (!m || m[1] !== prefix[purpose] || (purpose === "confirm") !== (m[3] !== undefined))
    return { ok: false, problem: "invalid" };
  const body = (token as string).slice(0, (token as string).lastIndexOf("."));
  if (!sameSecret(signature(keys, body), m[4] as string)) return { ok: false, problem: "invalid" };
  if (m[3] !== undefined && Number(m[3]) * 1000 < now) return { ok: false, problem: "expired" };
  return { ok: true, subscriberId: m[2] as string };
}

/** What a key rotation recomputes for a subscriber: the keyed address hash, from the opened address under the new key. */
export const subscriberDerivedColumns = (value: unknown, master: MasterKey) => ({
  email_hash: addressHash(mailingKeys(master), (value as { email: string }).email),
});
