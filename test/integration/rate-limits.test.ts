import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { ConfigError, type ConfigOverrides, loadConfig } from "../../src/server/platform/config/config.js";
import { signIn } from "../support/api-client.js";
import { createTestDeps, type DialectName, dialects, type TestDeps } from "../support/test-deps.js";
import { testPassword } from "../support/world.js";

const from = (
  app: FastifyInstance,
  remoteAddress: string,
  url: string,
  headers: Record<string, string> = {},
) => app.inject({ method: "GET", url, remoteAddress, headers });

describe.each(dialects)("request rate limits on %s", (dialect: DialectName) => {
  let deps: TestDeps | undefined;
  let app: FastifyInstance | undefined;
  /** An app with the real limit code and the given limits (the other test worlds run with a very high one). */
  async function start(limits: ConfigOverrides) {
    const opened = await createTestDeps(dialect, limits);
    deps = opened;
    app = await buildApp(opened);
    return app;
  }
  afterEach(async () => {
    await app?.close();
    await deps?.cleanup();
    app = undefined;
    deps = undefined;
  });

  it("an address over its limit per minute gets 429 in the one error shape, with Retry-After, in its language", async () => {
    const server = await start({ rateLimitPerMinute: 5, accountRateLimitPerMinute: 0 });
    for (let i = 0; i < 5; i++)
      expect((await from(server, "203.0.113.10", "/api/v1/auth/session")).statusCode).toBe(401);
    const over = await from(server, "203.0.113.10", "/api/v1/auth/session");
    expect(over.statusCode).toBe(429);
    expect(over.json()).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringMatching(/^Too many requests: wait \d+ seconds/),
        fields: {},
      },
    });
    const wait = Number(over.headers["retry-after"]);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    const korean = await from(server, "203.0.113.10", "/api/v1/openapi.json", { "accept-language": "ko-KR" });
    expect(korean.statusCode).toBe(429);
    expect(korean.json().error.message).toMatch(/^요청이 너무 많습니다/);
    expect(korean.headers["content-security-policy"]).toContain("default-src 'none'");
    // Another address is served; health checks, the staff application and the portal are never counted.
    expect((await from(server, "203.0.113.11", "/api/v1/auth/session")).statusCode).toBe(401);
    expect((await from(server, "203.0.113.10", "/healthz")).statusCode).toBe(200);
    expect((await from(server, "203.0.113.10", "/app/")).statusCode).toBe(200);
    expect((await from(server, "203.0.113.10", "/robots.txt")).statusCode).toBe(200);
  });

  it("a signed-in account over its limit gets 429 from any address, while other accounts go on", async () => {
    const server = await start({ rateLimitPerMinute: 0, accountRateLimitPerMinute: 4 });
    for (const who of ["busy", "calm"])
      await createUser({
        db: (deps as TestDeps).db,
        actor: null,
        input: { email: `${who}@test.example`, displayName: who, password: testPassword },
      });
    const login = await server.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "busy@test.example", password: testPassword }),
    });
    const busyCookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
    const calm = await signIn(server, "calm@test.example", testPassword);
    for (const address of ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"])
      expect((await from(server, address, "/api/v1/auth/session", { cookie: busyCookie })).statusCode).toBe(
        200,
      );
    const over = await from(server, "198.51.100.9", "/api/v1/auth/session", { cookie: busyCookie });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(over.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect((await calm.get("/api/v1/auth/session")).status).toBe(200);
  });

  it("0 turns request limits off: a burst from one address is all served", async () => {
    const server = await start({ rateLimitPerMinute: 0 });
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () => from(server, "203.0.113.20", "/api/v1/auth/session")),
    );
    expect(new Set(statuses.map((s) => s.statusCode))).toEqual(new Set([401]));
  });

  it("the default allows a person's use: 600 requests a minute from one address are served", async () => {
    const server = await start({ rateLimitPerMinute: loadConfig({}, {}).rateLimitPerMinute });
    const statuses: number[] = [];
    for (let i = 0; i < 600; i++)
      statuses.push((await from(server, "203.0.113.30", "/api/v1/auth/session")).statusCode);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect((await from(server, "203.0.113.30", "/api/v1/auth/session")).statusCode).toBe(429);
  });
});

describe("rate limit settings", () => {
  it("are read from the environment; the account limit follows the address limit unless set", () => {
    expect(loadConfig({}, {}).rateLimitPerMinute).toBe(600);
    const off = loadConfig({}, { RAPPORTEUR_RATE_LIMIT_PER_MINUTE: "0" });
    expect(off.rateLimitPerMinute).toBe(0);
    expect(off.accountRateLimitPerMinute).toBeUndefined();
    expect(
      loadConfig({}, { RAPPORTEUR_ACCOUNT_RATE_LIMIT_PER_MINUTE: "120" }).accountRateLimitPerMinute,
    ).toBe(120);
    expect(() => loadConfig({}, { RAPPORTEUR_RATE_LIMIT_PER_MINUTE: "-1" })).toThrow(ConfigError);
    expect(() => loadConfig({}, { RAPPORTEUR_RATE_LIMIT_PER_MINUTE: "many" })).toThrow(
      /RAPPORTEUR_RATE_LIMIT_PER_MINUTE/,
    );
  });
});
