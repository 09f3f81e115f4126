import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { type ApiClient, anonymous } from "../support/api-client.js";
import { findInDatabase } from "../support/db-scan.js";
import { createTestDeps, type DialectName, dialects, type TestDeps } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

type Json = Record<string, unknown>;

/** A client carrying the session a sign-in (one step or two) answered with. */
function clientOf(app: FastifyInstance, res: LightMyRequestResponse): ApiClient {
  const cookie = String(res.headers["set-cookie"]).split(";")[0] ?? "";
  const body = res.json() as { csrfToken: string; user: { id: string } };
  const request = <T>(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    b?: unknown,
    h = {},
  ) => anonymous<T>(app, method, url, b, { cookie, "x-csrf-token": body.csrfToken, ...h });
  return {
    userId: body.user.id,
    request,
    get: (url, h) => request("GET", url, undefined, h),
    post: (url, b, h) => request("POST", url, b, h),
    patch: (url, b, h) => request("PATCH", url, b, h),
    put: (url, b, h) => request("PUT", url, b, h),
  };
}

const post = (app: FastifyInstance, url: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json", ...headers },
    payload: JSON.stringify(body),
  });
const login = (app: FastifyInstance, email: string, password = testPassword) =>
  post(app, "/api/v1/auth/login", { email, password });
/** The code an authenticator app shows, `steps` periods from now. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Signs in as a user without a second factor, sets up the authenticator app, and returns what the user was shown. */
async function enrolTotp(app: FastifyInstance, email: string) {
  const client = clientOf(app, await login(app, email));
  const started = await client.post<{ secret: string; uri: string; qrSvg: string }>(
    "/api/v1/auth/second-factor/totp",
  );
  expect(started.status).toBe(200);
  // The first code is the one of the previous period, so that sign-ins in this period have a later one to use.
  const confirmed = await client.post<{ recoveryCodes: string[] }>(
    "/api/v1/auth/second-factor/totp/confirm",
    {
      code: await codeAt(started.body.secret, -1),
    },
  );
  expect(confirmed.status).toBe(200);
  return {
    client,
    secret: started.body.secret,
    started: started.body,
    recoveryCodes: confirmed.body.recoveryCodes,
  };
}

/** Signs in with the password and returns the token of the second step. */
async function passwordStep(app: FastifyInstance, email: string) {
  const res = await login(app, email);
  expect(res.statusCode).toBe(200);
  expect(res.headers["set-cookie"]).toBeUndefined();
  return (res.json() as { secondFactor: { token: string; methods: string[] } }).secondFactor;
}

const auditActions = async (deps: TestDeps, userId: string, action: string) =>
  (
    await deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("actor_id", "=", userId)
      .where("action", "=", action)
      .execute()
  ).length;

async function newAccount(world: World, email: string) {
  const user = await createUser({
    db: world.deps.db,
    actor: null,
    input: { email, displayName: email, password: testPassword },
  });
  await setMembership({
    db: world.deps.db,
    actor: null,
    mandateId: world.mandateId,
    userId: user.id,
    role: "officer",
  });
  return user.id;
}

describe.each(dialects)("second factors on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("setting up an authenticator app shows its key and QR code once; the key is stored sealed, the ten recovery codes as hashes only", async () => {
    const userId = await newAccount(world, "enrol@test.example");
    const { secret, started, recoveryCodes } = await enrolTotp(world.app, "enrol@test.example");
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Rapporteur:enrol%40test\.example\?secret=/);
    expect(started.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const row = await world.deps.db
      .selectFrom("user_totp")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(row.confirmed_at).not.toBeNull();
    expect(row.key_id).toBe(world.deps.masterKey.id);
    const plain = recoveryCodes.flatMap((c) => [c, c.replaceAll("-", "")]);
    expect(await findInDatabase(world.deps.db, world.deps.dialect, [secret, ...plain])).toEqual([]);
    expect(await auditActions(world.deps, userId, "second_factor.totp_enable")).toBe(1);
  });

  it("with an authenticator app the password alone opens no session: a second step with a current code does", async () => {
    await newAccount(world, "twostep@test.example");
    const { secret } = await enrolTotp(world.app, "twostep@test.example");
    const step = await passwordStep(world.app, "twostep@test.example");
    expect(step.methods).toEqual(["totp", "recovery_code"]);
    // The token of the second step is no session.
    const asBearer = await world.app.inject({
      method: "GET",
      url: "/api/v1/auth/session",
      headers: { authorization: `Bearer ${step.token}` },
    });
    expect(asBearer.statusCode).toBe(401);
    const done = await post(world.app, "/api/v1/auth/login/second-factor", {
      token: step.token,
      code: await codeAt(secret),
    });
    expect(done.statusCode).toBe(200);
    const client = clientOf(world.app, done);
    const session = await client.get<{ user: { email: string } }>("/api/v1/auth/session");
    expect(session.body.user.email).toBe("twostep@test.example");
    // The token served once.
    const again = await post(world.app, "/api/v1/auth/login/second-factor", {
      token: step.token,
      code: await codeAt(secret, 1),
    });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: "auth.sign_in_expired" } });
  });

  it("a code that was used once is refused when used again, in Korean too", async () => {
    await newAccount(world, "replay@test.example");
    const { secret } = await enrolTotp(world.app, "replay@test.example");
    const code = await codeAt(secret);
    const first = await passwordStep(world.app, "replay@test.example");
    expect(
      (await post(world.app, "/api/v1/auth/login/second-factor", { token: first.token, code })).statusCode,
    ).toBe(200);
    const second = await passwordStep(world.app, "replay@test.example");
    const replay = await post(
      world.app,
      "/api/v1/auth/login/second-factor",
      { token: second.token, code },
      { "accept-language": "ko" },
    );
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({
      error: {
        fields: {
          code: { code: "field.wrong_code", message: "코드가 올바르지 않거나 이미 사용되었습니다." },
        },
      },
    });
  });

  it("a recovery code opens a session once, and is then spent", async () => {
    await newAccount(world, "recover@test.example");
    const { recoveryCodes } = await enrolTotp(world.app, "recover@test.example");
    const code = recoveryCodes[3] ?? "";
    const first = await passwordStep(world.app, "recover@test.example");
    const ok = await post(world.app, "/api/v1/auth/login/second-factor", {
      token: first.token,
      recoveryCode: code.toUpperCase(),
    });
    expect(ok.statusCode).toBe(200);
    const status = await clientOf(world.app, ok).get<{ recoveryCodesLeft: number }>(
      "/api/v1/auth/second-factor",
    );
    expect(status.body.recoveryCodesLeft).toBe(9);
    const second = await passwordStep(world.app, "recover@test.example");
    const spent = await post(world.app, "/api/v1/auth/login/second-factor", {
      token: second.token,
      recoveryCode: code,
    });
    expect(spent.statusCode).toBe(400);
    expect(spent.json()).toMatchObject({ error: { fields: { recoveryCode: { code: "field.wrong_code" } } } });
  });

  it("regenerating recovery codes replaces the old ones", async () => {
    await newAccount(world, "regen@test.example");
    const { client, recoveryCodes } = await enrolTotp(world.app, "regen@test.example");
    const fresh = await client.post<{ recoveryCodes: string[] }>("/api/v1/auth/second-factor/recovery-codes");
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const step = await passwordStep(world.app, "regen@test.example");
    const old = await post(world.app, "/api/v1/auth/login/second-factor", {
      token: step.token,
      recoveryCode: recoveryCodes[0],
    });
    expect(old.statusCode).toBe(400);
    const renewed = await post(world.app, "/api/v1/auth/login/second-factor", {
      token: step.token,
      recoveryCode: fresh.body.recoveryCodes[0],
    });
    expect(renewed.statusCode).toBe(200);
  });

  it("failed second steps are limited per account and audited: after five, even the right code waits", async () => {
    const userId = await newAccount(world, "guess@test.example");
    const { secret } = await enrolTotp(world.app, "guess@test.example");
    const right = await codeAt(secret);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const step = await passwordStep(world.app, "guess@test.example");
      const res = await post(world.app, "/api/v1/auth/login/second-factor", {
        token: step.token,
        code: wrong,
      });
      expect(res.statusCode).toBe(400);
    }
    const step = await passwordStep(world.app, "guess@test.example");
    const limited = await post(world.app, "/api/v1/auth/login/second-factor", {
      token: step.token,
      code: right,
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(await auditActions(world.deps, userId, "second_factor.failed")).toBe(5);
  });

  it("turning the authenticator app off needs a current code or the password; then the password alone signs in again", async () => {
    const userId = await newAccount(world, "off@test.example");
    const { client, secret } = await enrolTotp(world.app, "off@test.example");
    const wrong = await client.post("/api/v1/auth/second-factor/totp/disable", {
      password: "not my password at all",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { fields: { password: { code: "field.wrong_password" } } } });
    const byCode = await client.post("/api/v1/auth/second-factor/totp/disable", {
      code: await codeAt(secret),
    });
    expect(byCode.status).toBe(204);
    const res = await login(world.app, "off@test.example");
    expect(res.json()).toMatchObject({ user: { email: "off@test.example" }, enrolmentRequired: false });
    expect(await auditActions(world.deps, userId, "second_factor.totp_disable")).toBe(1);
    const status = await clientOf(world.app, res).get<{ totp: boolean; recoveryCodesLeft: number }>(
      "/api/v1/auth/second-factor",
    );
    expect(status.body).toMatchObject({ totp: false, recoveryCodesLeft: 0 });
  });

  it("a passkey is registered only with the challenge the server gave, which serves once", async () => {
    await newAccount(world, "passkey@test.example");
    const client = clientOf(world.app, await login(world.app, "passkey@test.example"));
    const options = await client.post<{ challenge: string; rp: { id: string; name: string } }>(
      "/api/v1/auth/passkeys/options",
    );
    expect(options.status).toBe(200);
    expect(options.body.rp).toEqual({
      id: new URL(world.deps.config.publicUrl).hostname,
      name: "Rapporteur",
    });
    const forged = {
      id: "AAAA",
      rawId: "AAAA",
      type: "public-key",
      response: { clientDataJSON: "e30", attestationObject: "oA" },
      clientExtensionResults: {},
    };
    const bad = await client.post("/api/v1/auth/passkeys", { response: forged });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "passkeys.not_verified" } });
    const replay = await client.post("/api/v1/auth/passkeys", { response: forged });
    expect(replay.body).toMatchObject({ error: { code: "passkeys.challenge_expired" } });
    expect((await client.get<{ items: unknown[] }>("/api/v1/auth/passkeys")).body.items).toEqual([]);
  });
});

/** An app on its own database where the configuration requires a second factor of admins and mandate holders. */
async function requiringApp(dialect: DialectName) {
  const deps = await createTestDeps(dialect, { secondFactorRequiredFor: "admin,mandate_holder" });
  const app = await buildApp(deps);
  for (const [email, isAdmin] of [
    ["admin@test.example", true],
    ["officer@test.example", false],
  ] as const)
    await createUser({
      db: deps.db,
      actor: null,
      input: { email, displayName: email, password: testPassword, isAdmin },
    });
  const close = async () => {
    await app.close();
    await deps.cleanup();
  };
  return { deps, app, close };
}

describe.each(dialects)("second factors required by configuration on %s", (dialect) => {
  it("an admin must enrol before doing anything else; an officer is not held; enrolled, the admin works", async () => {
    const { app, close } = await requiringApp(dialect);
    try {
      const res = await login(app, "admin@test.example");
      expect(res.json()).toMatchObject({ enrolmentRequired: true });
      const admin = clientOf(app, res);
      const held = await admin.get<Json>("/api/v1/users", { "accept-language": "ko" });
      expect(held.status).toBe(403);
      expect(held.body).toMatchObject({
        error: { code: "auth.enrolment_required", message: expect.stringContaining("2단계 인증") },
      });
      expect((await admin.post("/api/v1/auth/tokens", { name: "x", scopes: ["read"] })).status).toBe(403);
      expect((await admin.get<Json>("/api/v1/auth/second-factor")).body).toMatchObject({ required: true });
      const officer = clientOf(app, await login(app, "officer@test.example"));
      expect((await officer.get("/api/v1/auth/session")).body).toMatchObject({ enrolmentRequired: false });
      expect((await officer.post("/api/v1/auth/tokens", { name: "x", scopes: ["read"] })).status).toBe(201);

      const started = await admin.post<{ secret: string }>("/api/v1/auth/second-factor/totp");
      await admin.post("/api/v1/auth/second-factor/totp/confirm", {
        code: await codeAt(started.body.secret),
      });
      expect((await admin.get("/api/v1/users")).status).toBe(200);
      expect((await admin.get("/api/v1/auth/session")).body).toMatchObject({ enrolmentRequired: false });
    } finally {
      await close();
    }
  });
});
