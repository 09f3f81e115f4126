import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import type { ApiClient } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { publishedLetter, publishedRelease, publishedReport } from "../support/publishing.js";
import { createTestDeps, dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

type Headers = LightMyRequestResponse["headers"];
const header = (h: Headers, name: string) => String(h[name] ?? "");
/** The directives of a Content-Security-Policy, by name. */
const directives = (h: Headers) =>
  new Map(
    header(h, "content-security-policy")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? "", values] as const),
  );

/** What every response must say, whatever produced it. */
function expectBaseline(h: Headers, where: string) {
  expect(header(h, "x-content-type-options"), where).toBe("nosniff");
  expect(header(h, "referrer-policy"), where).toBe("no-referrer");
  // The staff application and the API keep other windows out; the public portal holds nothing of its visitor's,
  // and isolating it would cost every visitor a browser process switch.
  const portal = where.startsWith("/") && !/^\/(api|app|healthz)\b/.test(where);
  expect(header(h, "cross-origin-opener-policy"), where).toBe(portal ? "" : "same-origin");
  expect(header(h, "cross-origin-resource-policy"), where).toMatch(/^same-(origin|site)$/);
  expect(header(h, "permissions-policy"), where).toContain("camera=()");
  expect(header(h, "permissions-policy"), where).toContain("microphone=()");
  expect(header(h, "permissions-policy"), where).toContain("geolocation=()");
  expect(header(h, "strict-transport-security"), where).toBe("");
  const csp = directives(h);
  expect(csp.size, `${where}: ${header(h, "content-security-policy")}`).toBeGreaterThan(1);
  expect(header(h, "content-security-policy"), where).not.toContain("unsafe-eval");
  expect(csp.get("script-src")?.includes("'unsafe-inline'") ?? false, where).toBe(false);
  if (!csp.has("sandbox")) expect(csp.get("frame-ancestors"), where).toEqual(["'none'"]);
}

/** What a download must say: saved, not shown; not sniffed; sandboxed if opened anyway; a name that is one value. */
function expectDownload(h: Headers, where: string) {
  expectBaseline(h, where);
  expect(header(h, "content-disposition"), where).toMatch(
    /^attachment; filename(\*=UTF-8''[A-Za-z0-9%._~-]+|="[A-Za-z0-9._-]+")$/,
  );
  expect(directives(h).has("sandbox"), where).toBe(true);
}

describe.each(dialects)("security headers on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;
  let reportId: string;
  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
    reportId = (await createVia(officer, "reports", build.report(world.mandateId))).id;
    await publishedRelease(world, { titleEn: "Experts urge an end to forced returns" });
  });
  afterAll(async () => {
    await world?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    world.app.inject({ method: "GET", url, headers });

  it("every kind of response carries them: staff application, API, portal, feeds, errors", async () => {
    const anonymous = [
      "/app/",
      "/app/records/persons",
      "/healthz",
      "/api/v1/openapi.json",
      "/api/v1/auth/session",
      "/en/",
      "/ko/press-releases",
      "/en/press-releases/feed.rss",
      "/sitemap.xml",
      "/robots.txt",
      "/en/subscribe",
      "/no/such/page",
      "/api/v1/persons/%E0%A4%A",
    ];
    for (const url of anonymous) expectBaseline((await get(url)).headers, url);
    const signedIn = await officer.get(`/api/v1/persons?mandateId=${world.mandateId}`);
    expect(signedIn.status).toBe(200);
    expectBaseline(signedIn.headers, "a record list");
    const refused = await officer.post("/api/v1/persons", { mandateId: world.mandateId, kind: "nobody" });
    expect(refused.status).toBe(400);
    expectBaseline(refused.headers, "a validation error");
  });

  it("no response names the server's software, and no other site is allowed to read the API (no CORS)", async () => {
    const res = await officer.get(`/api/v1/persons?mandateId=${world.mandateId}`, {
      origin: "https://attacker.example",
    });
    expect(res.status).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
    const preflight = await world.app.inject({
      method: "OPTIONS",
      url: "/api/v1/persons",
      headers: { origin: "https://attacker.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    for (const url of ["/healthz", "/en/", "/app/", "/api/v1/auth/session"]) {
      const h = (await get(url)).headers;
      expect(h["x-powered-by"], url).toBeUndefined();
      expect(h.server, url).toBeUndefined();
    }
  });

  it("pages run scripts from this origin only and allow no inline style but the portal's own stylesheet, by hash", async () => {
    for (const url of ["/en/", "/ko/press-releases", "/en/subscribe", "/app/"]) {
      const res = await get(url);
      expect(res.headers["content-type"], url).toContain("text/html");
      const csp = directives(res.headers);
      expect(csp.get("default-src"), url).toEqual(["'self'"]);
      expect(csp.get("script-src"), url).toEqual(["'self'"]);
      expect(csp.get("object-src"), url).toEqual(["'none'"]);
      expect(csp.get("base-uri"), url).toEqual(["'none'"]);
      expect(csp.get("form-action"), url).toEqual(["'self'"]);
      expect(csp.get("style-src"), url).not.toContain("'unsafe-inline'");
      expect(header(res.headers, "x-frame-options"), url).toBe("DENY");
      // Nothing the policy would block is in the page: no inline script, handler or style attribute.
      expect(res.body, url).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|\sstyle="/i);
      for (const [, css] of res.body.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        const hash = `'sha256-${createHash("sha256")
          .update(css ?? "")
          .digest("base64")}'`;
        expect(csp.get("style-src"), url).toContain(hash);
      }
    }
  });

  it("the public site may be embedded by sites of the same owner; the API and staff application by none", async () => {
    for (const url of ["/en/", "/en/press-releases/feed.rss", "/sitemap.xml"])
      expect(header((await get(url)).headers, "cross-origin-resource-policy"), url).toBe("same-site");
    for (const url of ["/app/", "/api/v1/openapi.json", "/healthz"])
      expect(header((await get(url)).headers, "cross-origin-resource-policy"), url).toBe("same-origin");
  });

  it("HSTS is sent only over HTTPS, as said by a trusted proxy, never on a header from anyone else", async () => {
    expect(header((await get("/en/")).headers, "strict-transport-security")).toBe("");
    const proxied = await get("/en/", { "x-forwarded-proto": "https" });
    expect(header(proxied.headers, "strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const spoofed = await world.app.inject({
      method: "GET",
      url: "/en/",
      remoteAddress: "203.0.113.7",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(header(spoofed.headers, "strict-transport-security")).toBe("");
  });

  it("the session cookie is HttpOnly, SameSite=Strict, for the whole site, and Secure over HTTPS", async () => {
    const login = (headers: Record<string, string>) =>
      world.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json", ...headers },
        payload: JSON.stringify({ email: "analyst@test.example", password: testPassword }),
      });
    for (const [proto, secure] of [
      ["http", false],
      ["https", true],
    ] as const) {
      const res = await login({ "x-forwarded-proto": proto });
      expect(res.statusCode).toBe(200);
      const cookie = header(res.headers, "set-cookie");
      expect(cookie).toMatch(/^rapporteur_session=[^;]+;/);
      const flags = cookie.split(";").map((f) => f.trim().toLowerCase());
      expect(flags).toContain("httponly");
      expect(flags).toContain("samesite=strict");
      expect(flags).toContain("path=/");
      expect(flags.includes("secure"), proto).toBe(secure);
    }
  });

  it("every download is saved, never shown: an attachment, a name that cannot break the header, nosniff, a sandbox", async () => {
    const file = await officer.request<{ id: string }>(
      "POST",
      `/api/v1/attachments?mandateId=${world.mandateId}&filename=${encodeURIComponent('notes"; filename=evil.html\r\n.txt')}`,
      "Interview notes\n",
      { "content-type": "text/plain" },
    );
    expect(file.status).toBe(201);
    const communication = await createVia(officer, "communications", build.communication(world.mandateId));
    const admin = await world.as("admin");
    const mail = "20261129T120000Z-0b6f8a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b.eml";
    mkdirSync(path.join(world.deps.config.dataDir, "outbox"), { recursive: true });
    writeFileSync(path.join(world.deps.config.dataDir, "outbox", mail), "Subject: Test\r\n\r\nBody\r\n");
    const downloads: [ApiClient, string][] = [
      [officer, `/api/v1/attachments/${file.body.id}/content`],
      [officer, `/api/v1/search/export.csv?mandateId=${world.mandateId}`],
      [officer, `/api/v1/exports/events.csv?mandateId=${world.mandateId}`],
      [officer, `/api/v1/recommendations/export.csv?mandateId=${world.mandateId}`],
      [officer, `/api/v1/communications/${communication.id}/letter.docx`],
      [officer, `/api/v1/reports/${reportId}/export.docx`],
      [officer, `/api/v1/reports/${reportId}/export.html`],
      [admin, `/api/v1/admin/outbox/${mail}`],
    ];
    for (const [who, url] of downloads) {
      const res = await who.get(url);
      expect(res.status, `${url}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
      expectDownload(res.headers, url);
    }
    // The report's print view keeps its own stricter policy (inline styles only), sandboxed as well.
    const print = directives((await officer.get(`/api/v1/reports/${reportId}/export.html`)).headers);
    expect(print.get("default-src")).toEqual(["'none'"]);
    expect(print.has("sandbox")).toBe(true);
  });

  it("a preview may be framed by the staff application only, and an image preview is sandboxed", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    const up = await officer.request<{ id: string }>(
      "POST",
      `/api/v1/attachments?mandateId=${world.mandateId}&filename=statement.pdf`,
      pdf,
      { "content-type": "application/pdf" },
    );
    expect(up.status).toBe(201);
    const preview = await officer.get(`/api/v1/attachments/${up.body.id}/content?inline=1`);
    expect(preview.status).toBe(200);
    expect(header(preview.headers, "content-disposition")).toBe("inline; filename*=UTF-8''statement.pdf");
    expect(header(preview.headers, "x-frame-options")).toBe("SAMEORIGIN");
    expect(directives(preview.headers).get("frame-ancestors")).toEqual(["'self'"]);
    expect(directives(preview.headers).get("default-src")).toEqual(["'none'"]);
    const download = await officer.get(`/api/v1/attachments/${up.body.id}/content`);
    expect(header(download.headers, "x-frame-options")).toBe("DENY");
    expect(directives(download.headers).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("the public downloads too: a published report on the portal and a published letter", async () => {
    const report = await publishedReport(world, { symbol: "A/HRC/37/69", kind: "hrc" });
    const letter = await publishedLetter(world);
    for (const url of [
      `/en/reports/${report.id}/report.pdf`,
      `/api/v1/public/communications/${encodeURIComponent(letter.reference)}/letter.docx`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expectDownload(res.headers, url);
    }
  });
});

describe("security headers of a site configured at an https address", () => {
  it("HSTS is sent even on a request that reached the server over plain HTTP from its proxy", async () => {
    const deps = await createTestDeps("sqlite", { publicUrl: "https://rapporteur.example.org" });
    const app = await buildApp(deps);
    try {
      const res = await app.inject({ method: "GET", url: "/healthz" });
      expect(header(res.headers, "strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    } finally {
      await app.close();
      await deps.cleanup();
    }
  });
});
