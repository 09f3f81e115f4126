import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { ensureDemoData } from "../../src/server/demo/demo.usecases.js";
import type { ConfigOverrides } from "../../src/server/platform/config/config.js";
import { axeViolations } from "./axe.js";
import { chromiumPath, launchChromium } from "./browser.js";
import { createTestDeps, type TestDeps } from "./test-deps.js";

export const screenshotDir = "test-results/screenshots";

export interface BrowserWorld {
  deps: TestDeps;
  app: FastifyInstance;
  browser: Browser;
  base: string;
  close: () => Promise<void>;
}

/**
 * The demo served on a free port from a fresh SQLite data directory, the staff application built, and Chromium:
 * what every browser test starts from.
 * @example const world = await startBrowserWorld(); … await world.close();
 */
export async function startBrowserWorld(overrides: ConfigOverrides = {}): Promise<BrowserWorld> {
  if (!existsSync("dist/web/index.html")) {
    const built = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("vite build failed");
  }
  const deps = await createTestDeps("sqlite", overrides);
  await ensureDemoData(deps);
  const app = await buildApp(deps);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
  return {
    deps,
    app,
    browser,
    base,
    close: async () => {
      await browser.close();
      await app.close();
      await deps.cleanup();
    },
  };
}

/** Signs in through the sign-in page, in a fresh browser context of the given language, and waits for the home page. */
export async function signInPage(
  world: Pick<BrowserWorld, "browser" | "base" | "deps">,
  email: string,
  language: "en" | "ko" = "en",
  password = world.deps.config.demoPassword,
): Promise<Page> {
  const context = await world.browser.newContext({
    locale: language === "ko" ? "ko-KR" : "en-GB",
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${world.base}/app/`);
  await page.getByLabel(language === "ko" ? "이메일" : "E-mail").fill(email);
  await page.getByLabel(language === "ko" ? "비밀번호" : "Password").fill(password);
  await page.getByRole("button", { name: language === "ko" ? "로그인" : "Sign in" }).click();
  await page
    .getByRole("heading", { level: 1, name: language === "ko" ? "오늘 처리할 일" : "What needs me today" })
    .waitFor();
  return page;
}

/**
 * Waits for what a user would see, as long as a loaded machine may need.
 * @example await poll(() => page.locator(".status").textContent()).toBe("Published");
 */
export const poll = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });

/** Saves a full-page screenshot and expects axe-core to find no WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, name: string) {
  // Settled first, as far as it goes: a PDF preview's viewer may keep a connection open under load, and the
  // check must still run (each test waits for the content it asserts on before calling this).
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
  const violations = await axeViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** A suite that needs Chromium: without it, one test states why it could not run (the notice is printed once). */
export function describeInBrowser(title: string, body: () => void) {
  describe(title, () => {
    if (!chromiumPath) {
      it("needs Chromium, which is not installed here (a notice was printed)", () => {
        expect(chromiumPath).toBeNull();
      });
      return;
    }
    body();
  });
}
