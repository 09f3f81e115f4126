import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rotationUnfinished } from "./crypto.errors.js";

export interface MasterKey {
  key: Buffer;
  /** Short fingerprint stored next to each wrapped data key, so rotation knows which master wrapped it. */
  id: string;
}

/** Reads a key written as 64 hex digits or base64; throws unless it is 32 bytes. */
export function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (buf.length !== 32)
    throw new Error("The master key must be 32 bytes, written as 64 hex digits or base64.");
  return buf;
}

/** The key id stored next to wrapped data keys. */
export const fingerprint = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 16);

/**
 * Loads the master key from RAPPORTEUR_MASTER_KEY, else from `master.key` in the data directory, creating it (mode 0600) on first run.
 * @example const master = loadMasterKey({ dataDir: "./data" });
 */
export function loadMasterKey(options: { dataDir: string; masterKey?: string | undefined }): MasterKey {
  assertNoRotationPending(options.dataDir);
  return loadCurrentMasterKey(options);
}

/** The master key as {@link loadMasterKey} finds it, without refusing an unfinished rotation (the rotation itself). */
export function loadCurrentMasterKey(options: {
  dataDir: string;
  masterKey?: string | undefined;
}): MasterKey {
  if (options.masterKey) {
    const key = decodeKey(options.masterKey);
    return { key, id: fingerprint(key) };
  }
  const file = path.join(options.dataDir, "master.key");
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  const key = decodeKey(readFileSync(file, "utf8"));
  return { key, id: fingerprint(key) };
}

/** Where a rotation keeps the new key until every record is under it (key file mode). */
export const nextKeyFile = (dataDir: string) => path.join(dataDir, "master.key.next");
/** Where a rotation notes the new key's id while it runs (RAPPORTEUR_MASTER_KEY mode: the key itself is not written). */
export const rotationMarkerFile = (dataDir: string) => path.join(dataDir, "master.key.rotating");

/** Refuses to go on while a master-key rotation is unfinished: records may be under either key. */
export function assertNoRotationPending(dataDir: string): void {
  for (const file of [nextKeyFile(dataDir), rotationMarkerFile(dataDir)])
    if (existsSync(file)) throw rotationUnfinished({ file });
}
