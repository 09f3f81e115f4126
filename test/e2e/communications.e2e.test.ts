import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startScheduler } from "../../src/server/platform/jobs/jobs.usecases.js";
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
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

interface Communication {
  id: string;
  status: string;
  reference: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The letter's Word file as the page downloads it, read back as the text of word/document.xml. */
async function letterXml(page: Page) {
  const href = await page
    .getByRole("link", { name: /Download letter \(Word\)|서한 다운로드/ })
    .getAttribute("href");
  const base64 = await page.evaluate(async (url) => {
    const res = await fetch(String(url));
    if (!res.ok) throw new Error(`letter: ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, href);
  const zip = await JSZip.loadAsync(Buffer.from(base64, "base64"));
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}

/** The status the letter's panel shows, once the page has its record. */
const letterStatus = (page: Page) => page.locator(".communication-panel .letter-status");

describeInBrowser("communications to states in the browser", () => {
  let world: BrowserWorld;
  let smtp: SmtpSink;
  let mandateId: string;
  let officer: ApiClient;
  let holder: ApiClient;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    world = await startBrowserWorld({ smtpUrl: smtp.url });
    officer = await apiSignIn(world.app, "officer@demo.test", world.deps.config.demoPassword);
    holder = await apiSignIn(world.app, "holder@demo.test", world.deps.config.demoPassword);
    mandateId = (await officer.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id ?? "";
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });

  const move = async (client: ApiClient, id: string, action: string) => {
    const res = await client.post<Communication>(`/api/v1/communications/${id}/transitions`, { action });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  /** A letter drafted by the officer, approved by the holder and sent: what happens after sending starts here. */
  const sentLetter = async (o: Record<string, unknown> = {}) => {
    const c = await createVia<Communication>(officer, "communications", build.communication(mandateId, o));
    await move(officer, c.id, "submit");
    await move(holder, c.id, "approve");
    return move(officer, c.id, "send");
  };
  const publicReferences = async () => {
    const res = await fetch(`${world.base}/api/v1/public/communications`);
    const body = (await res.json()) as { items: { reference: string }[] };
    return body.items.map((i) => i.reference);
  };

  it("the mandate holder drafts an urgent appeal, submits, approves and sends it: it gets its reference, also in the Word letter", async () => {
    const page = await signInPage(world, "holder@demo.test");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Communications", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Communications" }).waitFor();
    await page.getByRole("link", { name: "New communication" }).click();
    await page.getByLabel("Kind *").selectOption("UA");
    await page.getByLabel("Subject *").fill("Imminent forced return of two women held in Tumen");
    await page.getByLabel("Addressee *").selectOption("state");
    await page.getByLabel("Addressee country").fill("CHN");
    await page.getByLabel("Language of the letter *").selectOption("en");
    await page
      .getByLabel("Text of the letter")
      .fill(
        "Excellency,\n\nI have the honour to address you.\n\nPlease accept the assurances of my highest consideration.",
      );
    await expect(page.getByLabel("Reference").count()).resolves.toBe(0);
    await expectAccessible(page, "communication-new-en");
    await page.getByRole("button", { name: "Create" }).click();

    await page
      .getByRole("heading", { level: 1, name: "Imminent forced return of two women held in Tumen" })
      .waitFor();
    const steps = page.getByRole("list", { name: "Steps of the letter" });
    await poll(() => steps.locator('[aria-current="step"]').textContent()).toBe("Draft");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await poll(() => steps.locator('[aria-current="step"]').textContent()).toBe("In review");
    await page.getByRole("button", { name: "Approve" }).click();
    await poll(() => steps.locator('[aria-current="step"]').textContent()).toBe("Approved");
    await page.getByRole("button", { name: "Send (assigns the reference)" }).click();
    // Sending cannot be undone: it asks first, and the confirmation has the focus.
    const confirm = page.getByRole("button", { name: "Yes, send it" });
    await poll(() => confirm.evaluate((b) => b === document.activeElement)).toBe(true);
    await expectAccessible(page, "communication-confirm-send-en");
    await confirm.click();
    await poll(() => letterStatus(page).textContent()).toBe("Sent");
    const reference = (await page.locator(".communication-panel dd.reference").textContent()) ?? "";
    expect(reference).toMatch(/^UA CHN \d+\/\d{4}$/);
    await expectAccessible(page, "communication-sent-en");

    const xml = await letterXml(page);
    expect(xml).toContain(reference);

    const url = page.url();
    const ko = await signInPage(world, "holder@demo.test", "ko");
    await ko.goto(url);
    await poll(() => ko.locator(".communication-panel dd.reference").textContent()).toBe(reference);
    await expect(letterStatus(ko).textContent()).resolves.toBe("발송됨");
    await ko.getByRole("link", { name: "서한 다운로드(Word)" }).waitFor();
    await expectAccessible(ko, "communication-sent-ko");
    await ko.context().close();
    await page.context().close();
  });

  it("an officer records the state's reply from the letter's page: the letter shows it was replied, in Korean too", async () => {
    const c = await sentLetter();
    const page = await signInPage(world, "officer@demo.test");
    await page.goto(`${world.base}/app/communications/${c.id}`);
    await poll(() => letterStatus(page).textContent()).toBe("Sent");
    await page.getByRole("link", { name: "Record a reply" }).click();
    await page.getByRole("heading", { level: 1, name: "New reply" }).waitFor();
    await poll(() => page.getByLabel("Communication *").inputValue()).toBe(c.id);
    await page.getByLabel("Received on *").fill(today());
    await page.getByLabel("Summary").fill("The state denies that the women are detained.");
    await expectAccessible(page, "communication-reply-new-en");
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/communication-replies\/(?!new$)[^/]+$/);
    await page.goto(`${world.base}/app/communications/${c.id}`);
    await poll(() => letterStatus(page).textContent()).toBe("Replied");
    const replies = page.getByRole("region", { name: "The letter's progress" });
    await replies.getByText("The state denies that the women are detained.").waitFor();
    await expectAccessible(page, "communication-replied-en");

    const ko = await signInPage(world, "officer@demo.test", "ko");
    await ko.goto(`${world.base}/app/communications/${c.id}`);
    await poll(() => letterStatus(ko).textContent()).toBe("답변 받음");
    await expect(
      ko.getByRole("list", { name: "서한 처리 단계" }).locator('[aria-current="step"]').textContent(),
    ).resolves.toBe("답변 받음");
    await expectAccessible(ko, "communication-replied-ko");
    await ko.context().close();
    await page.context().close();
  });

  it("the embargo lifts on its publication day: set to today, the letter becomes public when the scheduler runs", async () => {
    const c = await sentLetter();
    const reference = String(c.reference);
    const page = await signInPage(world, "officer@demo.test");
    await page.goto(`${world.base}/app/communications/${c.id}`);
    await poll(() => letterStatus(page).textContent()).toBe("Sent");
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Publication date").fill(today());
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    expect(await publicReferences()).not.toContain(reference);

    const scheduler = startScheduler(world.deps);
    try {
      await scheduler.runDue();
    } finally {
      await scheduler.stop();
    }
    await page.reload();
    await poll(() => letterStatus(page).textContent()).toBe("Published");
    expect(await publicReferences()).toContain(reference);
    await expectAccessible(page, "communication-published-en");

    const ko = await signInPage(world, "officer@demo.test", "ko");
    await ko.goto(`${world.base}/app/communications/${c.id}`);
    await poll(() => letterStatus(ko).textContent()).toBe("공개됨");
    await expectAccessible(ko, "communication-published-ko");
    await ko.context().close();
    await page.context().close();
  });

  it("an analyst reads a letter linked to a strictly confidential source without learning anything of the source", async () => {
    const secretTitle = "CANARY-STRICT-SOURCE telephone call with the sister";
    const secret = await createVia(
      officer,
      "sources",
      build.source(mandateId, { title: secretTitle, confidentiality: "strictly_confidential" }),
    );
    const victim = await createVia<{ id: string; code: string }>(officer, "persons", build.person(mandateId));
    const c = await createVia<Communication>(
      officer,
      "communications",
      build.communication(mandateId, { subject: "Detention of a woman returned from Tumen" }),
    );
    for (const [targetType, targetId] of [
      ["source", secret.id],
      ["person", victim.id],
    ])
      await createVia(officer, "communication-links", {
        mandateId,
        communicationId: c.id,
        targetType,
        targetId,
      });

    // The officer, who may read the source, sees it linked: the page would show a leak.
    const own = await signInPage(world, "officer@demo.test");
    await own.goto(`${world.base}/app/communications/${c.id}`);
    await own.getByText(secretTitle).waitFor();
    await own.context().close();

    const page = await signInPage(world, "analyst@demo.test");
    await page.goto(`${world.base}/app/communications/${c.id}`);
    await page.getByRole("heading", { level: 1, name: "Detention of a woman returned from Tumen" }).waitFor();
    const links = page.getByRole("region", { name: /^Communication links/ });
    await links.getByText(victim.code).waitFor();
    await expect(links.getByRole("listitem").count()).resolves.toBe(1);
    expect(await page.content()).not.toContain("CANARY-STRICT-SOURCE");
    expect(await page.content()).not.toContain(secret.id);
    const xml = await letterXml(page);
    expect(xml).toContain(victim.code);
    expect(xml).not.toContain("CANARY-STRICT-SOURCE");
    await expectAccessible(page, "communication-analyst-en");

    const ko = await signInPage(world, "analyst@demo.test", "ko");
    await ko.goto(`${world.base}/app/communications/${c.id}`);
    await ko
      .getByRole("region", { name: /^서한 연결/ })
      .getByText(victim.code)
      .waitFor();
    expect(await ko.content()).not.toContain("CANARY-STRICT-SOURCE");
    await expectAccessible(ko, "communication-analyst-ko");
    await ko.context().close();
    await page.context().close();
  });

  it("when the reply is due today, the scheduler e-mails a reminder naming the letter's reference", async () => {
    const c = await sentLetter({ confidentiality: "confidential" });
    const reference = String(c.reference);
    const page = await signInPage(world, "officer@demo.test");
    await page.goto(`${world.base}/app/communications/${c.id}`);
    await poll(() => letterStatus(page).textContent()).toBe("Sent");
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Reply deadline").fill(today());
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    await page.context().close();

    const scheduler = startScheduler(world.deps);
    try {
      // The reminder queues its e-mails; the next round sends them.
      await poll(async () => {
        await scheduler.runDue();
        return smtp.received.some((m) => m.text.includes(reference));
      }, 20_000).toBe(true);
    } finally {
      await scheduler.stop();
    }
    const mail = smtp.received.find((m) => m.text.includes(reference));
    // The subject of a confidential letter stays inside the system.
    expect(mail?.text).not.toContain(build.communication(mandateId).subject.slice(0, 30));
  });

  it("a case shows its status timeline, newest first, with the source that tells each step", async () => {
    const source = await createVia<{ id: string; title: string }>(
      officer,
      "sources",
      build.source(mandateId, { title: "Interview with the brother of the detained woman" }),
    );
    const kase = await createVia<{ id: string }>(officer, "cases", {
      mandateId,
      title: "Woman detained in Tumen after crossing the river",
      caseKind: "individual",
      priority: "urgent",
    });
    await createVia(officer, "case-status-changes", {
      mandateId,
      caseId: kase.id,
      status: "detained",
      statusOn: "2017-03-02",
      sourceId: source.id,
    });
    const page = await signInPage(world, "officer@demo.test");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Cases", exact: true })
      .click();
    await page.getByRole("link", { name: "Woman detained in Tumen after crossing the river" }).click();
    const timeline = page.getByRole("region", { name: "Status timeline" });
    await timeline.getByRole("link", { name: "Interview with the brother of the detained woman" }).waitFor();
    await timeline.getByRole("link", { name: "Add status change" }).click();
    await page.getByRole("heading", { level: 1, name: "New status change" }).waitFor();
    await page.getByLabel("Status *").selectOption("repatriated");
    await page.getByLabel("Status since *").fill("2017-04-20");
    await expectAccessible(page, "case-status-new-en");
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/case-status-changes\/(?!new$)[^/]+$/);
    await page.getByRole("link", { name: "Woman detained in Tumen after crossing the river" }).click();
    await poll(() =>
      page.getByRole("region", { name: "Status timeline" }).locator("li a:first-of-type").allTextContents(),
    ).toEqual(["Repatriated", "Detained"]);
    await expectAccessible(page, "case-timeline-en");

    const ko = await signInPage(world, "officer@demo.test", "ko");
    await ko.goto(page.url());
    await poll(() =>
      ko.getByRole("region", { name: "상태 기록" }).locator("li a:first-of-type").allTextContents(),
    ).toEqual(["강제송환", "구금"]);
    await expectAccessible(ko, "case-timeline-ko");
    await ko.context().close();
    await page.context().close();
  });
});
