import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDeps } from "../../src/server/bootstrap.js";
import { saveImportMapping } from "../../src/server/modules/imports/import-runs.usecases.js";
import { createMandate, setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { loadConfig } from "../../src/server/platform/config/config.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `rapporteur …` from the source tree, with only this test's data directory in its environment. */
function cli(args: string[], dataDir: string): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(RAPPORTEUR_|DATABASE_URL$|PORT$|NODE_OPTIONS$|VITEST)/.test(k)) env[k] = v;
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["src/cli/main.ts", ...args],
      { cwd: repoRoot, env: { ...env, RAPPORTEUR_DATA_DIR: dataDir }, timeout: 50_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
  });
}

async function withDataDir<T>(
  dataDir: string,
  work: (deps: Awaited<ReturnType<typeof openDeps>>) => Promise<T>,
) {
  const deps = await openDeps(loadConfig({ dataDir, logLevel: "silent", loginDelayMs: 0 }, {}));
  try {
    return await work(deps);
  } finally {
    await deps.destroy();
  }
}

const header = "Body,Addressee,Country,Recommendation,Issued";
const row = (i: number, text = `Réunir les familles séparées “sans délai” ${i}`) =>
  `UPR,State,PRK,${text},2019-05-09`;

describe("rapporteur import on the command line (SQLite)", () => {
  let dir: string;
  let dataDir: string;
  let mandateId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "rapporteur-import-cli-"));
    dataDir = path.join(dir, "data");
    await withDataDir(dataDir, async (deps) => {
      const mandate = await createMandate({
        db: deps.db,
        actor: null,
        input: { code: "cli-country", nameEn: "CLI country mandate", kind: "country", country: "PRK" },
      });
      mandateId = mandate.id;
      for (const [email, role] of [
        ["officer@cli.example", "officer"],
        ["reader@cli.example", "readonly"],
      ] as const) {
        const user = await createUser({
          db: deps.db,
          actor: null,
          input: { email, displayName: role, password: "a long enough passphrase", isAdmin: false },
        });
        await setMembership({ db: deps.db, actor: null, mandateId, userId: user.id, role });
        if (role === "officer")
          await saveImportMapping({
            db: deps.db,
            actor: {
              userId: user.id,
              isAdmin: false,
              memberships: new Map([[mandateId, "officer"]]),
              scopes: null,
              ip: null,
              userAgent: null,
            },
            input: {
              mandateId,
              type: "recommendations",
              name: "UPR",
              columns: [
                { column: "Body", field: "sourceBody" },
                { column: "Addressee", field: "addresseeKind" },
                { column: "Country", field: "addresseeCountry" },
                { column: "Recommendation", field: "text" },
                { column: "Issued", field: "issuedOn" },
              ],
            },
          });
      }
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, bytes: Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const stored = () =>
    withDataDir(dataDir, async (deps) =>
      Number(
        (
          await deps.db
            .selectFrom("recommendations")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );

  it("a file with bad rows exits non-zero with every error by line and column, and writes nothing", async () => {
    const lines = [header, row(1), row(2, ""), row(3), "UPR,Planet,PRK,Text,2019-05-09"];
    const bad = file("bad.csv", iconv.encode(lines.join("\r"), "macintosh"));
    const run = await cli(
      ["import", "--type", "recommendations", bad, "--mapping", "UPR", "--as", "officer@cli.example"],
      dataDir,
    );
    expect(run.code, run.stdout).toBe(1);
    expect(run.stderr).toContain("Import failed: 2 error(s); nothing was written.");
    expect(run.stderr).toContain('line 3, column "Recommendation", (text): Required.');
    expect(run.stderr).toContain('line 5, column "Addressee", (addresseeKind): Must be one of:');
    expect(run.stderr).not.toMatch(/^\s+at .+[:(]/m);
    expect(await stored()).toBe(0);
  });

  it("a dry run checks a good Mac Roman file and writes nothing; the import then writes all rows", async () => {
    const good = file("good.csv", iconv.encode([header, row(1), row(2), row(3)].join("\r"), "macintosh"));
    const args = [
      "import",
      "--type",
      "recommendations",
      good,
      "--mapping",
      "UPR",
      "--as",
      "officer@cli.example",
    ];
    const dry = await cli([...args, "--dry-run", "--mandate", "cli-country"], dataDir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      "Dry run of 3 rows (macintosh, CR lines): no errors; would create 3 recommendations.",
    );
    expect(await stored()).toBe(0);
    const done = await cli(args, dataDir);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(
      /^Imported 3 recommendations from 3 rows \(macintosh, CR lines\); report: import run \S+\.$/m,
    );
    await withDataDir(dataDir, async (deps) => {
      const texts = await deps.db.selectFrom("recommendations").select("text").orderBy("text").execute();
      expect(texts.map((t) => t.text)).toEqual(
        [1, 2, 3].map((i) => `Réunir les familles séparées “sans délai” ${i}`),
      );
      const runs = await deps.db.selectFrom("import_runs").select(["status", "filename"]).execute();
      expect(runs).toContainEqual({ status: "succeeded", filename: "good.csv" });
    });
  });

  it("a member without write rights, an unknown mapping or an unknown type are refused plainly", async () => {
    const good = file("again.csv", Buffer.from([header, row(9)].join("\n")));
    const [reader, noMapping, badType] = await Promise.all([
      cli(
        ["import", "--type", "recommendations", good, "--mapping", "UPR", "--as", "reader@cli.example"],
        dataDir,
      ),
      cli(
        ["import", "--type", "recommendations", good, "--mapping", "Nope", "--as", "officer@cli.example"],
        dataDir,
      ),
      cli(["import", "--type", "cases", good, "--mapping", "UPR", "--as", "officer@cli.example"], dataDir),
    ]);
    expect(reader.code).toBe(1);
    expect(reader.stderr).toContain("You are not allowed to do this.");
    expect(noMapping.code).toBe(1);
    expect(noMapping.stderr).toContain("No such import, upload or mapping");
    expect(badType.code).toBe(1);
    expect(badType.stderr).toContain("Unknown type cases");
  });
});
