import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailingKeys, signToken } from "../../src/server/modules/mailing/mailing-tokens.js";
import { type Scheduler, startScheduler } from "../../src/server/platform/jobs/jobs.usecases.js";
import { findInDatabase } from "../support/db-scan.js";
import { build, createVia } from "../support/factories.js";
import { publishedRelease } from "../support/publishing.js";
import { headerOf, type ReceivedMail, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

const publicUrl = "https://portal.example.org";
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Mailing {
  id: string;
  status: string;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
}
interface Delivery {
  id: string;
  status: string;
  language: string;
  attempts: number;
  recipient: string | null;
  recipientLeft: boolean;
}

/** The opening tag of the form that posts to `action`, if the page has one. */
const formTo = (html: string, action: string) =>
  [...html.matchAll(/<form\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`action="${action}"`));

/** The first link of the portal in a message's text. */
const linkIn = (mail: ReceivedMail | undefined, path: string) => {
  const found = mail?.text.match(new RegExp(`${publicUrl}${path}\\S*`));
  if (!found) throw new Error(`no ${path} link in ${mail?.text}`);
  return found[0].slice(publicUrl.length);
};

describe.each(dialects)("the public mailing list on %s", (dialect) => {
  let world: World;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    world = await createWorld(dialect);
    // The settings of this file: mail to the SMTP sink, small batches without a pause, links under the portal.
    Object.assign(world.deps.config, {
      smtpUrl: sink.url,
      publicUrl,
      mailingBatchSize: 2,
      mailingPauseMs: 0,
    });
  });
  afterAll(async () => {
    await world?.close();
    await sink?.close();
  });

  const db = () => world.deps.db;

  /** A form post as a browser sends it (no cookie, urlencoded). */
  const post = (
    url: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return world.app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      payload: body.toString(),
    });
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    world.app.inject({ method: "GET", url, headers });

  let ipSeq = 0;
  /** Each sign-up comes from its own client address, so the per-client limit stays out of the way. */
  const signUp = (
    email: string,
    o: { lang?: "en" | "ko"; language?: string; topics?: string[]; homepage?: string; ip?: string } = {},
  ) =>
    post(
      `/${o.lang ?? "en"}/subscribe`,
      {
        email,
        language: o.language ?? o.lang ?? "en",
        topics: o.topics ?? ["press_releases"],
        homepage: o.homepage ?? "",
      },
      { "x-forwarded-for": o.ip ?? `198.51.100.${++ipSeq}` },
    );

  /** Runs every job due now, `rounds` times (each batch of a mailing schedules the next). */
  async function runJobs(rounds = 1) {
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    for (let i = 0; i < rounds; i++) await scheduler.runDue();
    await scheduler.stop();
  }

  async function runMailing(id: string) {
    for (let i = 0; i < 30; i++) {
      const m = await db()
        .selectFrom("mailings")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      if (m.status !== "sending") return;
      await runJobs();
    }
    throw new Error("the mailing did not finish");
  }

  const mailsTo = (email: string) => sink.received.filter((m) => m.to === email);
  const subscriberCount = async () =>
    Number(
      (
        await db()
          .selectFrom("subscribers")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Signs up and confirms through the link of the confirmation e-mail, as a reader would. */
  async function confirmedReader(email: string, o: { language?: "en" | "ko"; topics?: string[] } = {}) {
    const lang = o.language ?? "en";
    expect((await signUp(email, { lang, topics: o.topics })).statusCode).toBe(303);
    await runJobs();
    const mail = mailsTo(email).at(-1);
    const link = linkIn(mail, `/${lang}/subscribe/confirm`);
    const token = new URL(link, publicUrl).searchParams.get("token") ?? "";
    expect((await post(`/${lang}/subscribe/confirm`, { token })).statusCode).toBe(200);
  }

  /** A press release published through the API, in both languages unless `o` says otherwise; returns its id. */
  const newRelease = async (o: Record<string, unknown> = {}) =>
    (
      await publishedRelease(world, {
        bodyEn: "GENEVA — The Special Rapporteur **urged** a halt.\n\n<script>alert(1)</script>",
        bodyKo: "제네바 — 특별보고관은 강제송환 **중단**을 촉구했다.",
        ...o,
      })
    ).id;

  async function sendRelease(releaseId: string, body: Record<string, unknown> = {}) {
    const officer = await world.as("officer");
    const res = await officer.post<Mailing>(`/api/v1/press-releases/${releaseId}/mailings`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it("signing up sends only the confirmation e-mail; its link opens a page whose button confirms", async () => {
    const page = await get("/en/subscribe");
    expect(page.statusCode).toBe(200);
    expect(formTo(page.body, "/en/subscribe")).toContain('method="post"');
    // The trap: hidden from sight, out of the tab order, never autofilled, and labelled for screen-reader users.
    const trap = page.body.match(/<input\b[^>]*name="homepage"[^>]*>/)?.[0] ?? "";
    expect(trap.toLowerCase()).toContain('autocomplete="off"');
    expect(trap).toContain('tabindex="-1"');
    expect(page.body).toContain('<label for="homepage">Leave this field empty');

    const before = sink.received.length;
    const res = await signUp("Reader.One@example.org", { lang: "ko", topics: ["press_releases", "reports"] });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/ko/subscribe/sent");
    expect((await get("/ko/subscribe/sent")).body).toContain("받은 편지함을 확인하십시오");

    // A release mailed before the address is confirmed does not reach it.
    const early = await sendRelease(await newRelease());
    expect(early).toMatchObject({ total: 0, status: "done" });
    await runJobs(3);
    const mails = sink.received.slice(before);
    expect(mails).toHaveLength(1);
    const [confirmation] = mails;
    expect(confirmation?.to).toBe("Reader.One@example.org");
    expect(confirmation?.subject).toContain("구독을 확인해 주십시오");
    expect(confirmation?.text).toContain("보도자료, 보고서");

    const link = linkIn(confirmation, "/ko/subscribe/confirm");
    // Opening the link (as a mail scanner would) confirms nothing.
    const open = await get(link);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain("구독 확인");
    expect(formTo(open.body, "/ko/subscribe/confirm")).toContain('method="post"');
    expect(open.headers["x-robots-tag"]).toContain("noindex");
    expect(open.headers["referrer-policy"]).toBe("no-referrer");
    const row = () => db().selectFrom("subscribers").selectAll().executeTakeFirstOrThrow();
    expect((await row()).status).toBe("pending");

    const token = new URL(link, publicUrl).searchParams.get("token") ?? "";
    const confirmed = await post("/ko/subscribe/confirm", { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain("구독되었습니다");
    expect(confirmed.body).toContain("/ko/subscription?token=");
    expect(await row()).toMatchObject({ status: "confirmed", confirm_by: null, language: "ko" });
    // No welcome message or anything else followed.
    await runJobs();
    expect(sink.received.slice(before)).toHaveLength(1);
  });

  it("a published release goes out in batches: each reader's language, both parts, one-click unsubscribe headers, a stable Message-ID", async () => {
    await confirmedReader("anna@example.org", { language: "en" });
    await confirmedReader("bora@example.org", { language: "ko" });
    await confirmedReader("chris@example.org", { language: "en", topics: ["reports"] });
    const releaseId = await newRelease();
    const title = await db()
      .selectFrom("press_releases")
      .select(["title_en", "title_ko"])
      .where("id", "=", releaseId)
      .executeTakeFirstOrThrow();
    const before = sink.received.length;
    const mailing = await sendRelease(releaseId);
    // Reader One (ko), Anna and Bora asked for press releases; Chris only for reports.
    expect(mailing).toMatchObject({ total: 3, sent: 0, pending: 3, status: "sending" });

    const holder = await world.as("mandate_holder");
    await runJobs();
    const afterOne = await holder.get<Mailing>(`/api/v1/mailings/${mailing.id}`);
    expect(afterOne.body).toMatchObject({ total: 3, sent: 2, pending: 1, failed: 0 });
    await runMailing(mailing.id);
    const done = await holder.get<Mailing>(`/api/v1/mailings/${mailing.id}`);
    expect(done.body).toMatchObject({ status: "done", total: 3, sent: 3, pending: 0, failed: 0 });

    const mails = sink.received.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([
      "Reader.One@example.org",
      "anna@example.org",
      "bora@example.org",
    ]);
    const deliveries = await db()
      .selectFrom("mailing_deliveries")
      .selectAll()
      .where("mailing_id", "=", mailing.id)
      .execute();
    expect(deliveries.map((d) => `<${d.id}@rapporteur.local>`).sort()).toEqual(
      mails.map((m) => m.messageId).sort(),
    );
    for (const mail of mails) {
      const parsed = await simpleParser(mail.raw);
      const ko = mail.to !== "anna@example.org";
      expect(mail.subject).toBe(ko ? title.title_ko : title.title_en);
      expect(parsed.html).toContain(ko ? "<strong>중단</strong>" : "<strong>urged</strong>");
      expect(parsed.html).not.toContain("<script");
      expect(parsed.text).toContain(ko ? "강제송환 중단" : "urged a halt");
      const unsubscribe = headerOf(mail.raw, "List-Unsubscribe");
      expect(unsubscribe).toMatch(new RegExp(`^<${publicUrl}/unsubscribe\\?token=m\\.[^>]+>$`));
      expect(headerOf(mail.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      expect(parsed.text).toContain(`${publicUrl}/${ko ? "ko" : "en"}/subscription?token=`);
      expect(parsed.html).toContain(`${publicUrl}/${ko ? "ko" : "en"}/press-releases/`);
    }

    // The log names recipients to those who send; an analyst sees statuses only.
    const officerLog = await (await world.as("officer")).get<{ items: Delivery[]; recipientsShown: boolean }>(
      `/api/v1/mailings/${mailing.id}/deliveries`,
    );
    expect(officerLog.body.recipientsShown).toBe(true);
    expect(officerLog.body.items.map((d) => d.recipient).sort()).toEqual([
      "Reader.One@example.org",
      "anna@example.org",
      "bora@example.org",
    ]);
    const analystLog = await (await world.as("analyst")).get<{ items: Delivery[]; recipientsShown: boolean }>(
      `/api/v1/mailings/${mailing.id}/deliveries?limit=2`,
    );
    expect(analystLog.status).toBe(200);
    expect(analystLog.body.recipientsShown).toBe(false);
    expect(analystLog.body.items).toHaveLength(2);
    expect(analystLog.body.items.every((d) => d.recipient === null && d.status === "sent")).toBe(true);
    expect(JSON.stringify(analystLog.body)).not.toContain("@");
    const list = await holder.get<{ items: Mailing[] }>(`/api/v1/mailings?pressReleaseId=${releaseId}`);
    expect(list.body.items.map((m) => m.id)).toEqual([mailing.id]);
    const outsider = await world.as("outsider");
    expect((await outsider.get(`/api/v1/mailings/${mailing.id}`)).status).toBe(404);
    expect(
      (await outsider.get<{ items: Mailing[] }>(`/api/v1/mailings?pressReleaseId=${releaseId}`)).body.items,
    ).toEqual([]);
  });

  it("sending is for a published release, by the holder or an officer, once unless asked again", async () => {
    const officer = await world.as("officer");
    const releaseId = await newRelease({ titleKo: null, summaryKo: null, bodyKo: null });
    const first = await sendRelease(releaseId);
    const again = await officer.post(
      `/api/v1/press-releases/${releaseId}/mailings`,
      {},
      { "accept-language": "ko" },
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "mailings.already_sent" } });
    const analyst = await world.as("analyst");
    expect((await analyst.post(`/api/v1/press-releases/${releaseId}/mailings`, { again: true })).status).toBe(
      403,
    );
    const draft = await createVia(officer, "press-releases", build.pressRelease(world.mandateId));
    expect((await officer.post(`/api/v1/press-releases/${draft.id}/mailings`, {})).body).toMatchObject({
      error: { code: "mailings.not_published" },
    });
    const outsider = await world.as("outsider");
    expect(
      (await outsider.post(`/api/v1/press-releases/${releaseId}/mailings`, { again: true })).status,
    ).toBe(404);

    // A release in English only reaches Korean readers in English.
    await runMailing(first.id);
    const second = await sendRelease(releaseId, { again: true });
    expect(second.id).not.toBe(first.id);
    await runMailing(second.id);
    const langs = await db()
      .selectFrom("mailing_deliveries")
      .select("language")
      .where("mailing_id", "=", second.id)
      .execute();
    expect(langs.length).toBeGreaterThan(0);
    expect(langs.every((d) => d.language === "en")).toBe(true);
  });

  it("one-click unsubscribe (a POST to the List-Unsubscribe link, no login, no cookie) takes effect at once; the next mailing skips them", async () => {
    const releaseId = await newRelease();
    const before = sink.received.length;
    const mailing = await sendRelease(releaseId);
    await runMailing(mailing.id);
    const toBora = sink.received.slice(before).find((m) => m.to === "bora@example.org");
    const url = headerOf(toBora?.raw ?? "", "List-Unsubscribe")?.slice(1, -1) ?? "";
    const path = url.slice(publicUrl.length);

    // The link's page only offers a button.
    const page = await get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("구독 해지");
    expect(formTo(page.body, path)).toContain('method="post"');
    expect(await subscriberCount()).toBe(4);

    const oneClick = await post(path, { "List-Unsubscribe": "One-Click" });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.headers["set-cookie"]).toBeUndefined();
    expect(oneClick.body).toContain("구독이 해지되었습니다");
    expect(await subscriberCount()).toBe(3);
    // Again, or as multipart: still a plain 200.
    const multipart = await world.app.inject({
      method: "POST",
      url: path,
      headers: { "content-type": "multipart/form-data; boundary=zz" },
      payload:
        '--zz\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--zz--\r\n',
    });
    expect(multipart.statusCode).toBe(200);

    const next = await sendRelease(await newRelease());
    expect(next.total).toBe(2);
    const mark = sink.received.length;
    await runMailing(next.id);
    expect(sink.received.slice(mark).map((m) => m.to)).not.toContain("bora@example.org");
    // The earlier mailing's log keeps Bora's line, without the link to her.
    const log = await db()
      .selectFrom("mailing_deliveries")
      .select(["subscriber_id"])
      .where("mailing_id", "=", mailing.id)
      .execute();
    expect(log.filter((d) => d.subscriber_id === null)).toHaveLength(1);
  });

  it("the preferences link changes language and topics without a login, and never shows the address", async () => {
    const releaseId = await newRelease();
    const before = sink.received.length;
    await runMailing((await sendRelease(releaseId)).id);
    const toAnna = sink.received.slice(before).find((m) => m.to === "anna@example.org");
    const link = linkIn(toAnna, "/en/subscription");
    const page = await get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Your subscription");
    expect(page.body).not.toContain("anna@");
    const token = new URL(link, publicUrl).searchParams.get("token") ?? "";

    const none = await post("/en/subscription", { token, action: "save", language: "en" });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Choose at least one thing to receive.");

    const saved = await post("/en/subscription", {
      token,
      action: "save",
      language: "ko",
      topics: ["reports"],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain("Your choices are saved.");
    const anna = await db()
      .selectFrom("subscribers")
      .selectAll()
      .where("language", "=", "ko")
      .where("topic_press_releases", "=", 0)
      .executeTakeFirstOrThrow();
    expect(anna).toMatchObject({ topic_reports: 1 });
    const next = await sendRelease(await newRelease());
    const mark = sink.received.length;
    await runMailing(next.id);
    expect(sink.received.slice(mark).map((m) => m.to)).not.toContain("anna@example.org");

    const gone = await post("/en/subscription", { token, action: "unsubscribe" });
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain("You are unsubscribed");
    expect((await get(link)).body).toContain("Not subscribed");
  });

  it("a sign-up caught by the trap field is answered like any other and leaves nothing behind", async () => {
    const count = await subscriberCount();
    const jobs = await db().selectFrom("jobs").select("id").execute();
    const res = await signUp("bot@example.org", { homepage: "http://spam.example" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/en/subscribe/sent");
    expect(await subscriberCount()).toBe(count);
    expect(await db().selectFrom("jobs").select("id").execute()).toHaveLength(jobs.length);
  });

  it("field problems come back next to their fields, in the page's language, with what was typed", async () => {
    const res = await signUp("not-an-address", { lang: "ko", topics: [] });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="ko">');
    expect(res.body).toContain("입력한 내용에 문제가 있습니다");
    expect(res.body).toMatch(/id="email-error"[^>]*>.*name@example\.org 형식의 이메일 주소를 입력하십시오/);
    expect(res.body).toContain('aria-invalid="true" aria-describedby="email-error"');
    expect(res.body).toContain('value="not-an-address"');
    expect(res.body).toContain("받을 소식을 하나 이상 고르십시오");
    const empty = await signUp("", { lang: "en" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter your e-mail address.");
    // JSON is not a form.
    const json = await world.app.inject({
      method: "POST",
      url: "/en/subscribe",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "json@example.org" }),
    });
    expect(json.statusCode).toBe(415);
  });

  it("sign-ups are limited per client (429, nothing stored) and per address (the same answer, nothing sent)", async () => {
    world.deps.config.subscribePerIpPerHour = 3;
    try {
      const ip = "203.0.113.77";
      for (let i = 1; i <= 3; i++)
        expect((await signUp(`many${i}@example.org`, { ip })).statusCode).toBe(303);
      const count = await subscriberCount();
      const over = await signUp("many4@example.org", { ip });
      expect(over.statusCode).toBe(429);
      expect(over.headers["retry-after"]).toBeDefined();
      expect(over.body).toContain("Too many requests");
      expect(await subscriberCount()).toBe(count);
    } finally {
      world.deps.config.subscribePerIpPerHour = 20;
    }
    const before = sink.received.length;
    for (let i = 0; i < 5; i++) expect((await signUp("insistent@example.org")).statusCode).toBe(303);
    await runJobs();
    // Three a day (the default), then silence.
    expect(sink.received.slice(before).filter((m) => m.to === "insistent@example.org")).toHaveLength(3);
  });

  it("a tampered, expired or misused link is refused plainly and changes nothing", async () => {
    await signUp("late@example.org");
    await runJobs();
    const link = linkIn(mailsTo("late@example.org").at(-1), "/en/subscribe/confirm");
    const token = new URL(link, publicUrl).searchParams.get("token") ?? "";
    const tampered = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`;
    const bad = await post("/en/subscribe/confirm", { token: tampered });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("This link does not work");
    const id = token.split(".")[1] ?? "";
    const expired = signToken(mailingKeys(world.deps.masterKey), "confirm", id, new Date(Date.now() - 1000));
    const old = await get(`/en/subscribe/confirm?token=${expired}`);
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain("This link has expired");
    expect((await post("/en/subscribe/confirm", { token: expired })).statusCode).toBe(410);
    // A confirmation link is not an unsubscribe or preferences link.
    expect((await post(`/unsubscribe?token=${token}`, { "List-Unsubscribe": "One-Click" })).statusCode).toBe(
      400,
    );
    expect((await get(`/en/subscription?token=${token}`)).statusCode).toBe(400);
    expect((await get("/en/subscribe/confirm?token=nonsense")).statusCode).toBe(400);
    const row = await db()
      .selectFrom("subscribers")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
  });

  it("an address not confirmed within 7 days is deleted by the daily purge; confirmed ones stay", async () => {
    await signUp("forgetful@example.org");
    const purge = await db()
      .selectFrom("jobs")
      .selectAll()
      .where("key", "=", "mailing:purge")
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow();
    expect(Date.parse(purge.run_at)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const confirmed = await db()
      .selectFrom("subscribers")
      .select("id")
      .where("status", "=", "confirmed")
      .execute();
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await db()
      .updateTable("subscribers")
      .set({ created_at: eightDaysAgo, confirm_by: new Date(Date.now() - 86_400_000).toISOString() })
      .where("status", "=", "pending")
      .execute();
    await db().updateTable("jobs").set({ run_at: eightDaysAgo }).where("id", "=", purge.id).execute();
    await runJobs();
    expect(
      await db().selectFrom("subscribers").select("id").where("status", "=", "pending").execute(),
    ).toEqual([]);
    expect(
      await db().selectFrom("subscribers").select("id").where("status", "=", "confirmed").execute(),
    ).toEqual(confirmed);
    // Nobody waits any more: the purge does not come back until someone signs up.
    const again = await db()
      .selectFrom("jobs")
      .select("id")
      .where("key", "=", "mailing:purge")
      .where("status", "=", "pending")
      .execute();
    expect(again).toEqual([]);
  });

  it("a mailing interrupted mid-send resumes: every reader gets it once, the one in flight twice with the same Message-ID", async () => {
    for (const name of ["dan", "eve", "fay"]) await confirmedReader(`${name}@example.org`);
    // A sink of its own, which holds its reply to one message: the server that sent it "dies" meanwhile.
    let hold: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      hold = resolve;
    });
    let seen = 0;
    let arrived: (m: ReceivedMail) => void = () => {};
    const inFlight = new Promise<ReceivedMail>((resolve) => {
      arrived = resolve;
    });
    const crashSink = await startSmtpSink({
      beforeAccept: async (mail) => {
        if (++seen !== 3) return;
        arrived(mail);
        await held;
      },
    });
    const smtpUrl = world.deps.config.smtpUrl;
    world.deps.config.smtpUrl = crashSink.url;
    let first: Scheduler | undefined;
    let second: Scheduler | undefined;
    try {
      const mailing = await sendRelease(await newRelease());
      expect(mailing.total).toBe(4);
      first = startScheduler(world.deps, { pollMs: 60_000 });
      await first.runDue();
      expect(crashSink.received).toHaveLength(2);
      const running = first.runDue();
      const victim = await inFlight;
      const sending = await db()
        .selectFrom("mailing_deliveries")
        .selectAll()
        .where("mailing_id", "=", mailing.id)
        .where("status", "=", "sending")
        .execute();
      expect(sending).toHaveLength(1);
      expect(victim.messageId).toBe(`<${sending[0]?.id}@rapporteur.local>`);
      // The first server is gone: its job's lease and its claim on the delivery run out.
      const longAgo = new Date(Date.now() - 3600_000).toISOString();
      await db()
        .updateTable("jobs")
        .set({ lease_until: longAgo })
        .where("kind", "=", "mailing.batch")
        .where("status", "=", "running")
        .execute();
      await db()
        .updateTable("mailing_deliveries")
        .set({ claimed_at: longAgo })
        .where("id", "=", sending[0]?.id ?? "")
        .execute();

      second = startScheduler(world.deps, { pollMs: 60_000 });
      for (let i = 0; i < 10; i++) {
        await second.runDue();
        const m = await db()
          .selectFrom("mailings")
          .select("status")
          .where("id", "=", mailing.id)
          .executeTakeFirstOrThrow();
        if (m.status === "done") break;
      }
      hold();
      await running;
      await sleep(50);

      const ids = crashSink.received.map((m) => m.messageId);
      const deliveries = await db()
        .selectFrom("mailing_deliveries")
        .selectAll()
        .where("mailing_id", "=", mailing.id)
        .orderBy("id")
        .execute();
      expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent", "sent", "sent"]);
      const counts = deliveries.map((d) => ids.filter((id) => id === `<${d.id}@rapporteur.local>`).length);
      expect(counts.sort()).toEqual([1, 1, 1, 2]);
      expect(deliveries.find((d) => d.id === sending[0]?.id)?.attempts).toBe(2);
      const twice = crashSink.received.filter((m) => m.messageId === victim.messageId);
      expect(twice.map((m) => headerOf(m.raw, "Date"))).toEqual([
        headerOf(victim.raw, "Date"),
        headerOf(victim.raw, "Date"),
      ]);
    } finally {
      hold();
      await first?.stop();
      await second?.stop();
      world.deps.config.smtpUrl = smtpUrl;
      await crashSink.close();
    }
  });

  it("staff see the list's figures; holder and officers see addresses, export them (audited) and erase one on request", async () => {
    const q = `mandateId=${world.mandateId}`;
    const analyst = await world.as("analyst");
    const counts = await analyst.get<{
      counts: { confirmed: number; byLanguage: Record<string, number> };
      items: null;
    }>(`/api/v1/subscribers?${q}`);
    expect(counts.status).toBe(200);
    expect(counts.body.items).toBeNull();
    expect(counts.body.counts.confirmed).toBeGreaterThan(0);
    expect(JSON.stringify(counts.body)).not.toContain("@");
    expect((await analyst.get(`/api/v1/subscribers/export.csv?${q}`)).status).toBe(403);
    expect(
      (
        await analyst.post("/api/v1/subscribers/erase", {
          mandateId: world.mandateId,
          email: "dan@example.org",
        })
      ).status,
    ).toBe(403);
    expect((await (await world.as("outsider")).get(`/api/v1/subscribers?${q}`)).status).toBe(404);

    const officer = await world.as("officer");
    const list = await officer.get<{ items: { id: string; email: string; status: string }[] }>(
      `/api/v1/subscribers?${q}`,
    );
    expect(list.body.items.map((s) => s.email)).toContain("dan@example.org");
    const admin = await world.as("admin");
    const csv = await admin.get(`/api/v1/subscribers/export.csv?${q}`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.raw.body).toContain("dan@example.org");
    const exported = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("record_type", "=", "subscriber")
      .where("action", "=", "export")
      .execute();
    expect(exported).toHaveLength(1);

    const danId = list.body.items.find((s) => s.email === "dan@example.org")?.id ?? "";
    const danLines = () =>
      db().selectFrom("mailing_deliveries").select("id").where("subscriber_id", "=", danId).execute();
    expect(await danLines()).toHaveLength(1);
    const erased = await officer.post<{ erased: boolean }>("/api/v1/subscribers/erase", {
      mandateId: world.mandateId,
      email: "DAN@example.org",
    });
    expect(erased.body).toEqual({ erased: true });
    const after = await officer.get<{ items: { email: string }[] }>(`/api/v1/subscribers?${q}`);
    expect(after.body.items.map((s) => s.email)).not.toContain("dan@example.org");
    expect(await danLines()).toEqual([]);
    // The crash test's mailing still counts the line that went to Dan, without him.
    const orphans = await db()
      .selectFrom("mailing_deliveries")
      .select("id")
      .where("subscriber_id", "is", null)
      .execute();
    expect(orphans.length).toBeGreaterThan(0);
    const audit = await db().selectFrom("audit_log").selectAll().where("action", "=", "erase").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ record_type: "subscriber", actor_id: world.users.officer });
    expect(
      (
        await officer.post("/api/v1/subscribers/erase", {
          mandateId: world.mandateId,
          email: "dan@example.org",
        })
      ).body,
    ).toEqual({ erased: false });
  });

  it("no address is stored in clear anywhere in the database", async () => {
    const addresses = [
      "Reader.One@example.org",
      "reader.one@example.org",
      ...[
        "anna",
        "bora",
        "chris",
        "dan",
        "eve",
        "fay",
        "late",
        "forgetful",
        "insistent",
        "many1",
        "many4",
        "bot",
      ].map((name) => `${name}@example.org`),
    ];
    expect(await subscriberCount()).toBeGreaterThanOrEqual(4);
    expect(await findInDatabase(db(), world.deps.dialect, addresses)).toEqual([]);
  });
});
