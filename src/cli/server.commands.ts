import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/app.js";
import { type OpenedDeps, openDeps } from "../server/bootstrap.js";
import { demoAccounts, ensureDemoData } from "../server/demo/demo.usecases.js";
import { createDatabase } from "../server/platform/db/database.js";
import { migrateToLatest } from "../server/platform/db/migrator.js";
import { type Scheduler, startScheduler } from "../server/platform/jobs/jobs.usecases.js";
import { type CommonOptions, configFrom } from "./run-command.js";

async function listenAndWait(deps: OpenedDeps, onReady: (url: string) => void) {
  const app: FastifyInstance = await buildApp(deps, { logger: true });
  let scheduler: Scheduler | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing requests in flight");
    // The job in hand finishes and is recorded; nothing new is claimed, so a restart sends nothing twice.
    await scheduler?.stop();
    await app.close();
    await deps.destroy();
    process.exit(0);
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

/** `rapporteur serve`: the application on the configured database. */
export async function serveCommand(options: CommonOptions) {
  const deps = await openDeps(configFrom(options));
  await listenAndWait(deps, (url) => console.log(`Rapporteur is ready at ${url}`));
}

/** `rapporteur demo`: the application with the demo mandate; refuses a data directory that holds real data. */
export async function demoCommand(options: CommonOptions) {
  const config = configFrom(options);
  const deps = await openDeps(config);
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
