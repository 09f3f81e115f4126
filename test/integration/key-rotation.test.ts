import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditVerify } from "../../src/cli/audit.commands.js";
import { keysRotate } from "../../src/cli/keys.commands.js";
import { runCommand } from "../../src/cli/run-command.js";
import { openDeps } from "../../src/server/bootstrap.js";
import { addressHash, mailingKeys } from "../../src/server/modules/mailing/mailing-tokens.js";
import { createSubscribersRepository } from "../../src/server/modules/mailing/subscribers.repository.js";
import { subscribe } from "../../src/server/modules/mailing/subscriptions.usecases.js";
import { verifyAuditChain } from "../../src/server/platform/audit/audit-chain.usecases.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { open, seal } from "../../src/server/platform/crypto/envelope.js";
import {
  decodeKey,
  fingerprint,
  loadMasterKey,
  type MasterKey,
} from "../../src/server/platform/crypto/master-key.js";
import { sealedTables } from "../../src/server/platform/crypto/sealed-tables.js";
import { untyped } from "../../src/server/platform/db/any-db.js";
import type { Db } from "../../src/server/platform/db/database.js";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

/** Stands in for `it` where a test does not apply, so it is not declared at all (not counted as skipped). */
const skipDeclaring = (..._args: unknown[]) => undefined;

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `rapporteur …` from the source tree, in an operator's environment plus `env`. */
function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(RAPPORTEUR_|DATABASE_URL$|PORT$|NODE_OPTIONS$|VITEST)/.test(k)) clean[k] = v;
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["src/cli/main.ts", ...args],
      { cwd: repoRoot, env: { ...clean, ...env }, timeout: 90_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
  });
}

/**
 * The same command in this process, as `rapporteur` runs it (runCommand prints errors and sets the exit code): a
 * child process per command costs many seconds on a loaded machine, so only the server start goes through one.
 */
async function run(command: string[], env: Record<string, string>): Promise<CliRun> {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (/^(RAPPORTEUR_|DATABASE_URL$)/.test(k)) delete process.env[k];
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  process.exitCode = 0;
  try {
    const [group, verb, ...rest] = command;
    const options: Record<string, string | boolean> = {};
    for (let i = 0; i < rest.length; i++) {
      const flag = (rest[i] as string)
        .replace(/^--/, "")
        .replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      const value = rest[i + 1];
      if (value !== undefined && !value.startsWith("--")) {
        options[flag] = value;
        i++;
      } else options[flag] = true;
    }
    if (group === "keys" && verb === "rotate") await runCommand(keysRotate)(options);
    else if (group === "audit" && verb === "verify") await runCommand(auditVerify)(options);
    else throw new Error(`not a command here: ${command.join(" ")}`);
    return { code: Number(process.exitCode ?? 0), stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    process.exitCode = 0;
    log.mockRestore();
    error.mockRestore();
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

interface Envelope {
  record_id: string;
  key_id: string;
  wrapped_key: string;
  ciphertext: string;
}

/** Every sealed row of every sealed table, by table. */
async function envelopes(db: Db) {
  const out: Record<string, Envelope[]> = {};
  for (const t of sealedTables)
    out[t.table] = (await untyped(db)
      .selectFrom(t.table)
      .select([`${t.idColumn} as record_id`, "key_id", "wrapped_key", "ciphertext"])
      .orderBy(t.idColumn)
      .execute()) as Envelope[];
  return out;
}

const keyFrom = (text: string): MasterKey => {
  const key = decodeKey(text);
  return { key, id: fingerprint(key) };
};

const openRow = (key: MasterKey, row: Envelope) =>
  open(key, row.record_id, { keyId: row.key_id, wrappedKey: row.wrapped_key, ciphertext: row.ciphertext });

describe.each(dialects)("master-key rotation on %s", (dialect) => {
  let world: World;
  let env: Record<string, string>;
  let oldKey: MasterKey;
  let plaintexts: Map<string, unknown>;
  const emails = ["reader.one@example.org", "Dokja.Reader@example.kr"];

  beforeAll(async () => {
    world = await createWorld(dialect);
    const { deps } = world;
    env = {
      RAPPORTEUR_DATA_DIR: deps.config.dataDir,
      ...(deps.config.databaseUrl ? { DATABASE_URL: deps.config.databaseUrl } : {}),
    };
    oldKey = deps.masterKey;
    const officer = await world.as("officer");
    for (const tag of ["1001", "1002", "1003"]) {
      const person = await createVia(officer, "persons", build.person(world.mandateId));
      const saved = await officer.put(`/api/v1/persons/${person.id}/identity`, {
        legalName: `Witness ${tag}`,
        notes: `Lives in Hyesan ${tag}`,
      });
      expect(saved.status).toBe(200);
    }
    for (const email of emails)
      expect(
        await subscribe({
          deps,
          mandateId: world.mandateId,
          ip: "198.51.100.9",
          form: { email, language: "en", topics: ["press_releases"], trap: "" },
        }),
      ).toEqual({ kind: "sent" });
    // An authenticator secret, sealed as the sign-in code seals it.
    const totpId = "0190aaaa-0000-7000-8000-000000000001";
    const sealed = seal(deps.masterKey, totpId, { secret: "JBSWY3DPEHPK3PXP" });
    await sql`insert into user_totp (id, user_id, key_id, wrapped_key, ciphertext, confirmed_at, last_time_step, created_at)
      values (${totpId}, ${world.users.admin}, ${sealed.keyId}, ${sealed.wrappedKey}, ${sealed.ciphertext}, null, null, ${new Date().toISOString()})`.execute(
      deps.db,
    );
    plaintexts = new Map();
    for (const [table, rows] of Object.entries(await envelopes(deps.db))) {
      expect(rows.length, `${table} has sealed rows to rotate`).toBeGreaterThan(0);
      for (const row of rows) plaintexts.set(`${table}/${row.record_id}`, openRow(oldKey, row));
    }
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("a rotation refused because the audit chain is broken leaves nothing behind", async () => {
    const { deps } = world;
    const seal1 = await run(["audit", "verify", "--seal"], env);
    expect(seal1.code, seal1.stderr).toBe(0);
    const row = await deps.db
      .selectFrom("audit_log")
      .select(["id", "action"])
      .where("chain_seq", "=", 2)
      .executeTakeFirstOrThrow();
    await deps.db
      .updateTable("audit_log")
      .set({ action: "nothing.happened" })
      .where("id", "=", row.id)
      .execute();
    const refused = await run(["keys", "rotate"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("audit chain is broken at seq 2 (altered)");
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(deps.config.dataDir, "master.key.next"))).toBe(false);
    await deps.db.updateTable("audit_log").set({ action: row.action }).where("id", "=", row.id).execute();
    expect((await run(["audit", "verify"], env)).code).toBe(0);
  }, 120_000);

  it("an interrupted rotation blocks the server until it is run again, and the second run finishes it", async () => {
    const { deps } = world;
    const dataDir = deps.config.dataDir;
    const total = [...plaintexts.keys()].length;

    const first = await run(["keys", "rotate", "--stop-after", "2"], env);
    expect(first.code, first.stderr).toBe(3);
    expect(first.stdout).toContain("run `rapporteur keys rotate` again");
    const nextFile = path.join(dataDir, "master.key.next");
    expect(statSync(nextFile).mode & 0o777).toBe(0o600);
    const newKey = keyFrom(readFileSync(nextFile, "utf8"));
    const midway = Object.values(await envelopes(deps.db)).flat();
    expect(midway.filter((r) => r.key_id === newKey.id)).toHaveLength(2);
    expect(midway.filter((r) => r.key_id === oldKey.id)).toHaveLength(total - 2);

    const serve = await cli(["serve", "--port", "0"], env);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain("rotation is unfinished");
    expect(serve.stderr).toContain("rapporteur keys rotate");
    await expect(
      openDeps(
        loadConfig(
          {
            dataDir,
            logLevel: "silent",
            ...(deps.config.databaseUrl ? { databaseUrl: deps.config.databaseUrl } : {}),
          },
          {},
        ),
      ),
    ).rejects.toMatchObject({ code: "keys.rotation_unfinished" });

    const second = await run(["keys", "rotate"], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Continuing the rotation");
    expect(second.stdout).toMatch(/person_identities\s+re-wrapped \d+, verified 3 under the new key/);
    expect(second.stdout).toMatch(/subscribers\s+re-wrapped \d+, verified 2 under the new key/);
    expect(second.stdout).toMatch(/user_totp\s+re-wrapped \d+, verified 1 under the new key/);
    const rewrapped = [...second.stdout.matchAll(/re-wrapped (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(rewrapped).toBe(total - 2);
    expect(second.stdout).toContain("no longer work");
    expect(existsSync(nextFile)).toBe(false);
    const keyFile = path.join(dataDir, "master.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ dataDir }).id).toBe(newKey.id);
  }, 240_000);

  it("after rotation every sealed value opens under the new key and no longer under the old one", async () => {
    const { deps } = world;
    const newKey = loadMasterKey({ dataDir: deps.config.dataDir });
    const rows = await envelopes(deps.db);
    let checked = 0;
    for (const [table, list] of Object.entries(rows))
      for (const row of list) {
        expect(row.key_id).toBe(newKey.id);
        expect(openRow(newKey, row)).toEqual(plaintexts.get(`${table}/${row.record_id}`));
        expect(() => openRow(oldKey, row)).toThrow();
        expect(() => openRow(oldKey, { ...row, key_id: oldKey.id })).toThrow();
        checked++;
      }
    expect(checked).toBe(plaintexts.size);
  });

  it("a subscriber is still found by address under the new key, and no longer under the old", async () => {
    const { deps } = world;
    const newKey = loadMasterKey({ dataDir: deps.config.dataDir });
    const repo = createSubscribersRepository({ db: deps.db });
    for (const email of emails) {
      expect(
        await repo.findByHash(world.mandateId, addressHash(mailingKeys(newKey), email.toUpperCase())),
      ).toBeTruthy();
      expect(await repo.findByHash(world.mandateId, addressHash(mailingKeys(oldKey), email))).toBeFalsy();
    }
  });

  it("the server opens identifying data with the new key, and the audit chain verifies under it", async () => {
    const { deps } = world;
    const config = loadConfig(
      {
        dataDir: deps.config.dataDir,
        logLevel: "silent",
        ...(deps.config.databaseUrl ? { databaseUrl: deps.config.databaseUrl } : {}),
      },
      {},
    );
    const reopened = await openDeps(config);
    try {
      const report = await verifyAuditChain(reopened.db, reopened.masterKey);
      expect(report).toMatchObject({ ok: true, unsealed: 0 });
      expect(report.checked).toBeGreaterThan(plaintexts.size);
      const rewraps = await reopened.db
        .selectFrom("audit_log")
        .select(["record_type", "record_id"])
        .where("action", "=", "keys.rewrap")
        .execute();
      expect(rewraps).toHaveLength(plaintexts.size);
      expect(await verifyAuditChain(reopened.db, oldKey)).toMatchObject({
        ok: false,
        firstBreak: { kind: "key" },
      });
    } finally {
      await reopened.destroy();
    }
    const verify = await cli(["audit", "verify"], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain("Audit chain: intact");
    expect(verify.stdout).toMatch(/Head: \d+:[0-9a-f]{64}/);
  }, 120_000);

  // Declared on sqlite only (the key given by environment is a property of the server, not of the database: once is enough).
  (dialect === "sqlite" ? it : skipDeclaring)(
    "with the key in RAPPORTEUR_MASTER_KEY the new key is given, never written, and the old one is refused after",
    async () => {
      const { deps } = world;
      const current = readFileSync(path.join(deps.config.dataDir, "master.key"), "utf8").trim();
      const next = randomBytes(32).toString("base64");
      const keyFile = path.join(deps.config.dataDir, "..", `new-key-${process.pid}`);
      writeFileSync(keyFile, next, { mode: 0o600 });
      const envMode = { ...env, RAPPORTEUR_MASTER_KEY: current };
      const missing = await run(["keys", "rotate"], envMode);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("--new-key-file");
      const rotated = await run(["keys", "rotate", "--new-key-file", keyFile], envMode);
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(rotated.stdout).toContain("Set RAPPORTEUR_MASTER_KEY to the new key");
      expect(existsSync(path.join(deps.config.dataDir, "master.key.next"))).toBe(false);
      expect(existsSync(path.join(deps.config.dataDir, "master.key.rotating"))).toBe(false);
      const stale = await run(["audit", "verify"], envMode);
      expect(stale.code).toBe(2);
      expect(stale.stdout).toContain("keyed under master key");
      const fresh = await run(["audit", "verify"], { ...env, RAPPORTEUR_MASTER_KEY: next });
      expect(fresh.code, fresh.stdout).toBe(0);
      const newKey = keyFrom(next);
      for (const [table, list] of Object.entries(await envelopes(deps.db)))
        for (const row of list)
          expect(openRow(newKey, row)).toEqual(plaintexts.get(`${table}/${row.record_id}`));
    },
    180_000,
  );
});
