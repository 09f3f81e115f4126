import type SqliteDatabase from "better-sqlite3";
import { openSqlite } from "../db/database.js";
import {
  type DumpConnection,
  foreignKeyOrder,
  q,
  selectSql,
  skippedTables,
  type TableInfo,
} from "./backup-tables.js";

/**
 * A dump connection on an SQLite file. For a backup it is opened read-only: one read transaction on a WAL database
 * sees one snapshot while the server goes on writing. For a restore it may write the full-text index's own tables.
 * @example const conn = openSqliteDump(file, { write: false }); await conn.begin("snapshot");
 */
export function openSqliteDump(file: string, o: { write: boolean }): DumpConnection {
  const db: SqliteDatabase.Database = openSqlite(file);
  if (o.write)
    db.unsafeMode(true); // the FTS5 index is copied as its shadow tables, which SQLite guards otherwise
  else db.pragma("query_only = ON");
  const inserts = new Map<string, SqliteDatabase.Statement>();

  return {
    dialect: "sqlite",
    async listTables() {
      const names = db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and sql not like 'create virtual table%' collate nocase",
        )
        .pluck()
        .all() as string[];
      const tables = names
        .filter((n) => !skippedTables.has(n))
        .map((name): TableInfo => {
          const columns = (db.prepare(`pragma table_info(${q(name)})`).all() as { name: string }[])
            .map((c) => c.name)
            .sort();
          const fks = db.prepare(`pragma foreign_key_list(${q(name)})`).all() as {
            table: string;
            from: string;
            to: string | null;
          }[];
          const self = fks.find((f) => f.table === name);
          return {
            name,
            columns,
            parents: [...new Set(fks.map((f) => f.table))],
            selfRef: self ? { column: self.from, references: self.to ?? "rowid" } : null,
          };
        });
      return foreignKeyOrder(tables);
    },
    async countRows(table) {
      return Number(
        db
          .prepare(`select count(*) from ${q(table)}`)
          .pluck()
          .get(),
      );
    },
    async *readRows(t, batch) {
      let rows: unknown[][] = [];
      for (const row of db.prepare(selectSql(t)).raw(true).iterate() as Iterable<unknown[]>) {
        rows.push(row);
        if (rows.length >= batch) {
          yield rows;
          rows = [];
        }
      }
      if (rows.length) yield rows;
    },
    async distinctValues(table, column) {
      return db
        .prepare(`select distinct ${q(column)} from ${q(table)} where ${q(column)} is not null`)
        .pluck()
        .all() as string[];
    },
    async insertRows(t, rows) {
      let stmt = inserts.get(t.name);
      if (!stmt) {
        stmt = db.prepare(
          `insert into ${q(t.name)} (${t.columns.map(q).join(", ")}) values (${t.columns.map(() => "?").join(", ")})`,
        );
        inserts.set(t.name, stmt);
      }
      for (const r of rows) stmt.run(r);
    },
    async deleteAll(table) {
      db.prepare(`delete from ${q(table)}`).run();
    },
    async resetSequences() {
      // INTEGER PRIMARY KEY takes the next rowid by itself.
    },
    async begin(mode) {
      db.exec("begin");
      if (mode === "write") db.pragma("defer_foreign_keys = ON");
      // The snapshot starts at the first read: take it now, before anything else is read.
      else db.prepare("select count(*) from sqlite_master").get();
    },
    async commit() {
      db.exec("commit");
    },
    async rollback() {
      if (db.inTransaction) db.exec("rollback");
    },
    async close() {
      if (o.write) db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}
