import { mkdirSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { launchChromium } from "../support/browser.js";
import { describeInBrowser } from "../support/e2e-world.js";
import { createTestDeps, type TestDeps } from "../support/test-deps.js";

const shots = "test-results/screenshots";

describeInBrowser("the server in a real browser", () => {
  let deps: TestDeps;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    deps = await createTestDeps("sqlite");
    app = await buildApp(deps);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await deps?.cleanup();
  });

  it("a visitor opening the address of a server with no mandate yet sees the product's name in English and Korean and a link to the API description", async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await expect(page.locator("h1").textContent()).resolves.toBe("Rapporteur");
    await expect(page.locator("p[lang=ko]").textContent()).resolves.toContain("인권");
    await page.screenshot({ path: `${shots}/home.png`, fullPage: true });
    await page.click("text=API description (OpenAPI 3.1)");
    const doc = JSON.parse((await page.locator("body").textContent()) ?? "{}") as { openapi?: string };
    expect(doc.openapi).toBe("3.1.0");
    await page.close();
  });

  it("a browser that signs in through the API keeps the session in an httpOnly cookie script cannot read", async () => {
    const page = await browser.newPage();
    await page.goto(base);
    const status = await page.evaluate(async () => {
      const res = await fetch("/api/v1/auth/session");
      return { status: res.status, cookie: document.cookie };
    });
    expect(status).toEqual({ status: 401, cookie: "" });
    await page.close();
  });
});
