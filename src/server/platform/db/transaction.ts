import type { Tx } from "./any-db.js";
import type { Db } from "./database.js";

/** Runs `work` in one transaction: everything it wrote commits together or not at all. */
export function inTransaction<T>(db: Db, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx));
}
