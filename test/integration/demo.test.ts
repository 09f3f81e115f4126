import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import type { DemoSummary } from "../../src/server/demo/demo.seed.js";
import { demoMandateCode, ensureDemoData } from "../../src/server/demo/demo.usecases.js";
import { createMandate } from "../../src/server/modules/mandates/mandates.usecases.js";
import { AppError } from "../../src/server/platform/errors/app-error.js";
import { signIn } from "../support/api-client.js";
import { createTestDeps, dialects, type TestDeps } from "../support/test-deps.js";

type Page<T> = { items: T[]; nextCursor: string | null };
type PersonItem = {
  id: string;
  code: string;
  confidentiality: string;
  restrictedTo: string[] | null;
  hasIdentity: boolean;
};

describe.each(dialects)("the demo mandate on %s", (dialect) => {
  let deps: TestDeps;
  let app: FastifyInstance;
  let summary: DemoSummary | undefined;

  beforeAll(async () => {
    deps = await createTestDeps(dialect);
    summary = (await ensureDemoData(deps)).summary;
    app = await buildApp(deps);
  });
  afterAll(async () => {
    await app?.close();
    await deps?.cleanup();
  });

  const officer = () => signIn(app, "officer@demo.test", deps.config.demoPassword);
  const countPersons = async () => {
    const res = await (await officer()).get<Page<PersonItem>>("/api/v1/persons?limit=200");
    expect(res.body.nextCursor).toBeNull();
    return res.body.items.length;
  };

  it("loads a full mandate: dozens of witnesses and interviews, hundreds of coded acts", () => {
    expect(summary).toBeDefined();
    expect(summary?.persons).toBeGreaterThanOrEqual(30);
    expect(summary?.sources).toBeGreaterThanOrEqual(25);
    expect(summary?.acts).toBeGreaterThanOrEqual(300);
    expect(summary?.events).toBeGreaterThanOrEqual(50);
    expect(summary?.involvements).toBeGreaterThanOrEqual(summary?.acts ?? 0);
    expect(summary?.links).toBeGreaterThan(0);
    expect(summary?.identities).toBeGreaterThanOrEqual(10);
  });

  it("loading the demo a second time adds nothing", async () => {
    const before = await countPersons();
    expect(await ensureDemoData(deps)).toEqual({ seeded: false });
    expect(await countPersons()).toBe(before);
  });

  it("the officer signs in with the demo password and pages through the coded acts", async () => {
    const client = await officer();
    const first =
      await client.get<Page<{ id: string; actType: string; eventId: string }>>("/api/v1/acts?limit=200");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(200);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await client.get<Page<{ id: string }>>(
      `/api/v1/acts?limit=200&cursor=${first.body.nextCursor}`,
    );
    expect(first.body.items.length + second.body.items.length).toBeGreaterThanOrEqual(300);
    const refoulement = await client.get<Page<{ id: string }>>("/api/v1/acts?actType=380101000000");
    expect(refoulement.body.items.length).toBeGreaterThan(0);
  });

  it("the case of a person facing repatriation is there, confidential, for the team to act on", async () => {
    const client = await officer();
    const res = await client.get<Page<{ title: string; confidentiality: string }>>(
      `/api/v1/events?q=${encodeURIComponent("pending repatriation")}`,
    );
    expect(res.body.items).toEqual([
      expect.objectContaining({
        title: "Detention in China pending repatriation",
        confidentiality: "confidential",
      }),
    ]);
  });

  it("an analyst cannot reveal a witness's identifying data; the officer can", async () => {
    const client = await officer();
    const persons = await client.get<Page<PersonItem>>("/api/v1/persons?limit=200");
    const witness = persons.body.items.find(
      (p) => p.hasIdentity && p.confidentiality === "confidential" && p.restrictedTo === null,
    );
    expect(witness).toBeDefined();
    const analyst = await signIn(app, "analyst@demo.test", deps.config.demoPassword);
    expect((await analyst.get(`/api/v1/persons/${witness?.id}`)).status).toBe(200);
    expect((await analyst.get(`/api/v1/persons/${witness?.id}/identity`)).status).toBe(403);
    const revealed = await client.get<{ identity: { legalName: string } }>(
      `/api/v1/persons/${witness?.id}/identity`,
    );
    expect(revealed.status).toBe(200);
    expect(revealed.body.identity.legalName).toContain("가명");
  });

  it("the mandate speaks for itself: about texts in both languages, press releases published, scheduled and drafted", async () => {
    const client = await officer();
    const mandates = await client.get<{ items: { aboutEn: string | null; aboutKo: string | null }[] }>(
      "/api/v1/mandates",
    );
    expect(mandates.body.items[0]?.aboutEn).toContain("resolution 2004/13");
    expect(mandates.body.items[0]?.aboutKo).toContain("2004/13");
    const res = await client.get<
      Page<{ status: string; publishedAt: string | null; publishAt: string | null; titleKo: string | null }>
    >("/api/v1/press-releases?limit=50");
    const byStatus = (s: string) => res.body.items.filter((r) => r.status === s);
    expect(byStatus("published")).toHaveLength(3);
    for (const r of byStatus("published")) expect(Date.parse(String(r.publishedAt))).toBeLessThan(Date.now());
    expect(byStatus("published").filter((r) => r.titleKo)).toHaveLength(2);
    expect(byStatus("scheduled")).toHaveLength(1);
    expect(Date.parse(String(byStatus("scheduled")[0]?.publishAt))).toBeGreaterThan(Date.now());
    expect(byStatus("draft")).toHaveLength(1);
  });

  it("refuses a database that already holds a mandate that is not the demo's", async () => {
    const other = await createTestDeps(dialect);
    try {
      await createMandate({
        db: other.db,
        actor: null,
        input: { code: "real-mandate", nameEn: "A real mandate", kind: "thematic" },
      });
      const refusal = await ensureDemoData(other).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: "demo.real_data_present" });
    } finally {
      await other.cleanup();
    }
  });

  it("a demo whose loading was cut short is not served as if it were complete", async () => {
    const other = await createTestDeps(dialect);
    try {
      // What a kill during the first start leaves: the demo mandate, without the rest.
      await createMandate({
        db: other.db,
        actor: null,
        isDemo: true,
        input: { code: demoMandateCode, nameEn: "Interrupted demo", kind: "country" },
      });
      const refusal = await ensureDemoData(other).catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: "demo.incomplete" });
    } finally {
      await other.cleanup();
    }
  });
});
