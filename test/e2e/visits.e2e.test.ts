import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn as apiSignIn } from "../support/api-client.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  screenshotDir,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The field of the open form with this label, required or not (not the search box of a reference). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${escaped(label)}( \\*)?$`));
const create = (page: Page) => page.getByRole("button", { name: "Create", exact: true }).click();
/** The value a record page shows for one of its fields. */
const shown = (page: Page, label: string) =>
  page
    .locator("dl.fields > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd");
/** Follows the "New …" link of a linked-records list of the record page to the form it opens. */
const addLinked = async (page: Page, plural: string) => {
  await page.locator(`a[href*="/${plural}/new?"]`).click();
  await page.waitForURL((url) => url.pathname === `/app/${plural}/new`);
};
/** The id of the record whose page is open, once its creation has taken the browser there. */
const createdId = async (page: Page, plural: string) => {
  // Not the form's own address (`/new`): the record's, once the save has taken the browser there.
  await page.waitForURL(new RegExp(`/app/${plural}/(?!new$)[A-Za-z0-9_-]+$`));
  return new URL(page.url()).pathname.split("/").pop() ?? "";
};
/** The text of what a link's address holds, fetched in the page with the page's session. */
const linkText = (page: Page, selector: string) =>
  page.evaluate(async (sel) => {
    const a = document.querySelector<HTMLAnchorElement>(sel);
    if (!a) throw new Error(`no link ${sel}`);
    const res = await fetch(a.href);
    return { type: res.headers.get("content-type"), text: await res.text() };
  }, selector);

describeInBrowser("country visits", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => world?.close());

  it("an officer logs a request to visit Thailand with two reminders, its acceptance, the visit and its meetings, and finds it all in the status table and its CSV, in English and Korean", async () => {
    const officer = await apiSignIn(world.app, "officer@demo.test", world.deps.config.demoPassword);
    const mandateId = (await officer.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id;
    const person = (
      await officer.get<{ items: { code: string }[] }>(`/api/v1/persons?mandateId=${mandateId}&limit=1`)
    ).body.items[0];
    expect(person?.code).toBeTruthy();

    const page = await signInPage(world, "officer@demo.test");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Country visits" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Status of country visits" }).waitFor();
    // The demo's own requests and missions are there already (Japan: requested, accepted, visited).
    await page.getByRole("row", { name: /Japan/ }).waitFor();

    // The request, sent on 1 February 2023.
    await page.getByRole("link", { name: "New request" }).click();
    await page.waitForURL((url) => url.pathname === "/app/visit-requests/new");
    await field(page, "Country").fill("THA");
    await field(page, "First requested on").fill("2023-02-01");
    await field(page, "Notes").fill("Note verbale to the Permanent Mission in Geneva.");
    await create(page);
    const requestId = await createdId(page, "visit-requests");
    const requestUrl = page.url();

    // Two reminders, then the acceptance, each logged from the request's page.
    const entry = async (kind: "reminder" | "status_change", day: string, status?: string) => {
      await addLinked(page, "visit-request-entries");
      await field(page, "Kind of entry").selectOption(kind);
      await field(page, "Date").fill(day);
      if (status) await field(page, "Status").selectOption(status);
      await create(page);
      await createdId(page, "visit-request-entries");
      await page.goto(requestUrl);
      await page.locator("dl.fields").waitFor();
    };
    await entry("reminder", "2023-03-01");
    await entry("reminder", "2023-04-01");
    await entry("status_change", "2023-06-01", "accepted");
    await expect.poll(() => shown(page, "Status").textContent()).toBe("Accepted");
    await expect.poll(() => shown(page, "Reminders sent").textContent()).toBe("2");

    // The visit the request led to.
    await addLinked(page, "visits");
    await field(page, "Title").fill("Visit to Thailand");
    await field(page, "Kind of visit").selectOption("country_visit");
    await field(page, "Country").fill("THA");
    await field(page, "First day").fill("2023-10-02");
    await field(page, "Last day").fill("2023-10-06");
    await field(page, "Places visited").fill("Bangkok, Mae Sot");
    await field(page, "Report symbol").fill("A/HRC/55/60/Add.1");
    await create(page);
    await createdId(page, "visits");
    const visitUrl = page.url();

    // A meeting with a named official of the government.
    await addLinked(page, "meetings");
    await field(page, "Date of the meeting").fill("2023-10-03");
    await field(page, "Met with").selectOption("government");
    await field(page, "Counterpart").fill("Ministry of Foreign Affairs");
    await field(page, "Participants").fill("Vice-Minister Somchai Wongsa");
    await create(page);
    await createdId(page, "meetings");

    // Victims and their families are named by person code only: a plain name is refused, the field named.
    await page.goto(visitUrl);
    await addLinked(page, "meetings");
    await field(page, "Date of the meeting").fill("2023-10-04");
    await field(page, "Met with").selectOption("victims_families");
    await field(page, "Participants").fill("Kim Young-hee");
    await create(page);
    const participants = page.locator(".field.has-error", { has: page.getByLabel("Participants") });
    await participants.getByText(/Kim Young-hee is not a person code of this mandate/).waitFor();
    await expect(field(page, "Participants").getAttribute("aria-describedby")).resolves.toBe(
      "f-participants-error",
    );
    expect(new URL(page.url()).pathname).toBe("/app/meetings/new");
    await page.screenshot({ path: `${screenshotDir}/meeting-refused-en.png`, fullPage: true });
    await field(page, "Participants").fill(person?.code ?? "");
    await create(page);
    await createdId(page, "meetings");
    await page.goto(visitUrl);
    await expect
      .poll(() =>
        page
          .getByRole("region", { name: /^Meetings/ })
          .locator(".count")
          .textContent(),
      )
      .toBe("2");

    // The status table: the state, its first request, both reminders, the acceptance and the visit.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Country visits" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Status of country visits" }).waitFor();
    const row = page.getByRole("row", { name: /Thailand/ });
    await row.waitFor();
    await expect.poll(() => row.locator("td").nth(1).textContent()).toMatch(/^2 reminders/);
    expect(
      await row
        .locator("td")
        .nth(1)
        .locator("time")
        .evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime"))),
    ).toEqual(["2023-03-01", "2023-04-01"]);
    await expect(row.locator("td").nth(0).locator("time").getAttribute("datetime")).resolves.toBe(
      "2023-02-01",
    );
    await expect(row.locator("td").nth(2).textContent()).resolves.toMatch(/^Accepted\s*since Jun 1, 2023/);
    await expect(row.locator("td").nth(3).textContent()).resolves.toMatch(
      /Oct 2\s*–\s*6, 2023 \(Country visit, Planned\)/,
    );
    await expect(row.locator("td").nth(4).textContent()).resolves.toBe("A/HRC/55/60/Add.1");
    await expect(row.getByRole("link", { name: "Request to Thailand" }).getAttribute("href")).resolves.toBe(
      `/app/visit-requests/${requestId}`,
    );
    const csv = await linkText(page, 'a[href*="status-table.csv"]');
    expect(csv.type).toContain("text/csv");
    expect(csv.text).toContain("Thailand,THA,2023-02-01,2023-03-01; 2023-04-01,Accepted,2023-06-01");
    await expectAccessible(page, "visits-status-en");

    // In Korean: the state's Korean name, and the CSV in Korean.
    await page.getByRole("banner").getByLabel("Language").selectOption("ko");
    await page.getByRole("heading", { level: 1, name: "국가 방문 현황" }).waitFor();
    const rowKo = page.getByRole("row", { name: /태국/ });
    await rowKo.getByText("독촉 2회").waitFor();
    await rowKo.getByText("수락").waitFor();
    const csvKo = await linkText(page, 'a[href*="status-table.csv"]');
    expect(csvKo.text).toContain("태국,THA,2023-02-01,2023-03-01; 2023-04-01,수락");
    await expectAccessible(page, "visits-status-ko");
    await page.goto(visitUrl);
    await page.getByRole("region", { name: /^면담/ }).waitFor();
    await expectAccessible(page, "visit-ko");
    await page.context().close();
  }, 180_000);
});
