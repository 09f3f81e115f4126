import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.types.js";
import { RollbackSafeSqliteDialect } from "./sqlite-dialect.js";

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  /**
   * For reads that must not wait behind a long write (who is calling, how far an import is). On SQLite, a second
   * connection that only reads and sees the last commit (WAL lets it read while the first writes); on PostgreSQL,
   * the same pool as `db`.
   */
  readDb: Db;
  dialect: Dialect;
  destroy: () => Promise<void>;
}

// COUNT(*) comes back as int8; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens an SQLite file the way the application always does: WAL, synchronous=FULL, foreign keys, a wait on locks. */
export function openSqlite(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  // 32 MB of page cache (the default is 2 MB): searches and statistics over a large corpus reread the same pages.
  sqlite.pragma("cache_size = -32768");
  return sqlite;
}

/**
 * Opens the database: PostgreSQL when a URL is given, else SQLite in WAL mode with full synchronous commits.
 * @example const { db } = createDatabase({ dataDir: "./data" });
 */
export function createDatabase(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
}): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, readDb: db, dialect: "postgres", destroy: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dataDir, "rapporteur.db");
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new RollbackSafeSqliteDialect(sqlite) });
  const reader = openSqlite(file);
  reader.pragma("query_only = ON");
  const readDb = new Kysely<Database>({ dialect: new RollbackSafeSqliteDialect(reader) });
  return {
    db,
    readDb,
    dialect: "sqlite",
    destroy: async () => {
      await readDb.destroy();
      await db.destroy();
      // Kysely closes only a connection it has used: the reader may never have been. Closing the last connection
      // checkpoints the WAL into the database file and removes it.
      if (reader.open) reader.close();
      if (sqlite.open) sqlite.close();
    },
  };
}
