import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import SqliteDatabase from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { openDeps } from "../../src/server/bootstrap.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { createDatabase, type Db } from "../../src/server/platform/db/database.js";
import type { Database } from "../../src/server/platform/db/schema.types.js";
import { anonymous } from "../support/api-client.js";
import { build } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

const count = async (db: Db, table: "sources" | "attachments" | "audit_log" | "search_documents") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Files (not directories) under the attachment store. */
const storedFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile());

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

/** Mounts a tmpfs of `size` at `dir`; false (with a notice) where this machine does not allow it. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=0700`, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    console.warn(
      `notice: cannot mount a tmpfs at ${dir} (no privilege): the full and read-only disk tests are skipped.`,
    );
    return false;
  }
}
const remount = (dir: string, mode: "ro" | "rw") => execFileSync("mount", ["-o", `remount,${mode}`, dir]);
const unmount = (dir: string) => {
  try {
    execFileSync("umount", [dir], { stdio: "ignore" });
  } catch {
    // not mounted
  }
};

describe("a full SQLite database", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld("sqlite");
  });
  afterAll(async () => world?.close());

  it("answers 507 storage.full in the caller's language, keeps what was committed, and writes again once there is room", async () => {
    const client = await world.as("officer");
    const first = await client.post<{ id: string }>(
      "/api/v1/sources",
      build.source(world.mandateId, { title: "Kept" }),
    );
    expect(first.status).toBe(201);
    const pages = Number(
      (await sql<{ n: number }>`select page_count as n from pragma_page_count()`.execute(world.deps.db))
        .rows[0]?.n,
    );
    expect(pages).toBeGreaterThan(0);
    await sql.raw(`pragma max_page_count = ${pages}`).execute(world.deps.db);
    let refused: Awaited<ReturnType<typeof client.post>> | null = null;
    for (let i = 0; i < 500 && !refused; i++) {
      const res = await client.post(
        "/api/v1/sources",
        build.source(world.mandateId, { title: `Interview ${i} ${"x".repeat(250)}` }),
        {
          "accept-language": "ko",
        },
      );
      if (res.status !== 201) refused = res;
    }
    expect(refused?.status).toBe(507);
    expect(errorOf(refused?.body).code).toBe("storage.full");
    expect(errorOf(refused?.body).message).toContain("디스크가 가득 찼습니다");
    expect(JSON.stringify(refused?.body)).not.toMatch(/SQLITE|at .*\.ts/);
    // Every committed source is whole: its audit row and its search document are there, nothing half-written.
    const sources = await count(world.deps.db, "sources");
    const kept = await world.deps.db
      .selectFrom("sources")
      .where("id", "=", first.body.id)
      .select("title")
      .executeTakeFirst();
    expect(kept?.title).toBe("Kept");
    expect(await count(world.deps.db, "search_documents")).toBe(sources);
    const audited = await world.deps.db
      .selectFrom("audit_log")
      .where("record_type", "=", "source")
      .where("action", "=", "create")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(sources);

    await sql.raw("pragma max_page_count = 1073741823").execute(world.deps.db);
    expect(
      (await client.post("/api/v1/sources", build.source(world.mandateId, { title: "After" }))).status,
    ).toBe(201);
    // Reading a confidential record writes its audit row: with room again, that works too.
    expect((await client.get(`/api/v1/sources/${first.body.id}`)).status).toBe(200);
    expect(await count(world.deps.db, "sources")).toBe(sources + 1);
  }, 120_000);
});

describe.each(dialects)("a read-only database on %s", (dialect) => {
  let world: World;
  let readOnly: { app: FastifyInstance; destroy: () => Promise<void> };
  beforeAll(async () => {
    world = await createWorld(dialect);
    const { config } = world.deps;
    let db: Db;
    if (config.databaseUrl) {
      const url = new URL(config.databaseUrl);
      url.searchParams.set("options", "-c default_transaction_read_only=on");
      db = createDatabase({ dataDir: config.dataDir, databaseUrl: url.toString() }).db;
    } else {
      const file = new SqliteDatabase(path.join(config.dataDir, "rapporteur.db"), { readonly: true });
      db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
    }
    const app = await buildApp({ ...world.deps, db, readDb: db });
    readOnly = {
      app,
      destroy: async () => {
        await app.close();
        await db.destroy();
      },
    };
  });
  afterAll(async () => {
    await readOnly?.destroy();
    await world?.close();
  });

  it("a sign-in answers 503 storage.read_only, in English and Korean, and nothing changes", async () => {
    const before = await count(world.deps.db, "audit_log");
    const res = await anonymous(readOnly.app, "POST", "/api/v1/auth/login", {
      email: "officer@test.example",
      password: testPassword,
    });
    expect(res.status).toBe(503);
    expect(errorOf(res.body)).toMatchObject({ code: "storage.read_only" });
    expect(errorOf(res.body).message).toMatch(/read-only.*nothing of this change was saved/);
    const ko = await anonymous(
      readOnly.app,
      "POST",
      "/api/v1/auth/login",
      { email: "officer@test.example", password: testPassword },
      { "accept-language": "ko" },
    );
    expect(errorOf(ko.body).message).toContain("읽기 전용");
    expect(await count(world.deps.db, "audit_log")).toBe(before);
    // The writable server still signs the same person in.
    expect((await world.as("officer")).userId).toBe(world.users.officer);
  });
});

describe("a full or read-only attachment store (a real tmpfs)", () => {
  let world: World;
  let store = "";
  let mounted = false;
  beforeAll(async () => {
    world = await createWorld("sqlite");
    store = path.join(world.deps.config.dataDir, "attachments");
    mounted = mountTmpfs(store, "1m");
  });
  afterAll(async () => {
    if (mounted) unmount(store);
    await world?.close();
  });

  const upload = async (name: string, bytes: Buffer, lang = "en") => {
    const client = await world.as("officer");
    return client.post(
      `/api/v1/attachments?${new URLSearchParams({ mandateId: world.mandateId, filename: name })}`,
      bytes,
      { "content-type": "text/plain", "accept-language": lang },
    );
  };

  it("an upload larger than the free space answers 507 storage.full; no record, no partial file", async (ctx) => {
    if (!mounted) return ctx.skip();
    expect((await upload("small.txt", Buffer.from("fits"))).status).toBe(201);
    const files = storedFiles(store);
    const res = await upload("large.txt", Buffer.alloc(2 * 1024 * 1024, "testimony "));
    expect(res.status).toBe(507);
    expect(errorOf(res.body).code).toBe("storage.full");
    expect(await count(world.deps.db, "attachments")).toBe(1);
    expect(storedFiles(store)).toEqual(files);
  });

  it("an upload to a read-only store answers 503 storage.read_only, and the stored file is still served", async (ctx) => {
    if (!mounted) return ctx.skip();
    remount(store, "ro");
    try {
      const res = await upload("another.txt", Buffer.from("a new statement"), "ko");
      expect(res.status).toBe(503);
      expect(errorOf(res.body)).toMatchObject({ code: "storage.read_only" });
      expect(errorOf(res.body).message).toContain("읽기 전용");
      expect(await count(world.deps.db, "attachments")).toBe(1);
      const client = await world.as("officer");
      const list = await client.get<{ items: { id: string }[] }>(
        `/api/v1/attachments?mandateId=${world.mandateId}`,
      );
      const id = list.body.items[0]?.id;
      expect((await client.get(`/api/v1/attachments/${id}/content`)).status).toBe(200);
    } finally {
      remount(store, "rw");
    }
  });
});

describe("starting on a read-only data directory", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-ro-"));
  let mounted = false;
  beforeAll(async () => {
    mounted = mountTmpfs(dataDir, "64m");
    if (!mounted) return;
    const deps = await openDeps(loadConfig({ dataDir, logLevel: "silent" }, {}));
    await deps.destroy();
    remount(dataDir, "ro");
  }, 60_000);
  afterAll(() => {
    if (mounted) unmount(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("`rapporteur serve` says the data directory is read-only and exits 1, without a stack trace", async (ctx) => {
    if (!mounted) return ctx.skip();
    const run = await new Promise<{ code: number | null; out: string }>((resolve) =>
      execFile(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join("src", "cli", "main.ts"),
          "serve",
          "--data-dir",
          dataDir,
          "--port",
          "0",
        ],
        { cwd: repoRoot, timeout: 60_000, env: { PATH: process.env.PATH ?? "" } },
        (error, stdout, stderr) =>
          resolve({
            code: error ? (typeof error.code === "number" ? error.code : null) : 0,
            out: `${stdout}${stderr}`,
          }),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.out).toContain(`Cannot start: the data directory ${dataDir} is read-only`);
    expect(run.out).not.toMatch(/^\s+at .+[:(]/m);
  }, 90_000);
});
