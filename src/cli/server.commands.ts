import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/app.js";
import { type OpenedDeps, openDeps } from "../server/bootstrap.js";
import { demoAccounts, ensureDemoData } from "../server/demo/demo.usecases.js";
import type { Config } from "../server/platform/config/config.js";
import { createDatabase } from "../server/platform/db/database.js";
import { migrateToLatest } from "../server/platform/db/migrator.js";
import { storageErrorFrom } from "../server/platform/errors/storage-errors.js";
import { type Scheduler, startScheduler } from "../server/platform/jobs/jobs.usecases.js";
import { assertDataDirWritable } from "../server/platform/storage/data-dir.js";
import { type CommonOptions, configFrom } from "./run-command.js";

async function listenAndWait(deps: OpenedDeps, onReady: (url: string) => void) {
  const app: FastifyInstance = await buildApp(deps, { logger: true });
  let scheduler: Scheduler | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      app.log.warn({ signal }, "second signal: stopping now, requests in flight are cut");
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, "shutting down: no new connections, finishing requests in flight");
    // Past the grace period, open connections are cut and the job in hand is left to its lease (another server,
    // or this one restarted, takes it up when the lease ends); the exit code says so.
    let cut = false;
    const graceOver = new Promise<void>((resolve) =>
      setTimeout(() => {
        cut = true;
        app.log.error(
          { seconds: deps.config.shutdownGraceSeconds },
          "grace period over: cutting connections",
        );
        app.server.closeAllConnections();
        resolve();
      }, deps.config.shutdownGraceSeconds * 1000).unref(),
    );
    try {
      // The job in hand finishes and is recorded; nothing new is claimed, so a restart sends nothing twice.
      await Promise.race([Promise.all([scheduler?.stop(), app.close()]), graceOver]);
      // Closing the last SQLite connection checkpoints the WAL into the database file.
      await deps.destroy();
    } catch (e) {
      app.log.error({ err: { message: (e as Error).message } }, "shutdown failed");
      process.exit(1);
    }
    process.exit(cut ? 1 : 0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: deps.config.port, host: deps.config.host });
  if (!closing) scheduler = startScheduler(deps, { log: app.log });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : deps.config.port;
  const host = deps.config.host === "0.0.0.0" || deps.config.host === "::" ? "localhost" : deps.config.host;
  onReady(`http://${host.includes(":") ? `[${host}]` : host}:${port}`);
}

/** Opens the data for a server: a read-only or full data directory or database is one clear line, not a trace. */
async function openWritable(config: Config): Promise<OpenedDeps> {
  assertDataDirWritable(config.dataDir);
  return openDeps(config).catch((e: unknown) => {
    throw storageErrorFrom(e) ?? e;
  });
}

/** `rapporteur serve`: the application on the configured database. */
export async function serveCommand(options: CommonOptions) {
  const deps = await openWritable(configFrom(options));
  await listenAndWait(deps, (url) => console.log(`Rapporteur is ready at ${url}`));
}

/** `rapporteur demo`: the application with the demo mandate; refuses a data directory that holds real data. */
export async function demoCommand(options: CommonOptions) {
  const config = configFrom(options);
  // The demo accounts sign in with a password alone, unless the operator asks for second factors explicitly.
  if (!process.env.RAPPORTEUR_SECOND_FACTOR_REQUIRED_FOR) config.secondFactorRequiredFor = [];
  const deps = await openWritable(config);
  try {
    await ensureDemoData(deps);
  } catch (e) {
    await deps.destroy();
    throw e;
  }
  await listenAndWait(deps, (url) => {
    console.log(`\nRapporteur demo is ready at ${url}\n`);
    console.log(`Staff application: ${url}/app/`);
    console.log(`Data: ${config.databaseUrl ? "PostgreSQL" : config.dataDir}`);
    console.log(`Demo accounts (password: ${config.demoPassword}):`);
    for (const a of demoAccounts) console.log(`  ${a.role.padEnd(15)} ${a.email}`);
    console.log(
      `Second factor required for: ${config.secondFactorRequiredFor.join(", ") || "none"} (RAPPORTEUR_SECOND_FACTOR_REQUIRED_FOR)`,
    );
    console.log(
      '\nSign in: POST /api/v1/auth/login with {"email","password"}; API description: /api/v1/openapi.json\n',
    );
  });
}

/** `rapporteur migrate`: schema only. */
export async function migrateCommand(options: CommonOptions) {
  const config = configFrom(options);
  const handle = createDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The schema is up to date.");
  } finally {
    await handle.destroy();
  }
}
