import { randomBytes } from "node:crypto";
import { mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirReadOnly, storageErrorFrom } from "../errors/storage-errors.js";

/**
 * Checks at start that the data directory takes writes (a probe file written and removed), so a read-only or full
 * disk is reported in one clear line instead of failing on the first upload.
 * @example assertDataDirWritable(config.dataDir);
 */
export function assertDataDirWritable(dataDir: string): void {
  const probe = path.join(dataDir, `.write-probe-${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(probe, "", { flag: "wx", mode: 0o600 });
    unlinkSync(probe);
  } catch (e) {
    const mapped = storageErrorFrom(e);
    if (mapped?.code === "storage.read_only") throw dataDirReadOnly({ where: dataDir });
    throw mapped ?? e;
  }
}
