import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import type { ApiClient } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { publishedLetter, publishedRelease, publishedReport } from "../support/publishing.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

describe.each(dialects)("the public portal on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;
  let reportId: string;
  let release: { id: string; slug: string };
  let reference: string;

  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
    reportId = (
      await publishedReport(world, { symbol: "A/HRC/37/69", kind: "hrc", title: "Published pipit report" })
    ).id;
    await createVia(officer, "reports", build.report(world.mandateId, { title: "Draft wagtail report" }));
    release = await publishedRelease(world, { titleEn: "Experts urge an end to forced returns" });
    await createVia(
      officer,
      "press-releases",
      build.pressRelease(world.mandateId, {
        titleEn: "Draft bunting release",
        titleKo: null,
        summaryKo: null,
        bodyKo: null,
      }),
    );
    reference = (
      await publishedLetter(world, { addresseeCountry: "CHN", publicSummary: "Return of a detained woman." })
    ).reference;
    await createVia(
      officer,
      "recommendations",
      build.recommendation(world.mandateId, {
        text: "Public siskin recommendation",
        confidentiality: "public",
      }),
    );
    await createVia(
      officer,
      "recommendations",
      build.recommendation(world.mandateId, { text: "Internal linnet recommendation" }),
    );
    await createVia(
      officer,
      "visit-requests",
      build.visitRequest(world.mandateId, { country: "JPN", confidentiality: "public" }),
    );
    await createVia(officer, "visit-requests", build.visitRequest(world.mandateId, { country: "MNG" }));
  }, 120_000);
  afterAll(async () => world?.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    world.app.inject({ method: "GET", url, headers });

  it("answers the home page at / in the visitor's language, and every page in English and Korean", async () => {
    expect((await get("/", { "accept-language": "ko-KR,ko;q=0.9" })).headers.location).toBe("/ko/");
    expect((await get("/", { "accept-language": "en-GB" })).headers.location).toBe("/en/");
    for (const lang of ["en", "ko"])
      for (const path of [
        "/",
        "/press-releases",
        "/reports",
        "/communications",
        "/visits",
        "/recommendations",
        "/about",
      ]) {
        const res = await get(`/${lang}${path}`);
        expect(res.statusCode, `${lang}${path}`).toBe(200);
        expect(res.headers["content-type"]).toContain("text/html");
        expect(res.body).toContain(`<html lang="${lang}">`);
        expect(res.body).toMatch(/<link rel="alternate" hrefLang="en"/);
        expect(res.body).toMatch(/<link rel="alternate" hrefLang="ko"/);
        expect(res.body).toMatch(/property="og:title"/);
      }
    expect((await get("/ko/press-releases")).body).toContain("보도자료");
  });

  it("shows what is public and published, and nothing else", async () => {
    const reports = (await get("/en/reports")).body;
    expect(reports).toContain("Published pipit report");
    expect(reports).not.toContain("Draft wagtail report");
    const releases = (await get("/en/press-releases")).body;
    expect(releases).toContain("Experts urge an end to forced returns");
    expect(releases).not.toContain("Draft bunting release");
    expect((await get("/en/communications")).body).toContain(reference);
    const recommendations = (await get("/en/recommendations")).body;
    expect(recommendations).toContain("Public siskin recommendation");
    expect(recommendations).not.toContain("Internal linnet recommendation");
    const visits = (await get("/en/visits")).body;
    expect(visits).toContain("Japan");
    expect(visits).not.toContain("Mongolia");
  });

  it("a press release has its page in both languages, with hreflang, Open Graph and sanitised Markdown", async () => {
    const en = await get(`/en/press-releases/${release.slug}`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain("<strong>urged</strong>");
    expect(en.body).toContain('property="og:type" content="article"');
    expect(en.body).toMatch(/hrefLang="ko" href="[^"]*\/ko\/press-releases\//);
    const ko = await get(`/ko/press-releases/${release.slug}`);
    expect(ko.body).toContain("유엔 전문가");
    expect((await get("/en/press-releases/no-such-release")).statusCode).toBe(404);
  });

  it("filters communications by year, type and addressee; a malformed filter is ignored, never an error", async () => {
    const year = reference.split("/")[1];
    expect((await get(`/en/communications?year=${year}&type=UA&addressee=CHN`)).body).toContain(reference);
    expect((await get("/en/communications?addressee=FRA")).body).not.toContain(reference);
    const odd = await get("/en/communications?year=abc&type=%3Cscript%3E&addressee=x&page=-1");
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain(reference);
  });

  it("every year the communications page offers lists the letters of that year", async () => {
    // A letter carried over from an earlier register: sent at the end of one year, filed under the next year's
    // reference. The page files letters under their reference's year, in its list of years as in its filter.
    const carried = await publishedLetter(world, {
      addresseeCountry: "MNG",
      publicSummary: "Carried-over letter.",
    });
    const year = Number(carried.reference.split("/")[1]);
    await world.deps.db
      .updateTable("communications")
      .set({ sent_on: `${year - 1}-12-30`, updated_at: new Date().toISOString() })
      .where("id", "=", carried.id)
      .execute();
    const page = (await get("/en/communications")).body;
    const select = page.match(/<select id="f-year"[^>]*>([\s\S]*?)<\/select>/)?.[1] ?? "";
    const years = [...select.matchAll(/value="(\d{4})"/g)].map((m) => m[1]);
    expect(years).toEqual([String(year)]);
    for (const y of years) {
      const listed = (await get(`/en/communications?year=${y}`)).body;
      expect(listed, `year ${y}`).toContain(carried.reference);
      expect(listed).not.toMatch(/<p role="status">0 found/);
    }
  });

  it("every page carries ETag, Last-Modified and Cache-Control; a client that has it gets 304; a change makes a new one", async () => {
    const first = await get("/en/recommendations");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers["last-modified"]).toMatch(/GMT$/);
    expect(first.headers["cache-control"]).toContain("public");
    expect((await get("/en/recommendations", { "if-none-match": etag })).statusCode).toBe(304);
    expect(
      (await get("/en/recommendations", { "if-modified-since": String(first.headers["last-modified"]) }))
        .statusCode,
    ).toBe(304);
    // Another server on the same database answers the same validators.
    const other = await buildApp(world.deps);
    try {
      const again = await other.inject({ method: "GET", url: "/en/recommendations" });
      expect(again.headers.etag).toBe(etag);
    } finally {
      await other.close();
    }
    await createVia(
      officer,
      "recommendations",
      build.recommendation(world.mandateId, {
        text: "Newly public recommendation",
        confidentiality: "public",
      }),
    );
    const changed = await get("/en/recommendations", { "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain("Newly public recommendation");
    const compressed = await get("/en/recommendations", { "accept-encoding": "gzip, deflate, br" });
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(compressed.headers.vary).toContain("Accept-Encoding");
    expect(compressed.headers.etag).toBe(changed.headers.etag);
  });

  it("published reports download as Word and PDF under their symbol", async () => {
    for (const format of ["docx", "pdf"]) {
      const res = await get(`/en/reports/${reportId}/report.${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-disposition"]).toContain(`A-HRC-37-69.${format}`);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe(format === "pdf" ? "%P" : "PK");
    }
  });

  it("RSS and Atom feeds list the releases of each language; the sitemap lists every page with its alternates", async () => {
    const rss = await get("/en/press-releases/feed.rss");
    expect(rss.headers["content-type"]).toContain("application/rss+xml");
    expect(rss.body).toContain("<rss");
    expect(rss.body).toContain("Experts urge an end to forced returns");
    const atom = await get("/ko/press-releases/feed.atom");
    expect(atom.headers["content-type"]).toContain("application/atom+xml");
    expect(atom.body).toContain("유엔 전문가");
    expect(atom.body).not.toContain("Draft bunting release");
    const sitemap = (await get("/sitemap.xml")).body;
    expect(sitemap).toContain(`/en/press-releases/${release.slug}</loc>`);
    expect(sitemap).toContain('hreflang="ko"');
    expect(sitemap).toContain(`/en/reports/${reportId}/report.pdf</loc>`);
    const robots = (await get("/robots.txt")).body;
    expect(robots).toContain("Disallow: /app/");
    expect(robots).toContain("Sitemap: ");
  });

  it("a feed item carries the release's whole text, in the feed's language, sanitised", async () => {
    const rss = (await get("/en/press-releases/feed.rss")).body;
    const item = rss.split("<item>").find((i) => i.includes("Experts urge an end to forced returns")) ?? "";
    expect(item).toContain("<content:encoded>");
    expect(item).toContain(
      "The Special Rapporteur <strong>urged</strong> China to halt the forced return of women.",
    );
    const atom = (await get("/ko/press-releases/feed.atom")).body;
    expect(atom).toContain("특별보고관은 중국에 여성의 강제송환을 <strong>중단</strong>할 것을 촉구했다.");
    expect(atom).not.toContain("forced return of women.");
  });

  it("markup a writer types in a release reaches a feed reader as text, never as script", async () => {
    await publishedRelease(world, {
      titleEn: "Experts note a markup heronword",
      titleKo: null,
      summaryKo: null,
      bodyKo: null,
      bodyEn:
        'A heronword <script>alert("feed")</script> and [a link](javascript:alert(1)) <img src=x onerror=alert(2)>.',
    });
    const rss = (await get("/en/press-releases/feed.rss")).body;
    const item = rss.split("<item>").find((i) => i.includes("heronword")) ?? "";
    expect(item).toContain("A heronword &lt;script&gt;");
    // What was typed stays visible as text; no element or attribute is made of it.
    expect(item).not.toMatch(/<script|<img|href="javascript:|<[^>]*onerror=/i);
  });

  it("staff preview a release exactly as the portal shows it, with a banner, never cached", async () => {
    const draft = await createVia<{ id: string }>(
      officer,
      "press-releases",
      build.pressRelease(world.mandateId, { titleEn: "Preview plover release" }),
    );
    const res = await officer.get<string>(`/api/v1/press-releases/${draft.id}/preview?lang=en`);
    expect(res.status).toBe(200);
    expect(String(res.raw.body)).toContain("Preview plover release");
    expect(String(res.raw.body)).toContain("Preview — not published");
    expect(res.raw.headers["cache-control"]).toContain("no-store");
    expect((await get(`/api/v1/press-releases/${draft.id}/preview`)).statusCode).toBe(401);
  });
});
