import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";

export class CorruptBlobError extends Error {
  constructor(readonly sha256: string) {
    super(`Stored file ${sha256} does not match its checksum`);
  }
}

/**
 * Creates `root/ab/cd` one level at a time: a recursive mkdir on a read-only file system reports ENOENT, where each
 * level's own mkdir reports EROFS (which the API answers as `storage.read_only`).
 */
async function makeDirs(root: string, sha: string) {
  for (const dir of [
    root,
    path.join(root, sha.slice(0, 2)),
    path.join(root, sha.slice(0, 2), sha.slice(2, 4)),
  ])
    await mkdir(dir, { mode: 0o700 }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
}

/**
 * Content-addressed file store under `<dataDir>/attachments/ab/cd/<sha256>`. Writes are fsynced and renamed into
 * place, so a crash leaves either the whole file or none; every read re-checks the hash.
 * @example const store = createBlobStore(dataDir); const { sha256 } = await store.put(buffer);
 */
export function createBlobStore(dataDir: string) {
  const root = path.join(dataDir, "attachments");
  const pathOf = (sha: string) => path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);

  /** The bytes under a SHA-256, re-checked: a missing or altered file is a CorruptBlobError. */
  async function read(sha256: string): Promise<Buffer> {
    const content = await readFile(pathOf(sha256)).catch(() => {
      throw new CorruptBlobError(sha256);
    });
    if (createHash("sha256").update(content).digest("hex") !== sha256) throw new CorruptBlobError(sha256);
    return content;
  }

  return {
    async put(content: Buffer): Promise<{ sha256: string; size: number }> {
      const sha256 = createHash("sha256").update(content).digest("hex");
      const target = pathOf(sha256);
      // A copy already there is kept only if it is intact: a damaged one is replaced by the fresh upload.
      const intact = await stat(target).then(
        async (s) =>
          s.size === content.length &&
          createHash("sha256")
            .update(await readFile(target))
            .digest("hex") === sha256,
        () => false,
      );
      if (!intact) {
        await makeDirs(root, sha256);
        const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
        const fh = await open(tmp, "wx", 0o600);
        try {
          await fh.writeFile(content);
          await fh.sync();
        } catch (e) {
          // A full disk leaves no partial file behind to take more of it.
          await fh.close().catch(() => undefined);
          await unlink(tmp).catch(() => undefined);
          throw e;
        }
        await fh.close();
        await rename(tmp, target).catch(async (e: unknown) => {
          await unlink(tmp).catch(() => undefined);
          throw e;
        });
      }
      return { sha256, size: content.length };
    },

    read,

    /**
     * The bytes, or the caller's own error when they are missing or no longer match their checksum (they are never
     * served then); any other failure is thrown as it is.
     * @example const content = await store.readOr(sha256, () => new AppError("attachments.corrupt", 500));
     */
    async readOr(sha256: string, onCorrupt: () => Error): Promise<Buffer> {
      try {
        return await read(sha256);
      } catch (e) {
        if (e instanceof CorruptBlobError) throw onCorrupt();
        throw e;
      }
    },

    pathOf,
  };
}
export type BlobStore = ReturnType<typeof createBlobStore>;
