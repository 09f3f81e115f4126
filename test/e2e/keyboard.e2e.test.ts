import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BrowserWorld, describeInBrowser, startBrowserWorld } from "../support/e2e-world.js";

describeInBrowser("the staff application with the keyboard alone", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => world?.close());

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? "", text: (el?.textContent ?? "").trim(), id: el?.id ?? "" };
    });

  it("an officer signs in, skips to the content, reaches the persons list and opens a person without a mouse", async () => {
    const context = await world.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${world.base}/app/`);
    await page.getByLabel("E-mail").waitFor();
    await page.keyboard.press("Tab");
    expect((await focused(page)).id).toBe("email");
    await page.keyboard.type("officer@demo.test");
    await page.keyboard.press("Tab");
    await page.keyboard.type(world.deps.config.demoPassword);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "What needs me today" }).waitFor();

    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect((await focused(page)).id).toBe("main");

    await page.goto(`${world.base}/app/`);
    await page.getByRole("heading", { level: 1, name: "What needs me today" }).waitFor();
    for (let i = 0; i < 40 && (await focused(page)).text !== "Persons"; i++) await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Persons");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Persons" }).waitFor();
    await page.locator("table.records tbody tr").first().waitFor();
    for (let i = 0; i < 80 && !/^[WVG]-\d{4}-\d{3}$/.test((await focused(page)).text); i++)
      await page.keyboard.press("Tab");
    const person = (await focused(page)).text;
    expect(person).toMatch(/^[WVG]-\d{4}-\d{3}$/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: person }).waitFor();
    await context.close();
  });
});
