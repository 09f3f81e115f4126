import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { openDeps } from "../../src/server/bootstrap.js";
import { createMandate } from "../../src/server/modules/mandates/mandates.usecases.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { anonymous, signIn } from "../support/api-client.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const thesauri = "src/server/reference-data/huridocs-esf-micro-thesauri.json";
const password = "a long enough passphrase";

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of an operator's shell, without this test run's database or Rapporteur settings. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(RAPPORTEUR_|DATABASE_URL$|PORT$|NODE_OPTIONS$|VITEST)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/**
 * Runs `npx tsx src/cli/main.ts …` from the source tree, as an operator would without a build. The tsx binary is
 * called directly (it is what `npx tsx` resolves to), which spares npm's own start-up on every command.
 */
const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["src/cli/main.ts", ...args],
      { cwd: repoRoot, env: cleanEnv(env), timeout: 50_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
  });
}

const noStackTrace = (run: CliRun) => {
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+[:(]/m);
  expect(run.stderr).not.toMatch(/\.ts:\d+/);
};

/** In-process access to a data directory the CLI works on (never while a CLI command is running on it). */
async function withDataDir<T>(
  dataDir: string,
  work: (deps: Awaited<ReturnType<typeof openDeps>>) => Promise<T>,
) {
  const deps = await openDeps(
    loadConfig({ dataDir, logLevel: "silent", loginDelayMs: 0, secondFactorRequiredFor: "none" }, {}),
  );
  try {
    return await work(deps);
  } finally {
    await deps.destroy();
  }
}

describe("the rapporteur command line on SQLite", () => {
  const dirs: string[] = [];
  const newDir = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `rapporteur-cli-${name}-`));
    dirs.push(dir);
    return dir;
  };
  let dataDir: string;
  // Commands on their own data directories start at once, so the file does not wait for each in turn.
  let badPort: Promise<CliRun>;
  let vocabImport: Promise<CliRun>;
  let demoOnRealData: Promise<CliRun>;
  let realDataDir: string;

  beforeAll(async () => {
    dataDir = newDir("main");
    badPort = cli(["serve"], { RAPPORTEUR_DATA_DIR: newDir("port"), PORT: "abc" });
    vocabImport = cli(["vocab", "import", thesauri], { RAPPORTEUR_DATA_DIR: newDir("vocab") });
    realDataDir = newDir("real");
    await withDataDir(realDataDir, (deps) =>
      createMandate({
        db: deps.db,
        actor: null,
        input: { code: "real-country", nameEn: "A real country mandate", kind: "country", country: "PRK" },
      }),
    );
    demoOnRealData = cli(["demo"], { RAPPORTEUR_DATA_DIR: realDataDir, PORT: "0" });
  });

  afterAll(async () => {
    await Promise.allSettled([badPort, vocabImport, demoOnRealData]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("migrate creates the schema in an empty data directory, and a second run finds nothing to do", async () => {
    const first = await cli(["migrate"], { RAPPORTEUR_DATA_DIR: dataDir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("Applied: 0001-core");
    expect(existsSync(path.join(dataDir, "rapporteur.db"))).toBe(true);
    const second = await cli(["migrate"], { RAPPORTEUR_DATA_DIR: dataDir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("The schema is up to date.");
  });

  it("users add refuses a password shorter than 12 characters, naming the field, without a stack trace", async () => {
    const run = await cli(["users", "add", "weak@cli.example", "--name", "Weak"], {
      RAPPORTEUR_DATA_DIR: dataDir,
      RAPPORTEUR_NEW_PASSWORD: "short",
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("password: Use at least 12 characters.");
    noStackTrace(run);
  });

  it("users add creates an account with the password from RAPPORTEUR_NEW_PASSWORD, and it can sign in", async () => {
    const run = await cli(["users", "add", "Holder@CLI.example", "--name", "Mandate Holder"], {
      RAPPORTEUR_DATA_DIR: dataDir,
      RAPPORTEUR_NEW_PASSWORD: password,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Created holder@cli\.example \(/);
    await withDataDir(dataDir, async (deps) => {
      const app = await buildApp(deps);
      try {
        const holder = await signIn(app, "holder@cli.example", password);
        expect((await holder.get("/api/v1/auth/session")).status).toBe(200);
      } finally {
        await app.close();
      }
    });
  });

  it("users set-role makes an account an instance admin, or gives it a role in a named mandate", async () => {
    await withDataDir(dataDir, (deps) =>
      createMandate({
        db: deps.db,
        actor: null,
        input: { code: "cli-mandate", nameEn: "CLI mandate", kind: "thematic" },
      }),
    );
    const admin = await cli(["users", "set-role", "holder@cli.example", "admin"], {
      RAPPORTEUR_DATA_DIR: dataDir,
    });
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.stdout).toContain("holder@cli.example is now an instance admin.");
    const officer = await cli(
      ["users", "set-role", "holder@cli.example", "officer", "--mandate", "cli-mandate"],
      {
        RAPPORTEUR_DATA_DIR: dataDir,
      },
    );
    expect(officer.code, officer.stderr).toBe(0);
    expect(officer.stdout).toContain("holder@cli.example is now officer in cli-mandate.");
  });

  it("users list shows each account with its roles", async () => {
    const run = await cli(["users", "list"], { RAPPORTEUR_DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    const line = run.stdout.split("\n").find((l) => l.startsWith("holder@cli.example"));
    expect(line).toMatch(/holder@cli\.example\s+admin, cli-mandate:officer$/);
    expect(run.stdout).not.toContain("weak@cli.example");
  });

  it("users disable turns the account off and ends the sessions it had open", async () => {
    const { cookie } = await withDataDir(dataDir, async (deps) => {
      const app = await buildApp(deps);
      try {
        const res = await anonymous<{ csrfToken: string }>(app, "POST", "/api/v1/auth/login", {
          email: "holder@cli.example",
          password,
        });
        expect(res.status).toBe(200);
        return { cookie: String(res.headers["set-cookie"]).split(";")[0] ?? "" };
      } finally {
        await app.close();
      }
    });
    const run = await cli(["users", "disable", "holder@cli.example"], { RAPPORTEUR_DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("holder@cli.example is disabled");
    await withDataDir(dataDir, async (deps) => {
      const app = await buildApp(deps);
      try {
        expect((await anonymous(app, "GET", "/api/v1/auth/session", undefined, { cookie })).status).toBe(401);
        const again = await anonymous(app, "POST", "/api/v1/auth/login", {
          email: "holder@cli.example",
          password,
        });
        expect(again.status).toBe(401);
      } finally {
        await app.close();
      }
    });
  });

  it("vocab import loads the HURIDOCS micro-thesauri file and reports what it added and updated", async () => {
    const run = await vocabImport;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Imported \d+ lists: \d+ terms added, \d+ updated, none removed\.$/m);
  });

  it("serve with a bad PORT prints a clear message naming PORT and exits 1 without a stack trace", async () => {
    const run = await badPort;
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("Invalid configuration");
    expect(run.stderr).toMatch(/PORT \(port\)/);
    expect(run.stdout).not.toContain("ready");
    noStackTrace(run);
  });

  it("demo refuses a data directory that holds a real mandate, with a clear message, and adds nothing", async () => {
    const run = await demoOnRealData;
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).not.toContain("ready");
    expect(run.stderr).not.toContain("demo.real_data_present");
    expect(run.stderr).toContain(realDataDir);
    expect(run.stderr.toLowerCase()).toContain("demo");
    noStackTrace(run);
    const codes = await withDataDir(realDataDir, (deps) =>
      deps.db.selectFrom("mandates").select("code").execute(),
    );
    expect(codes.map((m) => m.code)).toEqual(["real-country"]);
  });
});
