import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type OpenedDeps, openDeps } from "../../src/server/bootstrap.js";
import { type ConfigOverrides, loadConfig } from "../../src/server/platform/config/config.js";

export type DialectName = "sqlite" | "postgres";

/** The dialects this run tests: SQLite always, PostgreSQL when DATABASE_URL is set. */
export const dialects: DialectName[] = process.env.DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

let noticePrinted = false;
if (!process.env.DATABASE_URL && !noticePrinted) {
  noticePrinted = true;
  console.warn("notice: DATABASE_URL is not set: integration tests run on SQLite only (PostgreSQL skipped).");
}

/** A fresh, empty PostgreSQL database on the server of DATABASE_URL; returns its URL and a drop function. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `rapporteur_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestDeps extends OpenedDeps {
  cleanup: () => Promise<void>;
}

/**
 * Real dependencies on a fresh database of the dialect: migrations run, reference data loaded, exactly as at start.
 * @example const deps = await createTestDeps("sqlite"); … await deps.cleanup();
 */
export async function createTestDeps(
  dialect: DialectName,
  overrides: ConfigOverrides = {},
): Promise<TestDeps> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-test-"));
  const scratch = dialect === "postgres" ? await createScratchDatabase() : null;
  const config = loadConfig(
    {
      dataDir,
      loginDelayMs: 0,
      logLevel: "silent",
      // Test worlds sign in with a password alone; tests of second factors ask for the requirement.
      secondFactorRequiredFor: "none",
      // Tests send far more than a person does; only the rate-limit test keeps the real limits.
      rateLimitPerMinute: 1_000_000,
      ...(scratch ? { databaseUrl: scratch.url } : {}),
      ...overrides,
    },
    {},
  );
  const deps = await openDeps(config);
  return {
    ...deps,
    cleanup: async () => {
      await deps.destroy();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
