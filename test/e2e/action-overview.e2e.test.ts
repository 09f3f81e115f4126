import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiClient, signIn as apiSignIn } from "../support/api-client.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";

interface Created {
  id: string;
  reference?: string | null;
}
interface LetterFigures {
  year: number;
  total: number;
  allegedVictims: number;
  replied: number;
  byAddressee: { code: string; count: number; replied: number; victims: number }[];
}

const created = async (res: Promise<{ status: number; body: unknown }>) => {
  const { status, body } = await res;
  if (status !== 200 && status !== 201) throw new Error(`refused: ${status} ${JSON.stringify(body)}`);
  return body as Created;
};

/** The rows of a table as the reader sees them: each cell's text. */
const rowsOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));

describeInBrowser("what needs the officer's attention: urgent cases, replies due, casework charts", () => {
  let world: BrowserWorld;
  let officer: ApiClient;
  let mandateId: string;
  let overdue: Created;
  let later: Created;
  beforeAll(async () => {
    world = await startBrowserWorld();
    const password = world.deps.config.demoPassword;
    officer = await apiSignIn(world.app, "officer@demo.test", password);
    const holder = await apiSignIn(world.app, "holder@demo.test", password);
    mandateId = (await officer.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id ?? "";
    const kase = (o: Record<string, unknown>) =>
      created(officer.post("/api/v1/cases", { mandateId, caseKind: "individual", country: "CHN", ...o }));
    await kase({
      title: "W-2024-117 held in Tumen",
      priority: "urgent",
      nextAction: "Send an urgent appeal to China",
      nextActionOn: "2024-02-01",
    });
    await kase({
      title: "W-2024-121 at risk of return",
      priority: "high",
      nextAction: "Ask the source for news",
    });
    const ended = await kase({
      title: "W-2023-090 released",
      priority: "urgent",
      nextActionOn: "2024-01-01",
    });
    await created(
      officer.post("/api/v1/case-status-changes", {
        mandateId,
        caseId: ended.id,
        status: "resolved",
        statusOn: "2024-03-01",
      }),
    );

    // Two letters to China, sent: one whose reply was due long ago, one with the usual deadline.
    const person = (
      await officer.get<{ items: { id: string }[] }>(`/api/v1/persons?mandateId=${mandateId}&limit=1`)
    ).body.items[0];
    const send = async (o: Record<string, unknown>) => {
      const letter = await created(
        officer.post("/api/v1/communications", {
          mandateId,
          kind: "UA",
          addresseeKind: "state",
          addresseeCountry: "CHN",
          language: "en",
          body: "Excellency,\n\nI have the honour to address you.",
          ...o,
        }),
      );
      if (person)
        await created(
          officer.post("/api/v1/communication-links", {
            mandateId,
            communicationId: letter.id,
            targetType: "person",
            targetId: person.id,
          }),
        );
      await created(officer.post(`/api/v1/communications/${letter.id}/transitions`, { action: "submit" }));
      await created(holder.post(`/api/v1/communications/${letter.id}/transitions`, { action: "approve" }));
      return created(officer.post(`/api/v1/communications/${letter.id}/transitions`, { action: "send" }));
    };
    overdue = await send({ subject: "Forced return of a woman held in Tumen", replyDueOn: "2024-03-15" });
    later = await send({ subject: "Detention of returnees in Onsong" });
  });
  afterAll(async () => world?.close());

  it("the home page puts the urgent open case with the soonest next action first, and the overdue reply before the one still in time", async () => {
    const page = await signInPage(world, "officer@demo.test");
    const urgent = page.getByRole("region", { name: "Urgent cases" });
    await urgent.getByRole("link", { name: "W-2024-117 held in Tumen" }).waitFor();
    const cases = await rowsOf(page, '[aria-labelledby="urgent-title"] table');
    // The demo's two open cases (next actions in 3 and 10 days) sit between them; the resolved one is left out.
    expect(cases.map((c) => c[0])).toEqual([
      "W-2024-117 held in Tumen",
      "V-2018-101: detained in Tumen, facing forced return",
      "Three women held at the Dandong border detention centre",
      "W-2024-121 at risk of return",
    ]);
    expect(cases[0]).toEqual([
      "W-2024-117 held in Tumen",
      "Urgent",
      "Open",
      "Send an urgent appeal to China",
      "Feb 1, 2024Past due",
    ]);
    expect(cases[3]?.[4]).toBe("No date");
    await urgent.getByRole("link", { name: "All cases" }).waitFor();

    const replies = page.getByRole("region", { name: "Replies due" });
    await replies.getByRole("link", { name: overdue.reference ?? "" }).waitFor();
    const replyRows = () => rowsOf(page, '[aria-labelledby="replies-title"] table');
    await expect
      .poll(async () => (await replyRows())[0])
      .toEqual([overdue.reference, "Forced return of a woman held in Tumen", "China", "Mar 15, 2024Overdue"]);
    // The demo's own urgent appeal, sent today, is due the same day as the later one.
    expect((await replyRows()).find((r) => r[0] === later.reference)).toEqual([
      later.reference,
      "Detention of returnees in Onsong",
      "China",
      expect.not.stringContaining("Overdue"),
    ]);
    await expectAccessible(page, "home-urgent-en");

    await page.getByRole("banner").getByLabel("Language").selectOption("ko");
    await page.getByRole("region", { name: "긴급 사안" }).getByText("기한 지남").waitFor();
    await page.getByRole("region", { name: "답변 기한" }).getByText("중국").first().waitFor();
    await expectAccessible(page, "home-urgent-ko");
    await page.context().close();
  });

  it("the dashboard charts cases by status and the year's letters by addressee, each readable as a table and as CSV", async () => {
    const figures = (
      await officer.get<LetterFigures>(`/api/v1/communications/statistics?mandateId=${mandateId}`)
    ).body;
    // The two sent here and the demo's urgent appeal sent today.
    expect(figures.total).toBe(3);
    const caseFigures = (
      await officer.get<{
        total: number;
        byStatus: Record<string, number>;
        byPriority: Record<string, number>;
      }>(`/api/v1/cases/statistics?mandateId=${mandateId}`)
    ).body;
    const page = await signInPage(world, "officer@demo.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();

    const cases = page.getByRole("region", { name: "Cases by status" });
    await cases
      .getByRole("img", { name: new RegExp(`^Cases by status\\. ${caseFigures.total} cases you may read`) })
      .waitFor();
    await cases
      .getByText(
        `${caseFigures.total} cases you may read. Urgent: ${caseFigures.byPriority.urgent}; high priority: ${caseFigures.byPriority.high}.`,
      )
      .waitFor();
    await cases.getByText("Data table").click();
    const statusRows = await rowsOf(page, '[aria-labelledby="cases-by-status-heading"] table');
    expect(statusRows).toEqual(
      expect.arrayContaining([
        ["Open", "2"],
        ["Resolved", "1"],
      ]),
    );
    expect(statusRows).toHaveLength(Object.keys(caseFigures.byStatus).length);
    await expect(cases.getByRole("link", { name: "Resolved" }).getAttribute("href")).resolves.toBe(
      "/app/cases?status=resolved",
    );

    const title = `Communications by addressee, ${figures.year}`;
    const letters = page.getByRole("region", { name: title });
    await letters.getByRole("img", { name: new RegExp(`^${title}`) }).waitFor();
    await letters
      .getByText(
        `In ${figures.year}, 3 communications were sent (0 joint). States addressed: 1. Alleged victims: ${figures.allegedVictims}. 0 of 3 received a reply: a reply rate of 0%.`,
      )
      .waitFor();
    await expect(letters.getByLabel("Year of sending").inputValue()).resolves.toBe(String(figures.year));
    await letters.getByText("Data table").click();
    const china = figures.byAddressee.find((a) => a.code === "CHN");
    expect(await rowsOf(page, '[aria-labelledby="communications-by-addressee-heading"] table')).toEqual([
      ["China", "3", "0", String(china?.victims)],
    ]);
    const csv = await page.evaluate(async () => {
      const a = document.querySelector<HTMLAnchorElement>(
        '[aria-labelledby="communications-by-addressee-heading"] a[download]',
      );
      return a ? { name: a.download, text: await (await fetch(a.href)).text() } : null;
    });
    expect(csv?.name).toBe(`communications-by-addressee-${figures.year}.csv`);
    expect(csv?.text.split("\r\n")).toEqual([
      "Addressee,Code,Communications,Replied,Alleged victims",
      `China,CHN,3,0,${china?.victims}`,
      "",
    ]);
    await expectAccessible(page, "dashboard-casework-en");

    await page.getByRole("banner").getByLabel("Language").selectOption("ko");
    await page.getByRole("region", { name: "상태별 사안" }).getByRole("img").waitFor();
    await page
      .getByRole("region", { name: `${figures.year}년 수신자별 서한` })
      .getByText(/답변율은 0%입니다/)
      .waitFor();
    await expectAccessible(page, "dashboard-casework-ko");
    await page.context().close();
  });
});
