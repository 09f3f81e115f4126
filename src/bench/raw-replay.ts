import path from "node:path";
import { performance } from "node:perf_hooks";
import SqliteDatabase from "better-sqlite3";
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "../server/platform/db/schema.types.js";

/** Where a bench corpus lives: an SQLite data directory, or a PostgreSQL database. */
export interface Target {
  dialect: "sqlite" | "postgres";
  dataDir: string;
  databaseUrl?: string;
}

/**
 * A Kysely handle that records every statement it runs, and a raw driver to run those same statements again
 * without our code, HTTP or JSON in the way: the "raw database" the API is compared with.
 */
export function openReplay(target: Target) {
  const captured: CompiledQuery[] = [];
  const log = (e: { level: string; query: CompiledQuery }) => {
    if (e.level === "query") captured.push(e.query);
  };
  if (target.dialect === "postgres") {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 1 });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.databaseUrl, max: 2 }) }),
      log,
    });
    const raw = async (q: CompiledQuery) => {
      const t = performance.now();
      await pool.query(q.sql, q.parameters as unknown[]);
      return performance.now() - t;
    };
    return {
      db,
      captured,
      raw,
      close: async () => {
        await db.destroy();
        await pool.end();
      },
    };
  }
  const file = path.join(target.dataDir, "rapporteur.db");
  const sqlite = new SqliteDatabase(file, { readonly: true });
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SqliteDatabase(file) }),
    log,
  });
  const statements = new Map<string, SqliteDatabase.Statement>();
  const raw = async (q: CompiledQuery) => {
    let st = statements.get(q.sql);
    if (!st) {
      st = sqlite.prepare(q.sql);
      statements.set(q.sql, st);
    }
    const t = performance.now();
    if (st.reader) st.all(...(q.parameters as unknown[]));
    else st.run(...(q.parameters as unknown[]));
    return performance.now() - t;
  };
  return {
    db,
    captured,
    raw,
    close: async () => {
      await db.destroy();
      sqlite.close();
    },
  };
}
export type Replay = ReturnType<typeof openReplay>;
