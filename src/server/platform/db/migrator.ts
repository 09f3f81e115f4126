import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db } from "./database.js";
import * as m0001 from "./migrations/0001-core.js";
import * as m0002 from "./migrations/0002-search.js";
import * as m0003 from "./migrations/0003-act.js";
import * as m0004 from "./migrations/0004-jobs.js";

const migrations: Record<string, Migration> = {
  "0001-core": m0001,
  "0002-search": m0002,
  "0003-act": m0003,
  "0004-jobs": m0004,
};

/** Every migration this version knows, in order. */
export const migrationNames = Object.keys(migrations).sort();

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; on PostgreSQL the migrator holds an advisory lock so servers starting together do not race. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
