import { afterAll, beforeAll, expect, it } from "vitest";
import { startScheduler } from "../../src/server/platform/jobs/jobs.usecases.js";
import { watchCspViolations } from "../support/csp-violations.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  startBrowserWorld,
} from "../support/e2e-world.js";
import { lighthouseScores } from "../support/lighthouse.js";

const mainPages = [
  "/",
  "/press-releases",
  "/reports",
  "/communications",
  "/visits",
  "/recommendations",
  "/about",
];

describeInBrowser("the public portal", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    // As at the start of a real server: jobs due (the demo letters' embargo, scheduled releases) are run.
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    await scheduler.runDue();
    await scheduler.stop();
  });
  afterAll(async () => world?.close());

  it("every main page, in English and Korean, works without JavaScript: links, the language switch and the filter forms", async () => {
    for (const lang of ["en", "ko"] as const) {
      const context = await world.browser.newContext({
        javaScriptEnabled: false,
        locale: lang === "ko" ? "ko-KR" : "en-GB",
      });
      const page = await context.newPage();
      for (const path of mainPages) {
        const res = await page.goto(`${world.base}/${lang}${path}`);
        expect(res?.status(), `${lang}${path}`).toBe(200);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
      }
      // A press release, reached by its link from the list.
      await page.goto(`${world.base}/${lang}/press-releases`);
      await page.locator("ul.items h2 a").first().click();
      await page.locator("article h1").waitFor();
      // The filters are a plain form: choosing a year and submitting narrows the list without any script.
      await page.goto(`${world.base}/${lang}/communications`);
      const year = await page.locator("#f-year option").nth(1).getAttribute("value");
      expect(year).toMatch(/^\d{4}$/);
      await page.locator("#f-year").selectOption(String(year));
      await page.locator("form.filters button[type=submit]").click();
      await page.waitForURL((url) => url.searchParams.get("year") === year);
      expect(await page.locator("ul.items > li").count()).toBeGreaterThan(0);
      // The language switch leads to the same page in the other language.
      const other = lang === "en" ? "ko" : "en";
      await page.goto(`${world.base}/${lang}/reports`);
      await page.locator(`header a[hreflang="${other}"]`).click();
      await page.waitForURL(`${world.base}/${other}/reports`);
      await context.close();
    }
  });

  it("every main page and a press release, in English and Korean, have no WCAG 2.1 AA violation (axe-core)", async () => {
    for (const lang of ["en", "ko"] as const) {
      const context = await world.browser.newContext({
        locale: lang === "ko" ? "ko-KR" : "en-GB",
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      for (const path of mainPages) {
        await page.goto(`${world.base}/${lang}${path}`);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        await expectAccessible(page, `portal-${lang}${path === "/" ? "-home" : path.replace("/", "-")}`);
      }
      await page.goto(`${world.base}/${lang}/press-releases`);
      await page.locator("ul.items h2 a").first().click();
      await page.locator("article h1").waitFor();
      await expectAccessible(page, `portal-${lang}-press-release`);
      await context.close();
    }
  });

  it("no portal page is refused anything by its Content-Security-Policy, in either language", async () => {
    const context = await world.browser.newContext({ locale: "en-GB" });
    const violations = watchCspViolations(context);
    const page = await context.newPage();
    for (const lang of ["en", "ko"] as const) {
      for (const path of [...mainPages, "/subscribe"]) {
        const res = await page.goto(`${world.base}/${lang}${path}`);
        expect(res?.status(), `${lang}${path}`).toBe(200);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
      }
      await page.goto(`${world.base}/${lang}/press-releases`);
      await page.locator("ul.items h2 a").first().click();
      await page.locator("article h1").waitFor();
      await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
    }
    expect(violations()).toEqual([]);
    await context.close();
  });

  it("Lighthouse scores accessibility and performance at 95 or more on the main pages", async () => {
    const urls = ["/en/", "/ko/", "/en/press-releases", "/en/communications", "/ko/reports"].map(
      (p) => `${world.base}${p}`,
    );
    const scores = await lighthouseScores(urls);
    const report = urls.map((u, i) => ({ url: u.replace(world.base, ""), ...scores[i] }));
    console.log(
      `[lighthouse] ${report.map((r) => `${r.url} a11y ${r.accessibility} perf ${r.performance}`).join("; ")}`,
    );
    for (const r of report) {
      expect(r.accessibility, `${r.url}: ${r.failing?.join(", ")}`).toBeGreaterThanOrEqual(95);
      expect(r.performance, `${r.url}: ${r.failing?.join(", ")}`).toBeGreaterThanOrEqual(95);
    }
  }, 300_000);
});
