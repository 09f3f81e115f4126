import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiClient, signIn as apiSignIn } from "../support/api-client.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  poll,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";
import { build, createVia } from "../support/factories.js";

/** A file the page links to, fetched by the page itself (with its session), as bytes. */
async function download(page: Page, name: RegExp) {
  const href = await page.getByRole("link", { name }).getAttribute("href");
  const base64 = await page.evaluate(async (url) => {
    const res = await fetch(String(url));
    if (!res.ok) throw new Error(`download: ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, href);
  return Buffer.from(base64, "base64");
}

describeInBrowser("writing a report in the browser", () => {
  let world: BrowserWorld;
  let holder: ApiClient;
  let mandateId: string;
  const internalWords = "The guards told us that anyone who talked to foreigners would be sent to a camp.";
  const publicWords = "Women were searched on arrival and held for weeks without being told why.";
  let internalSource: { id: string; title: string };
  let publicSource: { id: string; title: string };

  beforeAll(async () => {
    world = await startBrowserWorld();
    holder = await apiSignIn(world.app, "holder@demo.test", world.deps.config.demoPassword);
    mandateId = (await holder.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id ?? "";
    internalSource = await createVia(
      holder,
      "sources",
      build.source(mandateId, {
        title: "Interview kept internal (e2e)",
        summary: internalWords,
        consentScope: "internal",
        confidentiality: "internal",
      }),
    );
    publicSource = await createVia(
      holder,
      "sources",
      build.source(mandateId, {
        title: "Interview for anonymised use (e2e)",
        summary: publicWords,
        consentScope: "anonymised_public",
        confidentiality: "internal",
      }),
    );
  });
  afterAll(async () => world?.close());

  /** Inserts a quotation of the whole summary of a source through the picker. */
  async function insertQuotation(
    page: Page,
    section: string,
    source: { id: string; title: string },
    length: number,
  ) {
    await page.getByRole("button", { name: `Insert a quotation in ${section}` }).click();
    const form = page.getByRole("form", { name: "Insert a quotation" });
    await form.getByLabel("Find a source").fill(source.title);
    await form.getByRole("button", { name: "Search" }).click();
    await poll(() => form.locator(`option[value="${source.id}"]`).count(), 20_000).toBe(1);
    await form.getByLabel("Source", { exact: true }).selectOption(source.id);
    await form.getByLabel("Ends at character").fill(String(length));
    await poll(() => form.locator(".excerpt-preview").textContent(), 20_000).toContain(
      source === publicSource ? "Women were searched" : "The guards",
    );
    await form.getByRole("button", { name: "Insert the quotation" }).click();
    await poll(() => form.count(), 20_000).toBe(0);
  }

  it("the mandate holder writes a report with two live statistics and a quotation, fixes the publication check, and exports it", async () => {
    const page = await signInPage(world, "holder@demo.test");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Reports", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Reports" }).waitFor();
    // The demo's own report is listed.
    await page
      .getByRole("link", { name: "Situation of human rights in the Democratic People's Republic of Korea" })
      .waitFor();
    await page.getByRole("link", { name: "New report" }).click();
    await page.getByLabel("Kind *").selectOption("general_assembly");
    await page.getByLabel("Document symbol").fill("A/72/400");
    await page.getByLabel("Title *").fill("Forced returns and their aftermath");
    await page.getByLabel("Session", { exact: true }).fill("Seventy-second session");
    await page.getByLabel("Language of the report *").selectOption("en");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { level: 1, name: "Forced returns and their aftermath" }).waitFor();
    const editor = page.getByRole("region", { name: "The report's text" });
    await editor
      .getByLabel("Summary", { exact: true })
      .fill("The report describes forced returns from China.");

    await editor.getByRole("button", { name: "Add a section" }).click();
    await editor.getByLabel("Heading of section 1").fill("Forced return");
    await editor.getByRole("button", { name: "Add a paragraph to Forced return" }).click();
    await editor
      .getByLabel("Paragraph 1")
      .fill("Persons returned from China are held in holding centres near the border.");
    await editor.getByRole("button", { name: "Add a paragraph to Forced return" }).click();
    await editor.getByLabel("Paragraph 2").fill("They are questioned about their contacts abroad.");
    await editor.getByRole("button", { name: "Add a footnote to Paragraph 2" }).click();
    await editor.getByLabel("Footnote 1").fill("Interviews held in Seoul in July 2017.");
    await editor.getByRole("button", { name: "Save the text" }).click();
    await poll(() => editor.locator(".report-save-status").textContent(), 20_000).toContain("Saved.");

    // Two live statistics, computed by the server when inserted.
    await editor.getByRole("button", { name: "Insert a live statistic in Forced return" }).click();
    let form = editor.getByRole("form", { name: "What the statistic counts" });
    await form.getByLabel("Caption").fill("Acts of forced return per year, by sex of victim");
    await poll(
      () => form.getByLabel("Type of act").locator('option[value="380101000000"]').count(),
      20_000,
    ).toBe(1);
    await form.getByLabel("Type of act").selectOption("380101000000");
    await form.getByLabel("Rows").selectOption("year");
    await form.getByLabel("Split by").selectOption("victimSex");
    await form.getByLabel("From").fill("2014");
    await form.getByLabel("To", { exact: true }).fill("2017");
    await form.getByRole("button", { name: "Insert the statistic" }).click();
    await editor.getByRole("table", { name: "Acts of forced return per year, by sex of victim" }).waitFor();

    await editor.getByRole("button", { name: "Insert a live statistic in Forced return" }).click();
    form = editor.getByRole("form", { name: "What the statistic counts" });
    await form.getByLabel("Caption").fill("Acts by province");
    await form.getByLabel("Rows").selectOption("none");
    await form.getByLabel("Split by").selectOption("province");
    await form.getByRole("button", { name: "Insert the statistic" }).click();
    await editor.getByRole("table", { name: "Acts by province" }).waitFor();
    await expect(editor.locator(".statistic-note").first().textContent()).resolves.toContain("Refoulement");

    // A quotation whose source consented to internal use only.
    await insertQuotation(page, "Forced return", internalSource, internalWords.length);
    await editor.locator("blockquote", { hasText: "anyone who talked to foreigners" }).waitFor();
    await expect(editor.getByRole("link", { name: internalSource.title }).count()).resolves.toBe(1);
    await expectAccessible(page, "report-editor-en");

    // The publication check fails on consent, with a link to the quotation.
    const check = editor.getByRole("region", { name: "Publication check" });
    await check.getByRole("button", { name: "Run the publication check" }).click();
    const consent = check
      .getByRole("listitem")
      .filter({ hasText: "The quotation goes beyond the consent its source gave" });
    await consent.waitFor();
    const href = await consent.getByRole("link", { name: "Go to it" }).getAttribute("href");
    expect(href).toMatch(/^#block-q-/);
    await expect(page.locator(String(href)).count()).resolves.toBe(1);
    await expect(editor.getByRole("link", { name: "DOCX (public)" }).count()).resolves.toBe(0);
    await expectAccessible(page, "report-check-failed-en");

    // Fixed: the quotation goes, one from a source that allows anonymised public use takes its place.
    await editor.getByRole("button", { name: /^Delete Quotation/ }).click();
    await editor.getByRole("button", { name: "Save the text" }).click();
    await poll(() => editor.locator(".report-save-status").textContent(), 20_000).toContain("Saved.");
    await insertQuotation(page, "Forced return", publicSource, publicWords.length);
    await editor.locator("blockquote", { hasText: "Women were searched on arrival" }).waitFor();

    await check.getByRole("button", { name: "Run the publication check" }).click();
    // The previous run's problems (and its status line) stay on screen while this run loads: the consent problem
    // goes once this run's answer is in.
    await poll(
      () => check.getByText("The quotation goes beyond the consent its source gave").count(),
      20_000,
    ).toBe(0);
    await poll(() => check.locator(".check-status").textContent(), 20_000).not.toBe("Loading…");
    // What remains (small numbers in the demo's statistics) the mandate holder publishes anyway, for a reason.
    const reasons = check.getByLabel("Reason to publish anyway");
    for (let n = await reasons.count(); n > 0; n = await reasons.count()) {
      await reasons.first().fill("Figures already published by the mandate in aggregate.");
      await check.getByRole("button", { name: "Override (mandate holder)" }).first().click();
      await poll(() => reasons.count(), 20_000).toBe(n - 1);
    }

    // A recommendation of the report, made through the registry's API.
    const recommendation = await holder.post("/api/v1/recommendations", {
      mandateId,
      sourceBody: "this_mandate",
      reportId: page.url().split("/").pop(),
      addresseeKind: "state",
      addresseeCountry: "CHN",
      text: "Respect the principle of non-refoulement for every person from the country.",
    });
    expect(recommendation.status, JSON.stringify(recommendation.body)).toBe(201);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Forced returns and their aftermath" }).waitFor();
    await page
      .getByText("Respect the principle of non-refoulement for every person from the country.")
      .waitFor();
    await page.getByRole("button", { name: "Run the publication check" }).click();
    await page.getByRole("link", { name: "DOCX (public)" }).waitFor();
    await expectAccessible(page, "report-check-clean-en");

    const docx = await download(page, /^DOCX \(public\)$/);
    const zip = await JSZip.loadAsync(docx);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("A/72/400");
    expect(xml).toMatch(/>1\.<\/w:t>/);
    expect(xml).toMatch(/>2\.<\/w:t>/);
    expect(xml).toContain("Persons returned from China are held in holding centres near the border.");
    expect(xml).toContain("They are questioned about their contacts abroad.");
    expect(xml).toContain("Women were searched on arrival");
    expect(xml).toContain("Respect the principle of non-refoulement for every person from the country.");
    expect(xml).not.toContain("anyone who talked to foreigners");

    const pdf = await download(page, /^PDF \(public\)$/);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const audit = await world.deps.db
      .selectFrom("audit_log")
      .select(["action", "fields"])
      .where("action", "in", ["report.export", "report.override"])
      .where("actor_id", "=", holder.userId)
      .execute();
    expect(audit.map((a) => a.fields)).toEqual(
      expect.arrayContaining(['["docx","public"]', '["pdf","public"]']),
    );
    await page.context().close();
    // Two statistics, two checks, overrides and three exports: longer than one step of the other tests.
  }, 120_000);

  it("the demo's report reads in Korean: editor, statistic and versions, accessible", async () => {
    const list = await holder.get<{ items: { id: string; symbol: string }[] }>(
      `/api/v1/reports?mandateId=${mandateId}&symbol=${encodeURIComponent("A/72/394")}`,
    );
    const id = list.body.items[0]?.id;
    expect(id).toBeTruthy();
    const page = await signInPage(world, "holder@demo.test", "ko");
    await page.goto(`${world.base}/app/reports/${id}`);
    const editor = page.getByRole("region", { name: "보고서 본문" });
    await editor.getByLabel("1항", { exact: true }).waitFor();
    await editor.locator(".statistic-table").first().waitFor();
    await editor.locator("blockquote").first().waitFor();
    await editor.getByRole("button", { name: "버전 저장" }).click();
    await editor.getByRole("table", { name: /저장된 버전 1개/ }).waitFor();
    await editor.getByRole("button", { name: "공개 점검 실행" }).click();
    await poll(() => editor.locator(".check-status").textContent(), 20_000).not.toBe("");
    await expectAccessible(page, "report-editor-ko");
    await page.context().close();
  });
});
