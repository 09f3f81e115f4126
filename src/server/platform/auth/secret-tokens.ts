import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh random secret with a readable prefix (`rps_` session, `rpt_` API token). */
export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString("base64url")}`;

/** Secrets are stored only as their SHA-256; they carry 256 bits, so no slow hash is needed. */
export const secretHash = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Constant-time comparison of two strings. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
