import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface MasterKey {
  key: Buffer;
  /** Short fingerprint stored next to each wrapped data key, so rotation knows which master wrapped it. */
  id: string;
}

function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (buf.length !== 32)
    throw new Error("The master key must be 32 bytes, written as 64 hex digits or base64.");
  return buf;
}

const fingerprint = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 16);

/**
 * Loads the master key from RAPPORTEUR_MASTER_KEY, else from `master.key` in the data directory, creating it (mode 0600) on first run.
 * @example const master = loadMasterKey({ dataDir: "./data" });
 */
export function loadMasterKey(options: { dataDir: string; masterKey?: string | undefined }): MasterKey {
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
