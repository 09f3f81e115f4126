import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { type OpenedDeps, openDeps } from "../../src/server/bootstrap.js";
import { createMandate, setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { migrationNames } from "../../src/server/platform/db/migrator.js";
import { build } from "../support/factories.js";
import { createScratchDatabase, dialects } from "../support/test-deps.js";
import { testPassword } from "../support/world.js";

interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP call to a listening server, the way a browser or a load balancer would send it. */
async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  url: string,
  options: { body?: unknown; cookie?: string; csrf?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers["x-csrf-token"] = options.csrf;
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

async function signInOn(base: string, email: string, headers: Record<string, string> = {}) {
  const res = await call<{ csrfToken: string; user: { id: string } }>(base, "POST", "/api/v1/auth/login", {
    body: { email, password: testPassword },
    headers,
  });
  expect(res.status).toBe(200);
  return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "", csrf: res.body.csrfToken };
}

if (!dialects.includes("postgres")) {
  console.warn(
    "notice: DATABASE_URL is not set: the two-server (scale-out) tests need PostgreSQL and do not run.",
  );
  describe("two servers on one database", () => {
    it("need PostgreSQL: without DATABASE_URL this run covers SQLite alone", () => {
      expect(dialects).not.toContain("postgres");
    });
  });
} else {
  describe("two servers on one PostgreSQL database", () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    const dataDirs: string[] = [];
    const servers: { deps: OpenedDeps; app: FastifyInstance; base: string }[] = [];
    let mandateId: string;
    // Servers behind one load balancer share the database and the master key, not a data directory.
    const masterKey = randomBytes(32).toString("hex");
    const serverA = () => servers[0]?.base as string;
    const serverB = () => servers[1]?.base as string;

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      const configs = ["a", "b"].map((name) => {
        const dir = mkdtempSync(path.join(tmpdir(), `rapporteur-scale-${name}-`));
        dataDirs.push(dir);
        return loadConfig(
          {
            dataDir: dir,
            databaseUrl: scratch.url,
            masterKey,
            loginDelayMs: 0,
            lockoutThreshold: 3,
            logLevel: "silent",
          },
          {},
        );
      });
      // Both start at once on an empty database: migrations and the first reference-data load race.
      const opened = await Promise.all(configs.map((c) => openDeps(c)));
      for (const deps of opened) {
        const app = await buildApp(deps);
        const base = await app.listen({ port: 0, host: "127.0.0.1" });
        servers.push({ deps, app, base });
      }
      const db = opened[0]?.db;
      if (!db) throw new Error("server A did not start");
      mandateId = (
        await createMandate({
          db,
          actor: null,
          input: { code: "scale-out", nameEn: "Scale-out mandate", kind: "country", country: "PRK" },
        })
      ).id;
      for (const who of ["officer", "target", "flooded", "leaver"]) {
        const user = await createUser({
          db,
          actor: null,
          input: { email: `${who}@test.example`, displayName: who, password: testPassword },
        });
        await setMembership({ db, actor: null, mandateId, userId: user.id, role: "officer" });
      }
    });

    afterAll(async () => {
      for (const s of servers) {
        await s.app.close();
        await s.deps.destroy();
      }
      await scratch?.drop();
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    });

    it("both servers started together on an empty database: one schema, reference data loaded once", async () => {
      expect(servers).toHaveLength(2);
      for (const s of servers) {
        const health = await call(s.base, "GET", "/healthz");
        expect(health.body).toMatchObject({ status: "ok", database: "postgres" });
      }
      const db = servers[0]?.deps.db;
      if (!db) throw new Error("no server");
      const migrations = await db
        .selectFrom("kysely_migration" as never)
        .select("name" as never)
        .execute();
      expect(migrations.map((m) => (m as { name: string }).name)).toEqual(migrationNames);
      const places = await db.selectFrom("places").select("code").where("built_in", "=", 1).execute();
      expect(places.length).toBeGreaterThan(0);
      expect(new Set(places.map((p) => p.code)).size).toBe(places.length);
      const lists = await db.selectFrom("vocab_lists").select("name").execute();
      expect(lists.length).toBeGreaterThan(0);
    });

    it("a session opened on server A is honoured by server B", async () => {
      const session = await signInOn(serverA(), "officer@test.example");
      const onB = await call<{ user: { email: string } }>(serverB(), "GET", "/api/v1/auth/session", {
        cookie: session.cookie,
      });
      expect(onB.status).toBe(200);
      expect(onB.body.user.email).toBe("officer@test.example");
    });

    it("a record created through server B is read through server A", async () => {
      const session = await signInOn(serverA(), "officer@test.example");
      const created = await call<{ id: string; code: string }>(serverB(), "POST", "/api/v1/persons", {
        ...session,
        body: build.person(mandateId),
      });
      expect(created.status).toBe(201);
      const read = await call<{ id: string; code: string }>(
        serverA(),
        "GET",
        `/api/v1/persons/${created.body.id}`,
        {
          cookie: session.cookie,
        },
      );
      expect(read.status).toBe(200);
      expect(read.body.code).toBe(created.body.code);

      const identity = {
        legalName: "Pak Chol-min",
        contacts: [{ kind: "phone", value: "+82 10 1234 0001" }],
      };
      const saved = await call(serverA(), "PUT", `/api/v1/persons/${created.body.id}/identity`, {
        ...session,
        body: identity,
      });
      expect(saved.status).toBe(200);
      const revealed = await call(serverB(), "GET", `/api/v1/persons/${created.body.id}/identity`, {
        cookie: session.cookie,
      });
      expect(revealed.status).toBe(200);
      expect(revealed.body).toMatchObject({ identity });
    });

    it("failed sign-ins spread over A and B add up to one lockout", async () => {
      const wrong = (base: string) =>
        call(base, "POST", "/api/v1/auth/login", {
          body: { email: "target@test.example", password: "wrong password" },
        });
      expect((await wrong(serverA())).status).toBe(401);
      expect((await wrong(serverB())).status).toBe(401);
      expect((await wrong(serverA())).status).toBe(423);
      for (const base of [serverB(), serverA()]) {
        const right = await call(base, "POST", "/api/v1/auth/login", {
          body: { email: "target@test.example", password: testPassword },
        });
        expect(right.status).toBe(423);
        expect(right.body).toMatchObject({ error: { code: "auth.locked" } });
      }
    });

    it("the per-address sign-in limit counts sign-ins on both servers together", async () => {
      const second = new Date().getUTCSeconds();
      if (second >= 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
      // The load balancer names the client in X-Forwarded-For.
      const client = { "x-forwarded-for": "203.0.113.44" };
      for (let i = 0; i < 60; i++) {
        const res = await call(i % 2 ? serverB() : serverA(), "POST", "/api/v1/auth/login", {
          body: { email: `nobody${i}@test.example`, password: "wrong password" },
          headers: client,
        });
        expect(res.status).toBe(401);
      }
      for (const base of [serverA(), serverB()]) {
        const limited = await call(base, "POST", "/api/v1/auth/login", {
          body: { email: "flooded@test.example", password: testPassword },
          headers: client,
        });
        expect(limited.status).toBe(429);
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    });

    it("signing out on server A ends the session on server B", async () => {
      const session = await signInOn(serverB(), "leaver@test.example");
      expect((await call(serverB(), "GET", "/api/v1/persons", { cookie: session.cookie })).status).toBe(200);
      const out = await call(serverA(), "POST", "/api/v1/auth/logout", session);
      expect(out.status).toBe(204);
      for (const base of [serverB(), serverA()]) {
        const after = await call(base, "GET", "/api/v1/persons", { cookie: session.cookie });
        expect(after.status).toBe(401);
      }
    });
  });
}
