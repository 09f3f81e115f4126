import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler } from "../../src/server/platform/jobs/jobs.usecases.js";
import type { ApiClient } from "../support/api-client.js";
import { anonymous } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface Communication {
  id: string;
  status: string;
  reference: string | null;
  sentOn: string | null;
  replyDueOn: string | null;
  publishOn: string | null;
  allegedVictims: number;
  replyCount: number;
  version: number;
}

const today = () => new Date().toISOString().slice(0, 10);
const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function move(client: ApiClient, id: string, action: string) {
  return client.post<Communication & { error?: { code: string } }>(
    `/api/v1/communications/${id}/transitions`,
    {
      action,
    },
  );
}

/** Drafts a letter as the officer and takes it to `approved` with the mandate holder's approval. */
async function approvedLetter(world: World, o: Record<string, unknown> = {}) {
  const officer = await world.as("officer");
  const holder = await world.as("mandate_holder");
  const c = await createVia<Communication>(
    officer,
    "communications",
    build.communication(world.mandateId, o),
  );
  expect((await move(officer, c.id, "submit")).status).toBe(200);
  expect((await move(holder, c.id, "approve")).status).toBe(200);
  return c;
}

async function docxText(body: ArrayBuffer | Buffer | string) {
  const zip = await JSZip.loadAsync(body as ArrayBuffer);
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}

describe.each(dialects)("communications to states on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("an urgent appeal goes draft → review → approved → sent and gets its reference, dates and audit trail", async () => {
    const officer = await world.as("officer");
    const holder = await world.as("mandate_holder");
    const c = await createVia<Communication>(officer, "communications", build.communication(world.mandateId));
    expect(c.status).toBe("draft");
    expect(c.reference).toBeNull();
    expect((await officer.get(`/api/v1/communications/${c.id}/actions`)).body).toEqual({
      actions: ["submit"],
    });
    expect((await move(officer, c.id, "submit")).body.status).toBe("in_review");
    // Only the mandate holder approves.
    expect((await move(officer, c.id, "approve")).status).toBe(403);
    expect((await move(holder, c.id, "approve")).body.status).toBe("approved");
    const analyst = await world.as("analyst");
    expect((await move(analyst, c.id, "send")).status).toBe(403);
    const sent = await move(officer, c.id, "send");
    expect(sent.status).toBe(200);
    const year = today().slice(0, 4);
    expect(sent.body.reference).toMatch(new RegExp(`^UA CHN \\d+/${year}$`));
    expect(sent.body.sentOn).toBe(today());
    expect(sent.body.replyDueOn).toBe(plusDays(60));
    expect(sent.body.publishOn).toBe(plusDays(60));
    // Sending twice is refused: the reference never changes.
    const again = await move(officer, c.id, "send");
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("communications.transition_not_allowed");
    const audit = await world.deps.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("record_id", "=", c.id)
      .where("action", "like", "communication.%")
      .orderBy("at")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ["communication.submit", world.users.officer],
      ["communication.approve", world.users.mandate_holder],
      ["communication.send", world.users.officer],
    ]);
  });

  it("an approved letter's text is locked, naming the field, until it is returned to draft", async () => {
    const officer = await world.as("officer");
    const c = await approvedLetter(world);
    const res = await officer.patch<{ error: { fields: Record<string, { code: string; message: string }> } }>(
      `/api/v1/communications/${c.id}`,
      { body: "Changed after approval" },
      { "accept-language": "ko" },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.body?.code).toBe("communications.letter_locked");
    expect(res.body.error.fields.body?.message).toMatch(/[가-힣]/);
    expect((await move(officer, c.id, "return")).body.status).toBe("draft");
    expect((await officer.patch(`/api/v1/communications/${c.id}`, { body: "Changed in draft" })).status).toBe(
      200,
    );
  });

  it("50 letters sent at once to one state get 50 distinct consecutive numbers", async () => {
    const officer = await world.as("officer");
    const letters = [];
    for (let i = 0; i < 50; i++) letters.push(await approvedLetter(world, { addresseeCountry: "MNG" }));
    const sent = await Promise.all(letters.map((c) => move(officer, c.id, "send")));
    expect(sent.map((s) => s.status)).toEqual(letters.map(() => 200));
    const numbers = sent
      .map((s) => Number(/ (\d+)\//.exec(String(s.body.reference))?.[1]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(sent.map((s) => s.body.reference)).size).toBe(50);
  });

  it("a joint letter is marked J and counts in the same sequence; a company is numbered under OTH", async () => {
    const officer = await world.as("officer");
    const joint = await approvedLetter(world, {
      kind: "AL",
      addresseeCountry: "MNG",
      jointMandates: ["Special Rapporteur on trafficking in persons"],
    });
    expect((await move(officer, joint.id, "send")).body.reference).toMatch(/^JAL MNG 51\/\d{4}$/);
    const company = await approvedLetter(world, {
      kind: "OL",
      addresseeKind: "non_state",
      addresseeCountry: null,
      addresseeName: "Example Shipping Ltd.",
    });
    expect((await move(officer, company.id, "send")).body.reference).toMatch(/^OL OTH \d+\/\d{4}$/);
  });

  it("the publication day is never before sending, and a reply marks the letter replied", async () => {
    const officer = await world.as("officer");
    const c = await approvedLetter(world);
    await move(officer, c.id, "send");
    const early = await officer.patch<{ error: { fields: Record<string, unknown> } }>(
      `/api/v1/communications/${c.id}`,
      { publishOn: "2000-01-01" },
    );
    expect(early.status).toBe(400);
    expect(Object.keys(early.body.error.fields)).toEqual(["publishOn"]);
    await createVia(officer, "communication-replies", {
      mandateId: world.mandateId,
      communicationId: c.id,
      receivedOn: today(),
      summary: "The Government states the person was returned under a bilateral agreement.",
    });
    const after = await officer.get<Communication>(`/api/v1/communications/${c.id}`);
    expect(after.body.status).toBe("replied");
    expect(after.body.replyCount).toBe(1);
    const reminders = await world.deps.db
      .selectFrom("jobs")
      .select("status")
      .where("key", "like", `communication:${c.id}:reminder%`)
      .execute();
    expect(reminders.every((j) => j.status === "cancelled")).toBe(true);
  });

  it("the embargo lifts on the publication day: only then is the letter public, without anything confidential", async () => {
    const officer = await world.as("officer");
    const c = await approvedLetter(world, {
      summary: "CANARY-INTERNAL-SUMMARY",
      publicSummary: "Forced return of a detained woman.",
    });
    const sent = await move(officer, c.id, "send");
    const reference = String(sent.body.reference);
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    try {
      await scheduler.runDue();
      const before = await anonymous<{ items: { reference: string }[] }>(
        world.app,
        "GET",
        "/api/v1/public/communications",
      );
      expect(before.body.items.map((i) => i.reference)).not.toContain(reference);
      expect((await move(officer, c.id, "publish")).status).toBe(409);
      await officer.patch(`/api/v1/communications/${c.id}`, { publishOn: today() });
      await scheduler.runDue();
    } finally {
      await scheduler.stop();
    }
    expect((await officer.get<Communication>(`/api/v1/communications/${c.id}`)).body.status).toBe(
      "published",
    );
    const after = await anonymous<{ items: Record<string, unknown>[] }>(
      world.app,
      "GET",
      "/api/v1/public/communications",
    );
    const item = after.body.items.find((i) => i.reference === reference);
    expect(item).toMatchObject({ kind: "UA", publicSummary: "Forced return of a detained woman." });
    expect(JSON.stringify(after.body)).not.toContain("CANARY-INTERNAL-SUMMARY");
    const letter = await anonymous(world.app, "GET", String(item?.letterUrl));
    expect(letter.status).toBe(200);
    const xml = await docxText(letter.raw.rawPayload);
    expect(xml).toContain(reference);
    expect(xml).not.toContain("CANARY-INTERNAL-SUMMARY");
  });

  it("an analyst sees the letter but not its strictly confidential source, in the API and in the letter", async () => {
    const officer = await world.as("officer");
    const secret = await createVia(
      officer,
      "sources",
      build.source(world.mandateId, {
        title: "CANARY-SECRET-SOURCE",
        confidentiality: "strictly_confidential",
      }),
    );
    const victim = await createVia<{ id: string; code: string }>(
      officer,
      "persons",
      build.person(world.mandateId),
    );
    const c = await createVia<Communication>(
      officer,
      "communications",
      build.communication(world.mandateId, { confidentiality: "confidential" }),
    );
    for (const [targetType, targetId] of [
      ["source", secret.id],
      ["person", victim.id],
    ])
      await createVia(officer, "communication-links", {
        mandateId: world.mandateId,
        communicationId: c.id,
        targetType,
        targetId,
      });
    const analyst = await world.as("analyst");
    expect((await analyst.get(`/api/v1/communications/${c.id}`)).status).toBe(200);
    const links = await analyst.get<{ items: { targetType: string }[] }>(
      `/api/v1/communication-links?communicationId=${c.id}`,
    );
    expect(links.body.items.map((l) => l.targetType)).toEqual(["person"]);
    expect((await analyst.get(`/api/v1/sources/${secret.id}`)).status).toBe(404);
    const docx = await analyst.get(`/api/v1/communications/${c.id}/letter.docx`);
    expect(docx.status).toBe(200);
    const xml = await docxText(docx.raw.rawPayload);
    expect(xml).toContain(victim.code);
    expect(xml).not.toContain("CANARY-SECRET-SOURCE");
    expect(JSON.stringify(links.body)).not.toContain(secret.id);
    // The officer, who may see it, sees both links.
    const all = await officer.get<{ items: unknown[] }>(
      `/api/v1/communication-links?communicationId=${c.id}`,
    );
    expect(all.body.items).toHaveLength(2);
  });

  it("a year's facts and figures count letters by type and addressee, alleged victims and the reply rate", async () => {
    const officer = await world.as("officer");
    const group = await createVia<{ id: string }>(
      officer,
      "persons",
      build.person(world.mandateId, { kind: "group", groupSize: 7, sex: null, birthYear: null }),
    );
    const c = await approvedLetter(world, { addresseeCountry: "RUS", kind: "AL" });
    await createVia(officer, "communication-links", {
      mandateId: world.mandateId,
      communicationId: c.id,
      targetType: "person",
      targetId: group.id,
    });
    await move(officer, c.id, "send");
    const year = Number(today().slice(0, 4));
    const stats = await officer.get<{
      byType: Record<string, number>;
      byAddressee: { code: string; count: number; replied: number; victims: number }[];
      allegedVictims: number;
      replyRate: number;
      total: number;
      replied: number;
    }>(`/api/v1/communications/statistics?mandateId=${world.mandateId}&year=${year}`);
    expect(stats.status).toBe(200);
    expect(stats.body.byAddressee.find((a) => a.code === "RUS")).toEqual({
      code: "RUS",
      kind: "state",
      count: 1,
      replied: 0,
      victims: 7,
    });
    expect(stats.body.byType.AL).toBeGreaterThanOrEqual(1);
    expect(stats.body.replyRate).toBeCloseTo((stats.body.replied / stats.body.total) * 100, 0);
  });

  it("a reply due today reminds the holder and officers in the application", async () => {
    const officer = await world.as("officer");
    const c = await approvedLetter(world, { addresseeCountry: "VNM" });
    await move(officer, c.id, "send");
    await officer.patch(`/api/v1/communications/${c.id}`, { replyDueOn: today() });
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    try {
      await scheduler.runDue();
    } finally {
      await scheduler.stop();
    }
    const holder = await world.as("mandate_holder");
    const notes = await holder.get<{ items: { kind: string; link: string | null }[] }>(
      "/api/v1/notifications",
    );
    expect(notes.body.items.some((n) => n.kind === "reply_due_today" && n.link?.includes(c.id))).toBe(true);
  });

  it("letters and cases are found by search, by reference and Korean words, only by those who may read them", async () => {
    const officer = await world.as("officer");
    const c = await approvedLetter(world, {
      addresseeCountry: "LAO",
      language: "ko",
      body: "각하,\n\n구금시설에서 강제송환될 위험에 처한 여성에 관하여 서한을 드립니다.",
    });
    const reference = String((await move(officer, c.id, "send")).body.reference);
    await createVia(
      officer,
      "cases",
      build.case(world.mandateId, {
        title: "Hidden restricted case kestrelcanary",
        restrictedTo: [world.users.officer],
      }),
    );
    type Found = { total: number; items: { id: string; recordType: string }[] };
    const find = (client: ApiClient, q: string) =>
      client.get<Found>(`/api/v1/search?mandateId=${world.mandateId}&q=${encodeURIComponent(q)}`);
    expect((await find(officer, "강제송환")).body.items.map((i) => i.id)).toContain(c.id);
    expect((await find(officer, reference)).body.items[0]).toMatchObject({
      id: c.id,
      recordType: "communication",
    });
    expect((await find(officer, "kestrelcanary")).body.items.map((i) => i.recordType)).toEqual(["case"]);
    const analyst = await world.as("analyst");
    expect((await find(analyst, "kestrelcanary")).body.total).toBe(0);
  });
});
