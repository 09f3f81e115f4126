import { afterAll, beforeAll, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import {
  type BrowserWorld,
  describeInBrowser,
  screenshotDir,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";

const shots = screenshotDir;

describeInBrowser("working on records in the browser", () => {
  let base: string;

  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    ({ base } = world);
  });
  afterAll(async () => world?.close());

  const signIn = (email: string, language: "en" | "ko" = "en") => signInPage(world, email, language);

  it("nothing typed is lost on a reload: the unsaved form comes back, and can be discarded", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/events/new`);
    await page.getByLabel("Title *").fill("Half-typed event about a forced return");
    await page.getByLabel("Description").fill("Typed before the connection dropped.");
    await page.reload();
    await page.getByText("Your unsaved changes from earlier were restored.").waitFor();
    await expect(page.getByLabel("Title *").inputValue()).resolves.toBe(
      "Half-typed event about a forced return",
    );
    await page.getByRole("button", { name: "Discard them" }).click();
    await expect(page.getByLabel("Title *").inputValue()).resolves.toBe("");
    await page.context().close();
  });

  it("while a pseudonym is typed, similar persons already recorded are suggested", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/persons/new`);
    await page.getByLabel("Code *").fill("W-2017-01");
    const suggestions = page.getByRole("complementary", { name: "Already recorded and similar" });
    await suggestions.getByRole("link", { name: "W-2017-011" }).waitFor();
    await page.context().close();
  });

  it("a vocabulary picker is searchable in Korean and shows codes", async () => {
    const page = await signIn("officer@demo.test", "ko");
    await page.goto(`${base}/app/acts/new`);
    const picker = page.getByLabel("행위 유형 *");
    await picker.locator("option").nth(100).waitFor({ state: "attached" });
    const all = await picker.locator("option").count();
    await page.getByLabel("행위 유형 용어 검색").fill("고문");
    const filtered = await picker.locator("option").allTextContents();
    expect(filtered.length).toBeLessThan(all);
    expect(filtered.some((o) => o.includes("020111110000"))).toBe(true);
    await page.context().close();
  });

  it("an officer restricts a source to the holder and herself: the analyst is then told it does not exist", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/sources/new`);
    await page.getByLabel("Title *").fill("Interview restricted to two people");
    await page.getByLabel("Only named members may see this record").check();
    await page.getByLabel(/Demo Mandate Holder/).check();
    await page.getByLabel("Confidentiality").selectOption("internal");
    await page.screenshot({ path: `${shots}/new-source-restricted-en.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { level: 1, name: "Interview restricted to two people" }).waitFor();
    const url = page.url();
    const analyst = await signIn("analyst@demo.test");
    await analyst.goto(url);
    await analyst.getByRole("alert").waitFor();
    await expect(analyst.getByRole("alert").textContent()).resolves.toBe("Not found.");
    await analyst.context().close();
    await page.context().close();
  });

  it("the holder reads a record's history: who revealed identifying data, when and from where", async () => {
    const page = await signIn("holder@demo.test");
    await page.getByRole("navigation").getByRole("link", { name: "Persons" }).click();
    await page.getByLabel("Search", { exact: true }).fill("W-2017-017");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: "W-2017-017" }).click();
    await page.getByRole("button", { name: /Reveal identifying data/ }).click();
    await page.getByRole("button", { name: "Show who read and changed this record" }).click();
    const trail = page.getByRole("table", { name: "Audit trail of this record, newest first" });
    await trail.getByRole("cell", { name: "Identifying data revealed" }).first().waitFor();
    await expect(trail.getByRole("cell", { name: "Demo Mandate Holder" }).first().isVisible()).resolves.toBe(
      true,
    );
    await page.screenshot({ path: `${shots}/person-history-en.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("lists sort by a chosen field", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/persons`);
    await page.getByLabel("Sort by").selectOption("code");
    await page.getByLabel("Order").selectOption("asc");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/sort=code/);
    // The new page replaces the old one when its data arrives: wait for the rows themselves, not a busy flag.
    const rows = page.locator("table.records tbody th");
    await expect
      .poll(async () => {
        const codes = await rows.allTextContents();
        return codes.length > 5 && codes.join("|") === [...codes].sort().join("|");
      })
      .toBe(true);
    await page.context().close();
  });
});
