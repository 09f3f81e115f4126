import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { secretHash } from "../../src/server/platform/auth/secret-tokens.js";
import { type ConfigOverrides, loadConfig } from "../../src/server/platform/config/config.js";
import { anonymous } from "../support/api-client.js";
import { findInDatabase } from "../support/db-scan.js";
import { build } from "../support/factories.js";
import { createTestDeps, type DialectName, dialects, type TestDeps } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

/** Signs in with a raw request, so the test sees the headers the browser would. */
async function login(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { "content-type": "application/json", ...options.headers },
    payload: JSON.stringify({ email, password }),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

const setCookieOf = (res: LightMyRequestResponse) => {
  const header = res.headers["set-cookie"];
  return String(Array.isArray(header) ? header[0] : header);
};
const cookieAttributes = (res: LightMyRequestResponse) =>
  setCookieOf(res)
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
/** The `name=value` pair a browser sends back. */
const cookiePair = (res: LightMyRequestResponse) => setCookieOf(res).split(";")[0] ?? "";
const cookieValue = (res: LightMyRequestResponse) => cookiePair(res).slice(cookiePair(res).indexOf("=") + 1);

/** A signed-in session as raw material: the cookie and the CSRF token, sent only when the test says so. */
async function session(app: FastifyInstance, email: string, password = testPassword) {
  const res = await login(app, email, password);
  expect(res.statusCode).toBe(200);
  return { cookie: cookiePair(res), csrf: (res.json() as { csrfToken: string }).csrfToken, res };
}

/** A separate app on its own database, for settings that differ from the shared world. */
async function appWith(dialect: DialectName, overrides: ConfigOverrides) {
  const deps = await createTestDeps(dialect, overrides);
  const app = await buildApp(deps);
  const user = await createUser({
    db: deps.db,
    actor: null,
    input: { email: "solo@test.example", displayName: "Solo", password: testPassword },
  });
  return {
    deps,
    app,
    userId: user.id,
    close: async () => {
      await app.close();
      await deps.cleanup();
    },
  };
}

const countRows = async (deps: TestDeps, table: "persons" | "sessions") =>
  Number(
    (
      await deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(dialects)("signing in and calling the API on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("signing in sets an httpOnly, SameSite=Strict session cookie that is not marked Secure over plain http", async () => {
    const res = await login(world.app, "officer@test.example", testPassword);
    expect(res.statusCode).toBe(200);
    expect(cookiePair(res)).toMatch(/^rapporteur_session=rps_/);
    const attributes = cookieAttributes(res);
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=strict");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
    expect(res.json()).toMatchObject({
      user: { email: "officer@test.example" },
      csrfToken: expect.any(String),
    });
  });

  it("behind an HTTPS reverse proxy the cookie is marked Secure automatically", async () => {
    const res = await login(world.app, "officer@test.example", testPassword, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(res.statusCode).toBe(200);
    expect(cookieAttributes(res)).toContain("secure");
  });

  it("with RAPPORTEUR_SECURE_COOKIES=true the cookie is marked Secure even over plain http", async () => {
    expect(loadConfig({}, { RAPPORTEUR_SECURE_COOKIES: "true" }).secureCookies).toBe("true");
    const solo = await appWith(dialect, { secureCookies: "true" });
    try {
      const res = await login(solo.app, "solo@test.example", testPassword);
      expect(res.statusCode).toBe(200);
      const attributes = cookieAttributes(res);
      expect(attributes).toContain("secure");
      expect(attributes).toContain("httponly");
      expect(attributes).toContain("samesite=strict");
    } finally {
      await solo.close();
    }
  });

  it("a wrong password, an unknown e-mail and a disabled account get the very same 401 answer", async () => {
    await createUser({
      db: world.deps.db,
      actor: null,
      input: { email: "gone@test.example", displayName: "Gone", password: testPassword },
    }).then((u) => world.deps.db.updateTable("users").set({ disabled: 1 }).where("id", "=", u.id).execute());
    const wrong = await login(world.app, "analyst@test.example", "not the password at all");
    const unknown = await login(world.app, "nobody@test.example", "not the password at all");
    const disabled = await login(world.app, "gone@test.example", testPassword);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(disabled.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: "auth.invalid_credentials" } });
    expect(unknown.body).toBe(wrong.body);
    expect(disabled.body).toBe(wrong.body);
    for (const res of [wrong, unknown, disabled]) expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("after the lockout threshold of failed sign-ins the account answers 423 even to the right password", async () => {
    const strict = await appWith(dialect, { lockoutThreshold: 3, loginDelayMs: 0 });
    try {
      const first = await login(strict.app, "solo@test.example", "guess number one");
      const second = await login(strict.app, "solo@test.example", "guess number two");
      expect([first.statusCode, second.statusCode]).toEqual([401, 401]);
      const third = await login(strict.app, "solo@test.example", "guess number three");
      expect(third.statusCode).toBe(423);
      const right = await login(strict.app, "solo@test.example", testPassword);
      expect(right.statusCode).toBe(423);
      expect(right.json()).toMatchObject({ error: { code: "auth.locked" } });
      expect(right.headers["set-cookie"]).toBeUndefined();
      expect(await countRows(strict.deps, "sessions")).toBe(0);
      const audit = await strict.deps.db
        .selectFrom("audit_log")
        .select("action")
        .where("record_id", "=", strict.userId)
        .where("action", "like", "login%")
        .orderBy("id")
        .execute();
      expect(audit.map((a) => a.action)).toEqual(["login.failed", "login.failed", "login.locked"]);
    } finally {
      await strict.close();
    }
  });

  it("failed sign-ins sent all at once still lock the account at the threshold", async () => {
    const strict = await appWith(dialect, { lockoutThreshold: 3, loginDelayMs: 0 });
    try {
      const burst = await Promise.all(
        Array.from({ length: 6 }, (_, i) => login(strict.app, "solo@test.example", `parallel guess ${i}`)),
      );
      expect(burst.every((r) => r.statusCode === 401 || r.statusCode === 423)).toBe(true);
      const right = await login(strict.app, "solo@test.example", testPassword);
      expect(right.statusCode).toBe(423);
      expect(right.json()).toMatchObject({ error: { code: "auth.locked" } });
      const user = await strict.deps.db
        .selectFrom("users")
        .select(["failed_logins", "locked_until"])
        .where("id", "=", strict.userId)
        .executeTakeFirstOrThrow();
      expect(user.failed_logins).toBe(6);
      expect(user.locked_until).not.toBeNull();
    } finally {
      await strict.close();
    }
  });

  it("a cookie-authenticated write without the CSRF token is refused with 403 and writes nothing", async () => {
    const { cookie, csrf } = await session(world.app, "officer@test.example");
    const before = await countRows(world.deps, "persons");
    const missing = await anonymous(world.app, "POST", "/api/v1/persons", build.person(world.mandateId), {
      cookie,
    });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ error: { code: "auth.csrf_failed" } });
    const forged = await anonymous(world.app, "POST", "/api/v1/persons", build.person(world.mandateId), {
      cookie,
      "x-csrf-token": `${csrf.slice(0, -2)}xx`,
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: "auth.csrf_failed" } });
    expect(await countRows(world.deps, "persons")).toBe(before);

    const read = await anonymous(world.app, "GET", "/api/v1/persons", undefined, { cookie });
    expect(read.status).toBe(200);
    const withToken = await anonymous(world.app, "POST", "/api/v1/persons", build.person(world.mandateId), {
      cookie,
      "x-csrf-token": csrf,
    });
    expect(withToken.status).toBe(201);
    expect(await countRows(world.deps, "persons")).toBe(before + 1);
  });

  it("signing out ends the session: the same cookie then gets 401", async () => {
    const { cookie, csrf } = await session(world.app, "readonly@test.example");
    expect((await anonymous(world.app, "GET", "/api/v1/auth/session", undefined, { cookie })).status).toBe(
      200,
    );
    const out = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(setCookieOf(out)).toMatch(/^rapporteur_session=;/);
    const after = await anonymous(world.app, "GET", "/api/v1/auth/session", undefined, { cookie });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: "auth.required" } });
  });

  it("when an admin disables an account, that user's open session stops working", async () => {
    const user = await createUser({
      db: world.deps.db,
      actor: null,
      input: { email: "leaver@test.example", displayName: "Leaver", password: testPassword },
    });
    const { cookie } = await session(world.app, "leaver@test.example");
    expect((await anonymous(world.app, "GET", "/api/v1/auth/session", undefined, { cookie })).status).toBe(
      200,
    );
    const admin = await world.as("admin");
    expect((await admin.patch(`/api/v1/users/${user.id}`, { disabled: true })).status).toBe(200);
    const after = await anonymous(world.app, "GET", "/api/v1/auth/session", undefined, { cookie });
    expect(after.status).toBe(401);
    expect((await login(world.app, "leaver@test.example", testPassword)).statusCode).toBe(401);
  });

  it("a session of an account disabled directly in the database is refused too", async () => {
    const user = await createUser({
      db: world.deps.db,
      actor: null,
      input: { email: "suspended@test.example", displayName: "Suspended", password: testPassword },
    });
    const { cookie } = await session(world.app, "suspended@test.example");
    await world.deps.db.updateTable("users").set({ disabled: 1 }).where("id", "=", user.id).execute();
    expect((await anonymous(world.app, "GET", "/api/v1/persons", undefined, { cookie })).status).toBe(401);
  });

  it("the sessions table keeps only a hash of the cookie, never the cookie itself", async () => {
    const { res } = await session(world.app, "analyst@test.example");
    const value = cookieValue(res);
    expect(value).toMatch(/^rps_[A-Za-z0-9_-]{40,}$/);
    const row = await world.deps.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", secretHash(value))
      .executeTakeFirst();
    expect(row?.id).toBe(secretHash(value));
    expect(await findInDatabase(world.deps.db, world.deps.dialect, [value, value.slice(4)])).toEqual([]);
  });

  it("an API token's secret is shown once at creation and stored only as a hash", async () => {
    const officer = await world.as("officer");
    const created = await officer.post<{ id: string; token: string; scopes: string[] }>(
      "/api/v1/auth/tokens",
      {
        name: "nightly export",
        scopes: ["read"],
      },
    );
    expect(created.status).toBe(201);
    const token = created.body.token;
    expect(token).toMatch(/^rpt_/);
    expect(created.body.scopes).toEqual(["read"]);

    const listed = await officer.get<{ items: Record<string, unknown>[] }>("/api/v1/auth/tokens");
    const mine = listed.body.items.find((t) => t.id === created.body.id);
    expect(mine).toMatchObject({ name: "nightly export", scopes: ["read"] });
    expect(mine).not.toHaveProperty("token");
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const row = await world.deps.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(token);
    expect(row.token_hash).toBe(secretHash(token));
    expect(await findInDatabase(world.deps.db, world.deps.dialect, [token, token.slice(4)])).toEqual([]);
  });

  it("a read-only API token can list records but cannot create one", async () => {
    const officer = await world.as("officer");
    const created = await officer.post<{ token: string }>("/api/v1/auth/tokens", {
      name: "dashboard",
      scopes: ["read"],
    });
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const before = await countRows(world.deps, "persons");
    const list = await anonymous(world.app, "GET", "/api/v1/persons", undefined, bearer);
    expect(list.status).toBe(200);
    const write = await anonymous(
      world.app,
      "POST",
      "/api/v1/persons",
      build.person(world.mandateId),
      bearer,
    );
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: { code: "auth.token_scope" } });
    expect(await countRows(world.deps, "persons")).toBe(before);
  });

  it("a script writing with a bearer token needs no CSRF token", async () => {
    const officer = await world.as("officer");
    const created = await officer.post<{ token: string }>("/api/v1/auth/tokens", {
      name: "importer",
      scopes: ["read", "write"],
    });
    const res = await anonymous<{ id: string }>(
      world.app,
      "POST",
      "/api/v1/persons",
      build.person(world.mandateId),
      { authorization: `Bearer ${created.body.token}` },
    );
    expect(res.status).toBe(201);
    const read = await officer.get(`/api/v1/persons/${res.body.id}`);
    expect(read.status).toBe(200);
  });

  it("a revoked API token is refused with 401", async () => {
    const officer = await world.as("officer");
    const created = await officer.post<{ id: string; token: string }>("/api/v1/auth/tokens", {
      name: "short-lived",
      scopes: ["read"],
    });
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await anonymous(world.app, "GET", "/api/v1/persons", undefined, bearer)).status).toBe(200);
    const revoke = await officer.request("DELETE", `/api/v1/auth/tokens/${created.body.id}`);
    expect(revoke.status).toBe(204);
    const after = await anonymous(world.app, "GET", "/api/v1/persons", undefined, bearer);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: "auth.required" } });
    expect((await officer.request("DELETE", `/api/v1/auth/tokens/${created.body.id}`)).status).toBe(404);
  });

  it("one address gets 429 with Retry-After after 60 sign-ins in a minute; other addresses are not affected", async () => {
    // The limit counts per clock minute: start early in a minute so the 61 attempts share one window.
    const second = new Date().getUTCSeconds();
    if (second >= 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const flooder = "198.51.100.7";
    for (let i = 0; i < 60; i++) {
      const res = await login(world.app, `guess${i}@test.example`, "wrong password", {
        remoteAddress: flooder,
      });
      expect(res.statusCode).toBe(401);
    }
    const limited = await login(world.app, "officer@test.example", testPassword, { remoteAddress: flooder });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers["set-cookie"]).toBeUndefined();

    const elsewhere = await login(world.app, "officer@test.example", testPassword, {
      remoteAddress: "198.51.100.8",
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
