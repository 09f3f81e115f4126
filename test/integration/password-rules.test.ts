import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts } from "../../src/server/demo/demo.usecases.js";
import { passwordProblem } from "../../src/server/modules/auth/password-rules.policies.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

const newAccount = (email: string, password: string) => ({ email, displayName: "New", password });

describe.each(dialects)("password rules on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it.each([
    ["eleven characters", "elevenchars", "field.password_too_short", "Use at least 12 characters."],
    [
      "eleven emoji (22 UTF-16 units)",
      "🔒".repeat(11),
      "field.password_too_short",
      "Use at least 12 characters.",
    ],
    ["257 characters", "x".repeat(257), "field.password_too_long", "Use at most 256 characters."],
    [
      "a common password, whatever its case",
      "PassWord1234",
      "field.password_too_common",
      "This is one of the most common passwords: choose another.",
    ],
    [
      "the e-mail's part before the @",
      "Rule.Breaker",
      "field.password_is_email",
      "The password must not be your e-mail address or its part before the @.",
    ],
    [
      "the e-mail address itself",
      "rule.breaker@test.example",
      "field.password_is_email",
      "The password must not be your e-mail address or its part before the @.",
    ],
  ])(
    "an admin cannot create an account whose password is %s: the field is named",
    async (_, password, code, message) => {
      const admin = await world.as("admin");
      const res = await admin.post("/api/v1/users", newAccount("rule.breaker@test.example", password));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: { code: "request.validation_failed", fields: { password: { code, message } } },
      });
      expect(Object.keys((res.body as { error: { fields: object } }).error.fields)).toEqual(["password"]);
    },
  );

  it("the message is in Korean for a Korean user", async () => {
    const admin = await world.as("admin");
    const res = await admin.post("/api/v1/users", newAccount("ko.rule@test.example", "qwertyuiop123"), {
      "accept-language": "ko-KR",
    });
    expect(res.body).toMatchObject({
      error: {
        fields: {
          password: {
            code: "field.password_too_common",
            message: "가장 흔한 비밀번호 중 하나입니다. 다른 비밀번호를 선택하십시오.",
          },
        },
      },
    });
  });

  it("twelve Hangul syllables or twelve emoji are long enough, and 256 characters not too long: length counts characters, not bytes", async () => {
    const admin = await world.as("admin");
    const longest = await admin.post("/api/v1/users", newAccount("long@test.example", "길".repeat(256)));
    expect(longest.status).toBe(201);
    expect(
      (await admin.post("/api/v1/users", newAccount("hangul@test.example", "인권보고관특별절차조사위원")))
        .status,
    ).toBe(201);
    expect(
      (await admin.post("/api/v1/users", newAccount("emoji@test.example", "🔒".repeat(12)))).status,
    ).toBe(201);
  });

  it("changing one's own password keeps the rules; a good one is accepted", async () => {
    const officer = await world.as("officer");
    const common = await officer.patch(`/api/v1/users/${world.users.officer}`, { password: "password1234" });
    expect(common.status).toBe(400);
    expect(common.body).toMatchObject({
      error: { fields: { password: { code: "field.password_too_common" } } },
    });
    const own = await officer.patch(`/api/v1/users/${world.users.officer}`, { password: "officer" });
    expect(own.body).toMatchObject({ error: { fields: { password: { code: "field.password_too_short" } } } });
    const mine = await officer.patch(`/api/v1/users/${world.users.officer}`, {
      password: "officer@test.example",
    });
    expect(mine.body).toMatchObject({ error: { fields: { password: { code: "field.password_is_email" } } } });
    const good = await officer.patch(`/api/v1/users/${world.users.officer}`, {
      password: "a quiet river at dawn",
    });
    expect(good.status).toBe(200);
  });
});

describe("passwords in use keep the rules", () => {
  it("the demo accounts' default password and the test accounts' password pass", async () => {
    const demoPassword = loadConfig({}, {}).demoPassword;
    for (const a of demoAccounts) expect(await passwordProblem(demoPassword, a.email)).toBeNull();
    expect(await passwordProblem(testPassword, "officer@test.example")).toBeNull();
  });
});

describe("the command line keeps the rules", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-pw-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("users add refuses a common password, naming the field, without a stack trace", async () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env))
      if (!/^(RAPPORTEUR_|DATABASE_URL$|PORT$|NODE_OPTIONS$|VITEST)/.test(k)) env[k] = v;
    const run = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        path.join("node_modules", ".bin", "tsx"),
        ["src/cli/main.ts", "users", "add", "cli.rule@test.example", "--name", "Rule"],
        {
          env: { ...env, RAPPORTEUR_DATA_DIR: dataDir, RAPPORTEUR_NEW_PASSWORD: "password1234" },
          timeout: 150_000,
        },
        (error, _stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stderr: String(stderr) }),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("password: This is one of the most common passwords: choose another.");
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 160_000);
});
