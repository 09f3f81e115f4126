import { sql } from "kysely";
import type { OpenedDeps } from "../bootstrap.js";

/**
 * Runs the demo seed with SQLite committing without an fsync per transaction (WAL + synchronous=NORMAL), then
 * restores the configured level. The seed writes some 1,500 records one use case at a time; with an fsync on
 * each commit that takes three times as long. WAL + NORMAL stays consistent after a crash: at worst the last
 * commits are lost, leaving a partial demo, which is also what an interrupted seed leaves. PostgreSQL is untouched.
 */
export async function withRelaxedCommits<T>(deps: OpenedDeps, work: () => Promise<T>): Promise<T> {
  if (deps.dialect !== "sqlite") return work();
  const current = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(deps.db);
  const level = Number(current.rows[0]?.synchronous ?? 2);
  await sql`PRAGMA synchronous = NORMAL`.execute(deps.db);
  try {
    return await work();
  } finally {
    await sql
      .raw(`PRAGMA synchronous = ${Number.isInteger(level) && level >= 0 && level <= 3 ? level : 2}`)
      .execute(deps.db);
  }
}
