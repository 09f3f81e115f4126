import path from "node:path";
import { performance } from "node:perf_hooks";
import type SqliteDatabase from "better-sqlite3";
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { openSqlite } from "../server/platform/db/database.js";
import type { Database } from "../server/platform/db/schema.types.js";

/** Where a bench corpus lives: an SQLite data directory, or a PostgreSQL database. */
export interface Target {
  dialect: "sqlite" | "postgres";
  dataDir: string;
  databaseUrl?: string;
}

/** An audit row replayed needs an id of its own (the first parameter of each row inserted). */
function freshIds(q: CompiledQuery): unknown[] {
  const params = [...(q.parameters as unknown[])];
  if (!/^insert into "audit_log"/.test(q.sql)) return params;
  const perRow = (q.sql.match(/\(([^()]*)\) values/)?.[1] ?? "").split(",").length;
  for (let i = 0; i < params.length; i += perRow) params[i] = uuidv7();
  return params;
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
      await pool.query(q.sql, freshIds(q));
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
  // Writable: a read of confidential material writes its audit row, and the replay runs that statement too.
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqlite(file) }),
    log,
  });
  const statements = new Map<string, SqliteDatabase.Statement>();
  const raw = async (q: CompiledQuery) => {
    let st = statements.get(q.sql);
    if (!st) {
      st = sqlite.prepare(q.sql);
      statements.set(q.sql, st);
    }
    const params = freshIds(q);
    const t = performance.now();
    if (st.reader) st.all(...params);
    else st.run(...params);
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
