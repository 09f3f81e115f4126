import { AppError, defineError } from "./app-error.js";

/** The disk (or the database's tablespace) is full: nothing of the request was kept. */
export const storageFull = defineError("storage.full", 507);
/** The data directory or the database accepts no writes (read-only file system or database). */
export const storageReadOnly = defineError("storage.read_only", 503);
/** The disk failed a read or write. */
export const storageUnavailable = defineError("storage.unavailable", 503);
/** At start: the data directory cannot be written. */
export const dataDirReadOnly = defineError("storage.data_dir_read_only", 503);

const full = /^(SQLITE_FULL|ENOSPC|EDQUOT|53100)$/;
const readOnly = /^(SQLITE_READONLY(_\w+)?|EROFS|EACCES|EPERM|25006)$/;
const unavailable = /^(SQLITE_IOERR(_\w+)?|SQLITE_CANTOPEN|EIO|53000|58030)$/;

/**
 * The AppError a storage failure stands for (SQLite, PostgreSQL or file-system code), or null for any other error.
 * @example throw storageErrorFrom(e) ?? e;
 */
export function storageErrorFrom(e: unknown): AppError | null {
  if (e instanceof AppError) return null;
  const code = String((e as { code?: unknown } | null)?.code ?? "");
  // SQLITE_IOERR_WRITE and friends can stand for a full disk too: the extended code says which.
  if (full.test(code) || (code === "SQLITE_IOERR_WRITE" && /full|space/i.test(String((e as Error).message))))
    return storageFull();
  if (readOnly.test(code)) return storageReadOnly();
  if (unavailable.test(code)) return storageUnavailable();
  return null;
}
