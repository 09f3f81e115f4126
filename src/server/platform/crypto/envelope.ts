import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { MasterKey } from "./master-key.js";

export interface Sealed {
  keyId: string;
  wrappedKey: string;
  ciphertext: string;
}

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

function gcmDecrypt(key: Buffer, sealed: string, aad: string): Buffer {
  const raw = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

/**
 * Encrypts a JSON value under a fresh per-record data key (AES-256-GCM), itself wrapped by the master key.
 * The record id is bound as associated data, so a ciphertext moved to another record fails to open.
 * @example const sealed = seal(master, "person-id", { legalName: "…" });
 */
export function seal(master: MasterKey, recordId: string, value: unknown): Sealed {
  const dataKey = randomBytes(32);
  return {
    keyId: master.id,
    wrappedKey: gcmEncrypt(master.key, dataKey, `key:${recordId}`),
    ciphertext: gcmEncrypt(dataKey, Buffer.from(JSON.stringify(value), "utf8"), `data:${recordId}`),
  };
}

/** Opens what `seal` produced; throws if the key, the record id or the bytes do not match. */
export function open<T>(master: MasterKey, recordId: string, sealed: Sealed): T {
  if (sealed.keyId !== master.id) throw new Error("Identifying data was sealed under another master key.");
  const dataKey = gcmDecrypt(master.key, sealed.wrappedKey, `key:${recordId}`);
  return JSON.parse(gcmDecrypt(dataKey, sealed.ciphertext, `data:${recordId}`).toString("utf8")) as T;
}

/**
 * Wraps a record's data key under another master key; the ciphertext is untouched, only `keyId` and `wrappedKey`
 * change. Throws if the record is not under `from`.
 * @example const moved = rewrap(oldMaster, newMaster, "person-id", sealed);
 */
export function rewrap(from: MasterKey, to: MasterKey, recordId: string, sealed: Sealed): Sealed {
  if (sealed.keyId !== from.id) throw new Error("Identifying data was sealed under another master key.");
  const dataKey = gcmDecrypt(from.key, sealed.wrappedKey, `key:${recordId}`);
  return {
    keyId: to.id,
    wrappedKey: gcmEncrypt(to.key, dataKey, `key:${recordId}`),
    ciphertext: sealed.ciphertext,
  };
}
