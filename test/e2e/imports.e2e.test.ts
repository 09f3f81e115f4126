import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";

const header = "Made by,Addressee,Country,Recommendation,Recommending state,Response,Issued";
const rows = [
  "UPR,State,PRK,Allow the Special Rapporteur to visit the country (e2e import),FRA,Noted,2019-05-09",
  "UPR,Galaxy,PRK,End the forced return of people to the country (e2e import),DEU,Accepted,2019-05-09",
  "UPR,State,PRK,“Release” the families of escapees from detention — café (e2e import),KOR,Accepted,2019-05-09",
];
const csv = (lines: string[]) => Buffer.from(`${[header, ...lines].join("\r\n")}\r\n`);
const mapping: [string, string][] = [
  ["Made by", "sourceBody"],
  ["Addressee", "addresseeKind"],
  ["Country", "addresseeCountry"],
  ["Recommendation", "text"],
  ["Recommending state", "recommendingState"],
  ["Response", "response"],
  ["Issued", "issuedOn"],
];

describeInBrowser("importing recommendations in a real browser", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => world?.close());

  const uploadFile = async (page: Page, name: string, bytes: Buffer) => {
    await page.getByLabel("CSV or XLSX file").setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByRole("table", { name: `First rows of ${name}, as read` }).waitFor();
  };

  it("an officer uploads a CSV, maps its columns, sees the dry run's error, fixes the file, imports it and sees the report", async () => {
    const page = await signInPage(world, "officer@demo.test");
    await page.getByRole("navigation").getByRole("link", { name: "Imports and exports" }).click();
    await page.getByRole("heading", { level: 1, name: "Imports and exports" }).waitFor();
    await page.getByRole("link", { name: "New import" }).click();
    await page.getByRole("heading", { level: 1, name: "Import a file" }).waitFor();
    await page.getByLabel("Type of records").selectOption("recommendations");

    await uploadFile(page, "upr-review.csv", csv(rows));
    const progress = page.getByRole("progressbar", { name: "Upload of upr-review.csv" });
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
    await expect(page.getByLabel("Read as").inputValue()).resolves.toBe("utf-8");
    await page.getByText("CRLF (Windows)").waitFor();

    for (const [column, field] of mapping)
      await page.getByLabel(`Field for column ${column}`).selectOption(field);
    await page.getByRole("button", { name: "Check every row (dry run)" }).click();
    const errors = page.getByRole("table", { name: /^1 problem found/ });
    await errors.waitFor();
    const cells = await errors.locator("tbody tr").first().locator("td").allTextContents();
    expect(cells.slice(0, 3)).toEqual(["3", "Addressee", "Addressee"]);
    expect(cells[3]).toMatch(/^Must be one of: state, international_community, un_body, other/);
    await expectAccessible(page, "import-dry-run-errors");
    expect(await page.getByRole("button", { name: /^Import \d+ record/ }).count()).toBe(0);

    // The file is fixed and sent again: the mapping of its columns stays.
    await uploadFile(page, "upr-review-fixed.csv", csv(rows.map((r) => r.replace("Galaxy", "State"))));
    await expect(page.getByLabel("Field for column Recommendation").inputValue()).resolves.toBe("text");
    await page.getByLabel("Save this mapping as").fill("UPR review (browser)");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await page.getByText("Mapping “UPR review (browser)” saved.").waitFor();
    await page.getByRole("button", { name: "Check every row (dry run)" }).click();
    await page.getByText("No errors in 3 rows: the import will create 3 Recommendations.").waitFor();
    await page.getByRole("button", { name: "Import 3 records" }).click();

    await page.getByRole("heading", { level: 1, name: "Import of upr-review-fixed.csv" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Imported" }).waitFor();
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    expect(await bar.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([100, 100]);
    await page.getByText("UPR review (browser)").waitFor();
    const report = page.locator("dl.fields");
    await expect(report.textContent()).resolves.toContain("3 Recommendations");
    await expect(report.textContent()).resolves.toContain("Demo Human Rights Officer");
    await expectAccessible(page, "import-report");

    const links = page.locator(".created-ids a");
    expect(await links.count()).toBe(3);
    await links.first().click();
    await page.getByText("Allow the Special Rapporteur to visit the country (e2e import)").first().waitFor();

    // Listed among the imports, and its records are in the registry.
    await page.getByRole("navigation").getByRole("link", { name: "Imports and exports" }).click();
    await page.getByRole("link", { name: "upr-review-fixed.csv" }).waitFor();
    await expectAccessible(page, "imports-list");
    const stored = await world.deps.db
      .selectFrom("recommendations")
      .select(["text", "addressee_kind", "response"])
      .where("text", "like", "%(e2e import)")
      .orderBy("text")
      .execute();
    expect(stored).toHaveLength(3);
    expect(stored.map((r) => r.text)).toContain(
      "“Release” the families of escapees from detention — café (e2e import)",
    );
  });
});
