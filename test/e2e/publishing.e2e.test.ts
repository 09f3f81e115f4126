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
import { headerOf, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

/** A link of a message, moved to this run's server (the test server listens on a port chosen at start). */
const linkIn = (text: string, path: string, base: string) => {
  const m = new RegExp(`https?://[^\\s>"]+${path.replace(/[/?]/g, "\\$&")}[^\\s>"]*`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text.slice(0, 500)}`);
  return `${base}${new URL(m[0]).pathname}${new URL(m[0]).search}`;
};

describeInBrowser("publishing to the public", () => {
  let world: BrowserWorld;
  let smtp: SmtpSink;
  let officer: ApiClient;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    world = await startBrowserWorld({ smtpUrl: smtp.url, mailingPauseMs: 0 });
    officer = await apiSignIn(world.app, "officer@demo.test", world.deps.config.demoPassword);
  });
  afterAll(async () => {
    await world?.close();
    await smtp?.close();
  });
  const runJobs = async () => {
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    await scheduler.runDue();
    await scheduler.stop();
  };

  it("a bilingual release published by the officer is on the portal and in both feeds; a visitor subscribes, confirms through the e-mail, receives the release and unsubscribes with one POST", async () => {
    const mandateId =
      (await officer.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id ?? "";
    const draft = await createVia<{ id: string; slug: string }>(
      officer,
      "press-releases",
      build.pressRelease(mandateId, {
        titleEn: "UN expert calls for news of abductees' families",
        titleKo: "유엔 특별보고관, 납북자 가족 소식 전달 촉구",
      }),
    );

    // The officer publishes it from its page.
    const staff = await signInPage(world, "officer@demo.test");
    await staff.goto(`${world.base}/app/press-releases/${draft.id}`);
    await staff.getByRole("button", { name: "Submit for review" }).click();
    await staff.getByRole("button", { name: "Publish now" }).click();
    await staff.getByRole("button", { name: "Yes, publish it" }).click();
    await poll(
      () => staff.locator(".press-release-lifecycle .press-release-status").textContent(),
      20_000,
    ).toBe("Published");

    // A visitor, without JavaScript, finds it on the portal in both languages and in both feeds.
    const visitor = await world.browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    const page = await visitor.newPage();
    await page.goto(`${world.base}/en/press-releases`);
    await page.getByRole("link", { name: "UN expert calls for news of abductees' families" }).click();
    await page
      .getByRole("heading", { level: 1, name: "UN expert calls for news of abductees' families" })
      .waitFor();
    await page.locator('header a[hreflang="ko"]').click();
    await page
      .getByRole("heading", { level: 1, name: "유엔 특별보고관, 납북자 가족 소식 전달 촉구" })
      .waitFor();
    for (const [feed, words] of [
      ["/en/press-releases/feed.rss", "news of abductees"],
      ["/ko/press-releases/feed.atom", "유엔 특별보고관, 납북자 가족 소식 전달 촉구"],
    ] as const) {
      const res = await page.request.get(`${world.base}${feed}`);
      expect(res.status()).toBe(200);
      expect(await res.text()).toContain(words);
    }

    // They subscribe with the portal's form, and confirm through the link of the e-mail.
    await page.goto(`${world.base}/en/subscribe`);
    await page.getByLabel("E-mail address").fill("reader@example.org");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your inbox" }).waitFor();
    // The server's scheduler sends queued mail; here it is run when the test needs it.
    await poll(async () => {
      await runJobs();
      return smtp.received.length;
    }, 20_000).toBe(1);
    const confirmation = smtp.received[0];
    expect(confirmation?.to).toContain("reader@example.org");
    await page.goto(linkIn(confirmation?.text ?? "", "/en/subscribe/confirm", world.base));
    await expectAccessibleWithScript(page.url(), "subscribe-confirm");
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("heading", { level: 1, name: "You are subscribed" }).waitFor();

    // The officer sends the release to subscribers; the scheduler sends the batches.
    await staff.reload();
    await staff.getByRole("button", { name: "Send to subscribers" }).click();
    await poll(async () => {
      await runJobs();
      return smtp.received.filter((m) => m.to.includes("reader@example.org")).length;
    }, 20_000).toBe(2);
    const release = smtp.received.at(-1);
    expect(release?.subject).toBe("UN expert calls for news of abductees' families");
    expect(headerOf(release?.raw ?? "", "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = headerOf(release?.raw ?? "", "List-Unsubscribe")?.slice(1, -1) ?? "";
    expect(unsubscribe).toContain("/unsubscribe?token=");

    // One POST, as a mail client sends it: no cookie, no page.
    const url = new URL(unsubscribe);
    const res = await fetch(`${world.base}${url.pathname}${url.search}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    const holder = await apiSignIn(world.app, "holder@demo.test", world.deps.config.demoPassword);
    const list = await holder.get<{ counts: { confirmed: number } }>(
      `/api/v1/subscribers?mandateId=${mandateId}`,
    );
    expect(list.body.counts.confirmed).toBe(0);
    await visitor.close();
    await staff.context().close();
  });

  /** The axe check needs scripts in the page: the same address is opened in a context that runs them. */
  async function expectAccessibleWithScript(url: string, name: string) {
    const context = await world.browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(page, name);
    await context.close();
  }
});
