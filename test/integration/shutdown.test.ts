import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDeps } from "../../src/server/bootstrap.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { startServerProcess } from "../support/server-process.js";
import { createScratchDatabase, dialects } from "../support/test-deps.js";

const password = "correct horse battery staple";
const email = "officer@shutdown.example";

/**
 * A sign-in whose body arrives in two parts: the request is in flight (headers read, body pending) until `finish`.
 * @returns finish() sends the rest and resolves with the status code
 */
function slowSignIn(url: string) {
  const body = Buffer.from(JSON.stringify({ email, password }));
  const half = Math.floor(body.length / 2);
  const req = http.request(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": String(body.length) },
  });
  const answered = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
  answered.catch(() => undefined);
  req.write(body.subarray(0, half));
  return {
    answered,
    finish: () => {
      req.end(body.subarray(half));
      return answered;
    },
  };
}

/** Resolves with the error code of a new connection to the server, or "connected". */
const tryConnect = (url: string) =>
  fetch(`${url}/api/v1/openapi.json`).then(
    () => "connected",
    (e: { cause?: { code?: string } }) => e.cause?.code ?? "failed",
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(dialects)("stopping and restarting the server on %s", (dialect) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-shutdown-"));
    const scratch = dialect === "postgres" ? await createScratchDatabase() : null;
    const config = loadConfig(
      { dataDir, logLevel: "silent", ...(scratch ? { databaseUrl: scratch.url } : {}) },
      {},
    );
    const deps = await openDeps(config);
    await createUser({
      db: deps.db,
      actor: null,
      input: { email, displayName: "Officer", password, isAdmin: false },
    });
    await deps.destroy();
    env = {
      RAPPORTEUR_DATA_DIR: dataDir,
      RAPPORTEUR_LOGIN_DELAY_MS: "0",
      ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    };
    cleanup = async () => {
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }, 60_000);
  afterAll(async () => cleanup?.());

  it("on SIGTERM a request in flight completes with 200, new connections are refused, and the process exits 0", async () => {
    const server = await startServerProcess({ ...env, RAPPORTEUR_SHUTDOWN_GRACE_SECONDS: "30" });
    const slow = slowSignIn(server.url);
    await sleep(300);
    process.kill(server.pid, "SIGTERM");
    await sleep(700);
    expect(await tryConnect(server.url)).toBe("ECONNREFUSED");
    expect(await slow.finish()).toBe(200);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).not.toMatch(/^\s+at .+[:(]/m);
  }, 180_000);

  it("a request that outlasts the grace period is cut and the process still exits, with code 1", async () => {
    const server = await startServerProcess({ ...env, RAPPORTEUR_SHUTDOWN_GRACE_SECONDS: "1" });
    const slow = slowSignIn(server.url);
    await sleep(300);
    const sent = Date.now();
    process.kill(server.pid, "SIGTERM");
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - sent).toBeLessThan(10_000);
    await expect(slow.answered).rejects.toThrow();
    expect(server.output()).toContain("grace period over");
  }, 180_000);

  it("a second signal stops the server at once", async () => {
    const server = await startServerProcess({ ...env, RAPPORTEUR_SHUTDOWN_GRACE_SECONDS: "600" });
    const slow = slowSignIn(server.url);
    await sleep(300);
    process.kill(server.pid, "SIGTERM");
    await sleep(500);
    const sent = Date.now();
    process.kill(server.pid, "SIGINT");
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - sent).toBeLessThan(5_000);
    await expect(slow.answered).rejects.toThrow();
  }, 180_000);

  it("after a crash (kill -9) the server starts again on the same data with no manual step", async () => {
    const first = await startServerProcess(env);
    expect(await slowSignIn(first.url).finish()).toBe(200);
    process.kill(first.pid, "SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const second = await startServerProcess(env);
    try {
      expect(await slowSignIn(second.url).finish()).toBe(200);
    } finally {
      expect(await second.stop()).toEqual({ code: 0, signal: null });
    }
  }, 300_000);
});
