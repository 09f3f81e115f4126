import { execFile } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { openDeps } from "../../src/server/bootstrap.js";
import { demoMandateCode, ensureDemoData } from "../../src/server/demo/demo.usecases.js";
import { createMandatesRepository } from "../../src/server/modules/mandates/mandates.repository.js";
import { createMandate } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createBackup } from "../../src/server/platform/backup/backup.usecases.js";
import { restoreBackup } from "../../src/server/platform/backup/restore.usecases.js";
import { type Config, loadConfig } from "../../src/server/platform/config/config.js";
import { createDatabase } from "../../src/server/platform/db/database.js";
import { AppError } from "../../src/server/platform/errors/app-error.js";
import { type ApiClient, signIn } from "../support/api-client.js";
import { storedFileHashes, tableContents } from "../support/db-snapshot.js";
import {
  createScratchDatabase,
  createTestDeps,
  type DialectName,
  dialects,
  type TestDeps,
} from "../support/test-deps.js";

const passphrase = "seven rivers under one bridge";
type Page<T> = { items: T[]; nextCursor: string | null };

/** An empty place to restore into: a fresh data directory and, on PostgreSQL, a fresh database. */
async function emptyTarget(dialect: DialectName) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-restore-"));
  const scratch = dialect === "postgres" ? await createScratchDatabase() : null;
  const config = loadConfig(
    { dataDir, logLevel: "silent", ...(scratch ? { databaseUrl: scratch.url } : {}) },
    {},
  );
  return {
    config,
    cleanup: async () => {
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function contentsOf(config: Config, dialect: DialectName) {
  const handle = createDatabase(config);
  try {
    return await tableContents(handle.db, dialect);
  } finally {
    await handle.destroy();
  }
}

const refusal = async (work: Promise<unknown>) => {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).code;
};

describe.each(dialects)("backup and restore on %s", (dialect) => {
  let deps: TestDeps;
  let app: FastifyInstance;
  let officer: ApiClient;
  let workDir: string;
  let backupFile: string;
  const targets: { cleanup: () => Promise<void> }[] = [];

  beforeAll(async () => {
    deps = await createTestDeps(dialect);
    await ensureDemoData(deps);
    app = await buildApp(deps);
    officer = await signIn(app, "officer@demo.test", deps.config.demoPassword);
    const mandate = await createMandatesRepository({ db: deps.db }).findByCode(demoMandateCode);
    for (const [name, bytes] of [
      ["statement.txt", Buffer.from("A witness statement, line one.\n")],
      ["transcript.txt", Buffer.alloc(700_000, "interview transcript ")],
    ] as const) {
      const url = `/api/v1/attachments?${new URLSearchParams({ mandateId: mandate?.id ?? "", filename: name })}`;
      expect((await officer.post(url, bytes, { "content-type": "text/plain" })).status).toBe(201);
    }
    workDir = mkdtempSync(path.join(tmpdir(), "rapporteur-backups-"));
    backupFile = path.join(workDir, "mandate.backup");
  }, 300_000);
  afterAll(async () => {
    for (const t of targets) await t.cleanup();
    await app?.close();
    await deps?.cleanup();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("a restored backup holds every row of every table, every attached file and the master key", async () => {
    const summary = await createBackup({ config: deps.config, file: backupFile, passphrase });
    expect(summary.rows).toBeGreaterThan(1000);
    expect(summary.attachments).toBe(2);
    expect(summary.missingAttachments).toEqual([]);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    // Encrypted: none of the witness names or the stored statement can be read in the file.
    const raw = readFileSync(backupFile);
    expect(raw.includes(Buffer.from("witness statement"))).toBe(false);
    expect(raw.includes(Buffer.from("officer@demo.test"))).toBe(false);

    const target = await emptyTarget(dialect);
    targets.push(target);
    const restored = await restoreBackup({ config: target.config, file: backupFile, passphrase });
    expect(restored.rows).toBe(summary.rows);
    expect(restored.attachments).toBe(2);

    const before = await contentsOf(deps.config, dialect);
    const after = await contentsOf(target.config, dialect);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [table, rows] of before) expect({ table, rows: after.get(table) }).toEqual({ table, rows });
    expect(storedFileHashes(target.config.dataDir)).toEqual(storedFileHashes(deps.config.dataDir));
    expect(readFileSync(path.join(target.config.dataDir, "master.key"), "utf8")).toBe(
      readFileSync(path.join(deps.config.dataDir, "master.key"), "utf8"),
    );
    expect(statSync(path.join(target.config.dataDir, "master.key")).mode & 0o777).toBe(0o600);
    expect(readdirSync(target.config.dataDir).filter((f) => f.startsWith(".restore-"))).toEqual([]);

    // The restored server opens the sealed identities, finds records by search and serves the files.
    const restoredDeps = await openDeps(target.config);
    const restoredApp = await buildApp(restoredDeps);
    try {
      const client = await signIn(restoredApp, "officer@demo.test", deps.config.demoPassword);
      const persons =
        await client.get<Page<{ id: string; hasIdentity: boolean }>>("/api/v1/persons?limit=200");
      const witness = persons.body.items.find((p) => p.hasIdentity);
      expect(witness).toBeDefined();
      const identity = await client.get(`/api/v1/persons/${witness?.id}/identity`);
      const original = await officer.get(`/api/v1/persons/${witness?.id}/identity`);
      expect(identity.status).toBe(200);
      expect(identity.body.identity).toEqual(original.body.identity);
      const q = "/api/v1/search?q=detention&limit=5";
      expect((await client.get(q)).body).toEqual((await officer.get(q)).body);
    } finally {
      await restoredApp.close();
      await restoredDeps.destroy();
    }
  }, 180_000);

  it("a backup taken while people keep writing is one consistent snapshot", async () => {
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await createMandate({
          db: deps.db,
          actor: null,
          input: { code: `w-${writes}`, nameEn: `Written during the backup ${writes}`, kind: "thematic" },
        });
        writes++;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const file = path.join(workDir, "during-writes.backup");
    await new Promise((r) => setTimeout(r, 50));
    const startedAt = writes;
    await createBackup({ config: deps.config, file, passphrase });
    const endedAt = writes;
    writing = false;
    await writer;
    expect(endedAt).toBeGreaterThan(startedAt);

    const target = await emptyTarget(dialect);
    targets.push(target);
    await restoreBackup({ config: target.config, file, passphrase });
    const after = await contentsOf(target.config, dialect);
    const mandates = (after.get("mandates") ?? []).filter((r) => r.includes('"w-'));
    const ids = mandates.map((r) => (JSON.parse(r) as [string, unknown][]).find(([k]) => k === "id")?.[1]);
    const audited = (after.get("audit_log") ?? []).filter((r) => ids.some((id) => r.includes(`"${id}"`)));
    // Each mandate and its audit row were written in one transaction: a snapshot holds both or neither.
    expect(mandates.length).toBeGreaterThanOrEqual(startedAt);
    expect(mandates.length).toBeLessThanOrEqual(endedAt);
    expect(audited.length).toBe(mandates.length);
  }, 180_000);

  it("a wrong passphrase, a cut-off file or a changed byte is refused and nothing is written", async () => {
    const target = await emptyTarget(dialect);
    targets.push(target);
    const untouched = async () => {
      expect(readdirSync(target.config.dataDir)).toEqual([]);
      if (dialect === "postgres") expect((await contentsOf(target.config, dialect)).size).toBe(0);
    };
    expect(
      await refusal(
        restoreBackup({ config: target.config, file: backupFile, passphrase: "not the passphrase" }),
      ),
    ).toBe("backup.wrong_passphrase");
    await untouched();

    const bytes = readFileSync(backupFile);
    const cut = path.join(workDir, "cut.backup");
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    expect(await refusal(restoreBackup({ config: target.config, file: cut, passphrase }))).toBe(
      "backup.truncated",
    );
    await untouched();

    const changed = path.join(workDir, "changed.backup");
    copyFileSync(backupFile, changed);
    const flipped = Buffer.from(bytes);
    const at = Math.floor(bytes.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 1;
    writeFileSync(changed, flipped);
    expect(await refusal(restoreBackup({ config: target.config, file: changed, passphrase }))).toBe(
      "backup.damaged",
    );
    await untouched();
  }, 120_000);

  it("a restore refuses a data directory or database that already holds data", async () => {
    expect(await refusal(restoreBackup({ config: deps.config, file: backupFile, passphrase }))).toBe(
      "backup.target_not_empty",
    );
    expect(await refusal(createBackup({ config: deps.config, file: backupFile, passphrase }))).toBe(
      "backup.file_exists",
    );
  }, 60_000);
});

describe("the backup and restore commands", () => {
  const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
  const work = mkdtempSync(path.join(tmpdir(), "rapporteur-backup-cli-"));
  const source = path.join(work, "source");
  const restored = path.join(work, "restored");
  const passFile = path.join(work, "passphrase.txt");
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; out: string }>((resolve) =>
      execFile(
        process.execPath,
        ["--import", "tsx", path.join("src", "cli", "main.ts"), ...args],
        { cwd: repoRoot, timeout: 90_000, env: { PATH: process.env.PATH ?? "", ...env } },
        (error, stdout, stderr) =>
          resolve({
            code: error ? (typeof error.code === "number" ? error.code : null) : 0,
            out: `${stdout}${stderr}`,
          }),
      ),
    );

  it("refuse a short passphrase, then back up and restore with a summary of what they did", async () => {
    const deps = await openDeps(loadConfig({ dataDir: source, logLevel: "silent" }, {}));
    await deps.destroy();
    const file = path.join(work, "cli.backup");
    const short = await cli(["backup", file, "--data-dir", source], {
      RAPPORTEUR_BACKUP_PASSPHRASE: "short",
    });
    expect(short.code).toBe(1);
    expect(short.out).toContain("The backup passphrase must have at least 12 characters.");
    expect(short.out).not.toMatch(/^\s+at .+[:(]/m);

    writeFileSync(passFile, `${passphrase}\n`);
    const made = await cli(["backup", file, "--data-dir", source, "--passphrase-file", passFile]);
    expect(made.out).toMatch(
      /Backup written to .*cli\.backup: \d+ tables, \d+ rows, 0 attachments, [\d.]+ MiB in [\d.]+ s\./,
    );
    expect(made.code).toBe(0);

    const back = await cli(["restore", file, "--data-dir", restored], {
      RAPPORTEUR_BACKUP_PASSPHRASE: passphrase,
    });
    expect(back.out).toMatch(
      /Restored \d+ tables, \d+ rows and 0 attachments .* into .*restored in [\d.]+ s\./,
    );
    expect(back.code).toBe(0);
    expect(await contentsOf(loadConfig({ dataDir: restored, logLevel: "silent" }, {}), "sqlite")).toEqual(
      await contentsOf(loadConfig({ dataDir: source, logLevel: "silent" }, {}), "sqlite"),
    );
  }, 240_000);
});
