import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";

/** Direct access to the database a crashed server left, without the application in between. */
export interface DatabaseProbe {
  /** Rows that break the database's own rules; empty when it is whole. */
  integrityProblems: () => Promise<string[]>;
  events: (ids: string[]) => Promise<Map<string, { title: string; version: number }>>;
  countRecommendations: (tag: string) => Promise<number>;
  close: () => Promise<void>;
}

function sqliteProbe(dataDir: string): DatabaseProbe {
  // Opening it replays the write-ahead log, as the server's next start would.
  const db = new SqliteDatabase(path.join(dataDir, "rapporteur.db"));
  return {
    integrityProblems: async () => {
      const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
      const keys = db.pragma("foreign_key_check") as Record<string, unknown>[];
      return [
        ...integrity
          .filter((r) => r.integrity_check !== "ok")
          .map((r) => `integrity_check: ${r.integrity_check}`),
        ...keys.map((r) => `foreign_key_check: ${JSON.stringify(r)}`),
      ];
    },
    events: async (ids) => {
      const out = new Map<string, { title: string; version: number }>();
      const read = db.prepare("SELECT id, title, version FROM events WHERE id = ?");
      for (const id of ids) {
        const row = read.get(id) as { id: string; title: string; version: number } | undefined;
        if (row) out.set(row.id, { title: row.title, version: Number(row.version) });
      }
      return out;
    },
    countRecommendations: async (tag) =>
      (
        db.prepare("SELECT count(*) AS n FROM recommendations WHERE text LIKE ?").get(`%${tag}%`) as {
          n: number;
        }
      ).n,
    close: async () => {
      db.close();
    },
  };
}

async function postgresProbe(url: string): Promise<DatabaseProbe> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    integrityProblems: async () => {
      const problems: string[] = [];
      const tables = await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      for (const t of tables.rows) {
        try {
          await client.query(`SELECT * FROM "${t.name}"`);
        } catch (e) {
          problems.push(`table ${t.name} unreadable: ${(e as Error).message}`);
        }
      }
      // Every foreign key (one column each, as in our migrations) still points at a row.
      const keys = await client.query<{
        child: string;
        col: string;
        parent: string;
        pcol: string;
        name: string;
      }>(
        `SELECT c.conname AS name, cl.relname AS child, a.attname AS col, pl.relname AS parent, pa.attname AS pcol
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
         JOIN pg_class pl ON pl.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
         WHERE c.contype = 'f' AND n.nspname = 'public' AND array_length(c.conkey, 1) = 1`,
      );
      for (const k of keys.rows) {
        const orphans = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${k.child}" x WHERE x."${k.col}" IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "${k.parent}" p WHERE p."${k.pcol}" = x."${k.col}")`,
        );
        if (orphans.rows[0]?.n) problems.push(`foreign key ${k.name}: ${orphans.rows[0].n} orphan rows`);
      }
      return problems;
    },
    events: async (ids) => {
      const res = await client.query<{ id: string; title: string; version: number }>(
        "SELECT id, title, version FROM events WHERE id = ANY($1)",
        [ids],
      );
      return new Map(res.rows.map((r) => [r.id, { title: r.title, version: Number(r.version) }]));
    },
    countRecommendations: async (tag) =>
      (
        await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM recommendations WHERE text LIKE $1",
          [`%${tag}%`],
        )
      ).rows[0]?.n ?? 0,
    close: async () => {
      await client.end();
    },
  };
}

/** Opens the database of a data directory (SQLite) or of a URL (PostgreSQL). */
export async function openProbe(dataDir: string, databaseUrl?: string): Promise<DatabaseProbe> {
  return databaseUrl ? postgresProbe(databaseUrl) : sqliteProbe(dataDir);
}

/** The integrity of the database, as problems. */
export async function checkDatabase(probe: DatabaseProbe): Promise<string[]> {
  return probe.integrityProblems();
}
