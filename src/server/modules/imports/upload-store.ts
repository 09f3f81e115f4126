import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** How long an uploaded file waits for its commit. */
export const uploadLifetimeMs = 24 * 60 * 60 * 1000;

/**
 * Import files as uploaded, byte for byte, under the data directory until their commit (or 24 hours): the preview,
 * the dry run and the commit all read the same bytes.
 */
export function createUploadStore(dataDir: string) {
  const dir = path.join(dataDir, "imports");
  const fileOf = (id: string) => {
    // Ids are ours (UUIDv7), but a path is only ever built from a plain id.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error("invalid upload id");
    return path.join(dir, id);
  };
  return {
    fileOf,
    save(id: string, bytes: Buffer) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(fileOf(id), bytes, { mode: 0o600 });
    },
    remove(id: string) {
      rmSync(fileOf(id), { force: true });
    },
  };
}
export type UploadStore = ReturnType<typeof createUploadStore>;
