import { sql } from "kysely";
import type { Db, Dialect } from "../../src/server/platform/db/database.js";

/** Every table of the application schema (migration bookkeeping included). */
export async function tableNames(db: Db, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

export interface DbHit {
  table: string;
  column: string;
  needle: string;
}

/**
 * Reads every row of every table and reports each column whose value contains one of the needles.
 * @example expect(await findInDatabase(db, dialect, ["secret"])).toEqual([]);
 */
export async function findInDatabase(db: Db, dialect: Dialect, needles: string[]): Promise<DbHit[]> {
  const hits: DbHit[] = [];
  for (const table of await tableNames(db, dialect)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = Buffer.isBuffer(value) ? value.toString("latin1") : String(value);
        for (const needle of needles) if (text.includes(needle)) hits.push({ table, column, needle });
      }
    }
  }
  return hits;
}
