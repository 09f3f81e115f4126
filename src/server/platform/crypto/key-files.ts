import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newKeyRequired, nextKeyMismatch, sameKey } from "./crypto.errors.js";
import {
  decodeKey,
  fingerprint,
  loadCurrentMasterKey,
  type MasterKey,
  nextKeyFile,
  rotationMarkerFile,
} from "./master-key.js";

export interface RotationKeys {
  current: MasterKey;
  next: MasterKey;
  /** file: master.key in the data directory; env: RAPPORTEUR_MASTER_KEY, which the operator changes afterwards. */
  mode: "file" | "env";
  resumed: boolean;
}

const asKey = (text: string): MasterKey => {
  const key = decodeKey(text);
  return { key, id: fingerprint(key) };
};

/** Writes a file whole or not at all (temporary file, then rename), readable by the owner only. */
function writeSecretFile(file: string, text: string) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600, flag: "w" });
  renameSync(tmp, file);
}

/**
 * The current and the new master key of a rotation. The first run records the new key (key file mode: the key in
 * `master.key.next`, mode 0600; RAPPORTEUR_MASTER_KEY mode: only its id in `master.key.rotating`); a later run finds
 * it there and continues, and until the rotation finishes the server refuses to start.
 */
export function prepareRotationKeys(options: {
  dataDir: string;
  masterKey?: string | undefined;
  newKey?: string | undefined;
}): RotationKeys {
  const current = loadCurrentMasterKey(options);
  const given = options.newKey === undefined ? undefined : asKey(options.newKey);
  if (given && given.id === current.id) throw sameKey();
  if (options.masterKey) {
    if (!given) throw newKeyRequired();
    const marker = rotationMarkerFile(options.dataDir);
    const started = existsSync(marker) ? readFileSync(marker, "utf8").trim() : undefined;
    if (started && started !== given.id) throw nextKeyMismatch({ given: given.id, started });
    if (!started) writeSecretFile(marker, `${given.id}\n`);
    return { current, next: given, mode: "env", resumed: started !== undefined };
  }
  const file = nextKeyFile(options.dataDir);
  if (existsSync(file)) {
    const next = asKey(readFileSync(file, "utf8"));
    if (given && given.id !== next.id) throw nextKeyMismatch({ given: given.id, started: next.id });
    if (next.id === current.id) throw sameKey();
    return { current, next, mode: "file", resumed: true };
  }
  const next = given ?? asKey(randomBytes(32).toString("base64"));
  writeSecretFile(file, `${next.key.toString("base64")}\n`);
  return { current, next, mode: "file", resumed: false };
}

/** The last step: the new key replaces master.key in one rename (the old key is gone), or the marker is removed. */
export function finishRotationKeys(keys: RotationKeys, dataDir: string): void {
  if (keys.mode === "file") renameSync(nextKeyFile(dataDir), path.join(dataDir, "master.key"));
  else unlinkSync(rotationMarkerFile(dataDir));
}
