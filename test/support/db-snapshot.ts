import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { Db } from "../../src/server/platform/db/database.js";

/** Every table of the database (the migrator's lock excepted) with its rows as sorted canonical JSON lines. */
export async function tableContents(db: Db, dialect: "sqlite" | "postgres"): Promise<Map<string, string[]>> {
  const names =
    dialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite\\_%' escape '\\' and sql not like 'create virtual table%' collate nocase`.execute(
          db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const out = new Map<string, string[]>();
  for (const { name } of names.rows) {
    if (name === "kysely_migration_lock") continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    out.set(
      name,
      rows.rows
        .map((r) =>
          JSON.stringify(
            Object.keys(r)
              .sort()
              .map((k) => [k, Buffer.isBuffer(r[k]) ? `bytes:${(r[k] as Buffer).toString("base64")}` : r[k]]),
          ),
        )
        .sort(),
    );
  }
  return out;
}

/** SHA-256 of each file under `<dataDir>/attachments`, by its path there. */
export function storedFileHashes(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, "attachments");
  if (!existsSync(root)) return {};
  const out: Record<string, string> = {};
  for (const f of readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(root, f);
    if (statSync(full).isFile()) out[f] = createHash("sha256").update(readFileSync(full)).digest("hex");
  }
  return out;
}
