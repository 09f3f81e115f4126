import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { tinyPng } from "../support/images.js";
import { pdfPageTexts } from "../support/pdf-text.js";
import { publishedLetter, publishedRelease, publishedReport, publishRelease } from "../support/publishing.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

/** Unique strings planted in everything that is not public and published: none may appear on the portal. */
const canary = (what: string) => `CANARY${what.toUpperCase()}QX`;
const planted: string[] = [];
const plant = (what: string) => {
  const c = canary(what);
  planted.push(c);
  return c;
};

/** The text a crawler (or a person) gets from a response: pages, feeds, Word files' XML, PDFs' text. */
async function readable(type: string, body: Buffer): Promise<string> {
  if (type.includes("wordprocessingml")) {
    const zip = await JSZip.loadAsync(body);
    const parts = await Promise.all(Object.values(zip.files).map((f) => (f.dir ? "" : f.async("string"))));
    return parts.join("\n");
  }
  if (type.includes("pdf")) return `${pdfPageTexts(body).join("\n")}\n${body.toString("latin1")}`;
  return body.toString("utf8");
}

describe.each(dialects)("the portal never shows what is not public (canary crawl) on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;
  /** The public address a draft's image would have, and the one a published release's image has. */
  let draftImage: string;
  let shownImage: string;

  /** A release with one image in its English text; the image's file name is planted, like its words in a draft. */
  async function illustratedRelease(o: Record<string, unknown>, file: string, alt: string) {
    const r = await createVia<{ id: string }>(
      officer,
      "press-releases",
      build.pressRelease(world.mandateId, o),
    );
    const res = await officer.request<{ id: string }>(
      "POST",
      `/api/v1/press-releases/${r.id}/images?filename=${file}.png`,
      tinyPng,
      { "content-type": "image/png" },
    );
    expect(res.status).toBe(201);
    const bodyEn = `GENEVA — The Special Rapporteur spoke.\n\n![${alt}](image:${res.body.id})`;
    expect((await officer.patch(`/api/v1/press-releases/${r.id}`, { bodyEn })).status).toBe(200);
    return { id: r.id, media: `/media/${res.body.id}` };
  }

  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
    const m = world.mandateId;

    // Testimony: a witness with identifying data, a source whose excerpt alone is quoted in a published report.
    const witness = await createVia(officer, "persons", build.person(m, { notes: plant("personnotes") }));
    const identity = await officer.put(`/api/v1/persons/${witness.id}/identity`, {
      legalName: plant("legalname"),
      aliases: [plant("alias")],
      contacts: [{ kind: "phone", value: plant("phone") }],
      address: plant("address"),
      idNumbers: [{ kind: "passport", number: plant("passport") }],
      notes: plant("identitynotes"),
    });
    expect(identity.status).toBe(200);
    const excerpt = "Guards beat the women who had been returned.";
    const source = await createVia<{ id: string }>(
      officer,
      "sources",
      build.source(m, {
        title: plant("sourcetitle"),
        confidentiality: "internal",
        summary: `${excerpt} ${plant("sourcesummaryrest")}`,
        transcript: plant("transcript"),
      }),
    );
    const event = await createVia<{ id: string }>(
      officer,
      "events",
      build.event(m, { description: plant("eventdescription") }),
    );
    await createVia(officer, "acts", build.act(m, event.id, { consequences: plant("actconsequences") }));
    await createVia(
      officer,
      "cases",
      build.case(m, { title: plant("casetitle"), summary: plant("casesummary") }),
    );

    // Reports: one published quoting the excerpt, one draft.
    await publishedReport(world, { symbol: "A/HRC/40/70", kind: "hrc", title: "Published report" }, [
      { kind: "paragraph", id: "p0", text: "Findings of the mandate.", footnotes: [] },
      {
        kind: "quotation",
        id: "q0",
        sourceId: source.id,
        field: "summary",
        start: 0,
        end: excerpt.length,
        attribution: "A woman interviewed in 2017",
        attributed: false,
        footnotes: [],
      },
    ]);
    await createVia(officer, "reports", build.report(m, { title: plant("draftreport"), symbol: "A/73/999" }));

    // Press releases: one published, one draft, one scheduled.
    await publishedRelease(world, { titleEn: "Published release" });
    await createVia(
      officer,
      "press-releases",
      build.pressRelease(m, { titleEn: plant("draftrelease"), bodyEn: plant("draftbody") }),
    );

    // Images: one in a published release (its page shows it), one in a draft (its address stays dark).
    const shown = await illustratedRelease({ titleEn: "Illustrated release" }, plant("shownfile"), "A map");
    await publishRelease(world, shown.id);
    shownImage = shown.media;
    const hidden = await illustratedRelease(
      { titleEn: plant("draftimagerelease") },
      plant("draftimagefile"),
      plant("draftimagealt"),
    );
    draftImage = hidden.media;

    // Communications: one published (with an internal summary and a linked person), one still under embargo.
    const letter = await publishedLetter(world, { summary: plant("internalsummary") });
    const linked = await createVia<{ id: string }>(
      officer,
      "persons",
      build.person(m, { code: plant("linkedcode") }),
    );
    await createVia(officer, "communication-links", {
      mandateId: m,
      communicationId: letter.id,
      targetType: "person",
      targetId: linked.id,
    });
    const holder = await world.as("mandate_holder");
    const embargoed = await createVia<{ id: string }>(
      officer,
      "communications",
      build.communication(m, {
        publicSummary: plant("embargoedsummary"),
        subject: plant("embargoedsubject"),
      }),
    );
    for (const [who, action] of [
      [officer, "submit"],
      [holder, "approve"],
      [officer, "send"],
    ] as const)
      expect((await who.post(`/api/v1/communications/${embargoed.id}/transitions`, { action })).status).toBe(
        200,
      );

    // Recommendations and visits: public ones with non-public details, and internal ones.
    const rec = await createVia<{ id: string }>(
      officer,
      "recommendations",
      build.recommendation(m, { confidentiality: "public" }),
    );
    await createVia(officer, "recommendation-follow-ups", {
      mandateId: m,
      recommendationId: rec.id,
      status: "not_implemented",
      assessedOn: "2020-01-01",
      evidence: plant("internalevidence"),
    });
    await createVia(
      officer,
      "recommendations",
      build.recommendation(m, { text: plant("internalrecommendation") }),
    );
    const request = await createVia<{ id: string }>(
      officer,
      "visit-requests",
      build.visitRequest(m, { country: "JPN", confidentiality: "public", notes: plant("requestnotes") }),
    );
    const visit = await createVia<{ id: string }>(
      officer,
      "visits",
      build.visit(m, {
        country: "JPN",
        visitRequestId: request.id,
        confidentiality: "public",
        title: "Visit to Japan",
      }),
    );
    // A subscriber of the mailing list (the list is never visible on the portal).
    const signUp = await world.app.inject({
      method: "POST",
      url: "/en/subscribe",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        email: `${plant("subscriber").toLowerCase()}@example.org`,
        language: "en",
        topics: "press_releases",
        homepage: "",
      }).toString(),
    });
    expect(signUp.statusCode).toBe(303);
    await createVia(officer, "meetings", {
      mandateId: m,
      visitId: visit.id,
      meetingOn: "2017-07-18",
      counterpartCategory: "government",
      counterpart: plant("meetingcounterpart"),
      participants: ["Director"],
      notes: plant("meetingnotes"),
    });
  }, 180_000);
  afterAll(async () => world?.close());

  it("crawls every page, feed, sitemap entry and download, and finds no canary", async () => {
    const seen = new Set<string>();
    const queue = ["/", "/en/", "/ko/", "/sitemap.xml", "/robots.txt"];
    const kinds = new Set<string>();
    const leaks: string[] = [];
    while (queue.length) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await world.app.inject({ method: "GET", url });
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        queue.push(String(res.headers.location));
        continue;
      }
      expect(res.statusCode, url).toBe(200);
      const type = String(res.headers["content-type"] ?? "");
      kinds.add(type.split(";")[0] ?? "");
      const text = await readable(type, res.rawPayload);
      for (const c of planted) if (text.toLowerCase().includes(c.toLowerCase())) leaks.push(`${c} in ${url}`);
      if (!/html|xml|text\/plain/.test(type)) continue;
      const links = [
        ...text.matchAll(/href="([^"#]+)"/g),
        ...text.matchAll(/src="([^"#]+)"/g),
        ...text.matchAll(/<loc>([^<]+)<\/loc>/g),
        ...text.matchAll(/<link>([^<]+)<\/link>/g),
        ...text.matchAll(/Sitemap: (\S+)/g),
      ].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
      for (const link of links) {
        const path = link.replace(/^https?:\/\/[^/]+/, "");
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/app/")) continue;
        if (!seen.has(path)) queue.push(path);
      }
      // The filter forms, as a visitor submits them.
      if (url === "/en/communications")
        queue.push("/en/communications?type=UA", "/en/communications?addressee=CHN");
      if (url === "/en/recommendations") queue.push("/en/recommendations?status=not_implemented&body=upr");
    }
    expect(leaks).toEqual([]);
    // The crawl reached every kind of thing the portal serves.
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        "text/html",
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png",
      ]),
    );
    // The published release's image was reached through its page; the draft's answers only the portal's 404.
    expect(seen.has(shownImage)).toBe(true);
    const dark = await world.app.inject({ method: "GET", url: draftImage });
    expect(dark.statusCode).toBe(404);
    for (const c of planted) expect(dark.body.toLowerCase()).not.toContain(c.toLowerCase());
    expect([...seen].some((u) => u.includes("/press-releases/") && !u.includes("feed"))).toBe(true);
    expect([...seen].some((u) => u.includes("/letter.docx"))).toBe(true);
    expect(seen.size).toBeGreaterThan(25);
    // The quoted excerpt did reach the public report: the crawl would have seen a leak next to it.
    const pdf = [...seen].find((u) => u.endsWith("report.pdf")) as string;
    const text = await readable("application/pdf", (await world.app.inject({ url: pdf })).rawPayload);
    expect(text.replace(/\s+/g, " ")).toContain("Guards beat the women");
  });
});
