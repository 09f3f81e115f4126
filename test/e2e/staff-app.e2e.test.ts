import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { watchCspViolations } from "../support/csp-violations.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";
import type { TestDeps } from "../support/test-deps.js";

describeInBrowser("the staff application in a real browser", () => {
  let deps: TestDeps;
  let browser: Browser;
  let base: string;

  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    ({ deps, browser, base } = world);
  });
  afterAll(async () => world?.close());

  const signIn = (email: string, language: "en" | "ko" = "en") => signInPage(world, email, language);

  it("a wrong password is refused in the user's language, and the sign-in page is accessible", async () => {
    const context = await browser.newContext({ locale: "ko-KR" });
    const page = await context.newPage();
    await page.goto(`${base}/app/`);
    await expectAccessible(page, "sign-in-ko");
    await page.getByLabel("이메일").fill("officer@demo.test");
    await page.getByLabel("비밀번호").fill("not the password");
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe(
      "이메일 또는 비밀번호가 올바르지 않습니다.",
    );
    await context.close();
  });

  it("an officer signs in, sees the home page, and signs out", async () => {
    const page = await signIn("officer@demo.test");
    await expect(page.getByRole("heading", { name: "Recently changed" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, "home-en");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.context().close();
  });

  it("an officer browses coded acts page by page and filters them by type", async () => {
    const page = await signIn("officer@demo.test");
    await page.getByRole("navigation").getByRole("link", { name: "Acts" }).click();
    await page.waitForURL(/\/app\/acts/);
    const rows = page.locator("table.records tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(50);
    await expectAccessible(page, "acts-en");
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText("Acts: page 2").waitFor();
    await page.locator("table.records[aria-busy=false]").waitFor();
    await page.getByLabel("Type of act", { exact: true }).selectOption("380101000000");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/actType=380101000000/);
    await page.getByText("Acts: page 1").waitFor();
    await page.locator("table.records[aria-busy=false]").waitFor();
    const types = await page.locator("table.records tbody tr td:nth-child(4)").allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((t) => !t.includes("380101000000"))).toEqual([]);
    await page.context().close();
  });

  it("an officer opens a witness, sees the linked acts, and reveals identifying data, which is audited", async () => {
    const page = await signIn("officer@demo.test");
    await page.getByRole("navigation").getByRole("link", { name: "Persons" }).click();
    await page.getByLabel("Search", { exact: true }).fill("W-2017-011");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: "W-2017-011" }).click();
    await page.getByRole("heading", { name: "Linked records" }).waitFor();
    await expectAccessible(page, "person-en");
    const before = await deps.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "identity.read")
      .execute();
    await page.getByRole("button", { name: /Reveal identifying data/ }).click();
    await page.getByText("김 가명", { exact: false }).first().waitFor();
    const after = await deps.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "identity.read")
      .execute();
    expect(after.length).toBe(before.length + 1);
    await page.context().close();
  });

  it("an analyst is not offered the reveal, and a reader is not offered editing", async () => {
    for (const [email, hidden] of [
      ["analyst@demo.test", /Reveal identifying data/],
      ["readonly@demo.test", /^Edit$/],
    ] as const) {
      const page = await signIn(email);
      await page.getByRole("navigation").getByRole("link", { name: "Persons" }).click();
      await page.locator("table.records tbody tr th a").first().click();
      await page.getByRole("heading", { name: "Linked records" }).waitFor();
      expect(await page.getByRole("button", { name: hidden }).count()).toBe(0);
      await page.context().close();
    }
  });

  it("an officer records an event with an approximate date, and the date reads back the same way", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/events/new`);
    await page.getByLabel("Title *").fill("Forced return recorded in the browser");
    await page.getByLabel("Start date").fill("2016-13");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.locator("#f-startDate-error").textContent()).resolves.toContain("Use 2016, 2016-05");
    await page.getByLabel("Start date").fill("about 2015");
    await expectAccessible(page, "new-event-en");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { level: 1, name: "Forced return recorded in the browser" }).waitFor();
    await expect(page.locator("dl.fields").textContent()).resolves.toContain("about 2015");
    await page.context().close();
  });

  it("an error from the API appears next to the field it names, in Korean for a Korean user", async () => {
    const page = await signIn("officer@demo.test", "ko");
    await page.goto(`${base}/app/persons/new`);
    await page.getByLabel("코드 *").fill("W-2017-011");
    await page.getByRole("button", { name: "만들기" }).click();
    await expect(page.locator("#f-code-error").textContent()).resolves.toBe("이미 사용 중입니다.");
    await expectAccessible(page, "new-person-ko");
    await page.context().close();
  });

  it("the language switches at any time, and every main page has no accessibility violation in Korean", async () => {
    const page = await signIn("holder@demo.test");
    await page.getByLabel("Language").selectOption("ko");
    await page.getByRole("heading", { level: 1, name: "오늘 처리할 일" }).waitFor();
    await expectAccessible(page, "home-ko");
    for (const [link, name] of [
      ["출처", "sources-ko"],
      ["사건", "events-ko"],
      ["장소", "places-ko"],
    ] as const) {
      await page.getByRole("navigation").getByRole("link", { name: link, exact: true }).click();
      await page.locator("table.records tbody tr").first().waitFor();
      await expectAccessible(page, name);
    }
    await page.locator("table.records tbody tr th a").first().click();
    await page.locator("dl.fields").waitFor();
    await expectAccessible(page, "place-ko");
    await page.context().close();
  });
  it("no page of the application is refused anything by its Content-Security-Policy", async () => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const violations = watchCspViolations(context);
    const page = await context.newPage();
    await page.goto(`${base}/app/`);
    await page.getByLabel("E-mail").fill("holder@demo.test");
    await page.getByLabel("Password").fill(deps.config.demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "What needs me today" }).waitFor();
    for (const path of [
      "/persons",
      "/sources",
      "/events",
      "/acts",
      "/places",
      "/cases",
      "/communications",
      "/reports",
      "/press-releases",
      "/search?q=border",
      "/dashboard",
      "/map",
      "/visits/status",
      "/imports",
      "/notifications",
      "/account/sessions",
    ]) {
      await page.goto(`${base}/app${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
    }
    await page.goto(`${base}/app/places`);
    await page.locator("table.records tbody tr th a").first().click();
    await page.locator("dl.fields").waitFor();
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
    expect(violations()).toEqual([]);
    await context.close();
  });
});
