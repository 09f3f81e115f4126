import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db } from "./database.js";
import * as m0001 from "./migrations/0001-core.js";
import * as m0002 from "./migrations/0002-search.js";
import * as m0003 from "./migrations/0003-act.js";
import * as m0004 from "./migrations/0004-jobs.js";
import * as m0005 from "./migrations/0005-reports.js";
import * as m0006 from "./migrations/0006-recommendations.js";
import * as m0007 from "./migrations/0007-imports.js";
import * as m0008 from "./migrations/0008-search-reports.js";
import * as m0009 from "./migrations/0009-publish.js";
import * as m0010 from "./migrations/0010-mailing.js";
import * as m0011 from "./migrations/0011-press-release-images.js";
import * as m0012 from "./migrations/0012-second-factors.js";
import * as m0013 from "./migrations/0013-audit-chain.js";
import * as m0014 from "./migrations/0014-search-press-releases.js";

const migrations: Record<string, Migration> = {
  "0001-core": m0001,
  "0002-search": m0002,
  "0003-act": m0003,
  "0004-jobs": m0004,
  "0005-reports": m0005,
  "0006-recommendations": m0006,
  "0007-imports": m0007,
  "0008-search-reports": m0008,
  "0009-publish": m0009,
  "0010-mailing": m0010,
  "0011-press-release-images": m0011,
  "0012-second-factors": m0012,
  "0013-audit-chain": m0013,
  "0014-search-press-releases": m0014,
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

/** Brings an empty database's schema to one named migration (a restore rebuilds the schema its backup was taken at). */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
