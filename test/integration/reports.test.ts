import JSZip from "jszip";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

type Body = Record<string, unknown>;
interface Problem {
  key: string;
  rule: string;
  part: string | null;
  blockId: string | null;
  paragraph: number | null;
  personCode: string | null;
  identityKind: string | null;
  sourceId: string | null;
  count: number | null;
  link: string;
  override: { reason: string; by: string | null } | null;
}
interface Check {
  problems: Problem[];
  blocking: number;
  canOverride: boolean;
}
interface Content {
  version: number;
  status: string;
  body: { summary: string; sections: { id: string; heading: string; blocks: Body[] }[] };
  numbers: {
    paragraphs: Record<string, number>;
    footnotes: Record<string, number>;
    recommendationsStart: number;
  };
  quotations: Record<string, { readable: boolean; text: string | null; changed: boolean }>;
}

const refoulement = "380101000000";
const female = "020000000000";
const male = "010000000000";
const para = (id: string, text: string, footnotes: { id: string; text: string }[] = []) => ({
  kind: "paragraph",
  id,
  text,
  footnotes,
});
const quote = (id: string, sourceId: string, start: number, end: number, o: Body = {}) => ({
  kind: "quotation",
  id,
  sourceId,
  field: "summary",
  start,
  end,
  attribution: "A woman interviewed in 2017",
  attributed: false,
  footnotes: [],
  ...o,
});
const statistic = (id: string, query: Body = {}) => ({
  kind: "statistic",
  id,
  caption: "Acts of forced return per year, by sex of victim",
  query: {
    actType: [refoulement],
    place: [],
    victimSex: [],
    perpetratorType: [],
    dateFrom: "2014",
    dateTo: "2017",
    period: "year",
    by: "victimSex",
    ...query,
  },
});
const body = (
  sections: { id: string; heading: string; blocks: Body[] }[],
  summary = "Summary of the report.",
) => ({
  summary,
  sections,
  recommendationsIntro: null,
});

async function docxText(payload: Buffer) {
  const zip = await JSZip.loadAsync(payload);
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}

describe.each(dialects)("reports on %s", (dialect) => {
  let world: World;
  let holder: ApiClient;
  let officer: ApiClient;
  let analyst: ApiClient;
  let readonly: ApiClient;

  beforeAll(async () => {
    world = await createWorld(dialect);
    holder = await world.as("mandate_holder");
    officer = await world.as("officer");
    analyst = await world.as("analyst");
    readonly = await world.as("readonly");
  });
  afterAll(async () => world?.close());

  const newReport = (o: Body = {}, as = officer) =>
    createVia<{ id: string; version: number; status: string }>(
      as,
      "reports",
      build.report(world.mandateId, o),
    );
  const content = async (id: string, as = officer) => {
    const res = await as.get<Content>(`/api/v1/reports/${id}/content`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const save = async (id: string, b: Body, as = officer) => {
    const version = (await content(id, as)).version;
    return as.put<Content>(`/api/v1/reports/${id}/body`, { version, body: b });
  };
  const saved = async (id: string, b: Body, as = officer) => {
    const res = await save(id, b, as);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const check = async (id: string, as = holder) => {
    const res = await as.get<Check>(`/api/v1/reports/${id}/publication-check`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const auditRows = (recordId: string, action: string) =>
    world.deps.db
      .selectFrom("audit_log")
      .select(["actor_id", "fields"])
      .where("record_id", "=", recordId)
      .where("action", "=", action)
      .execute();
  const source = (o: Body = {}) =>
    createVia<{ id: string }>(
      officer,
      "sources",
      build.source(world.mandateId, { confidentiality: "internal", ...o }),
    );

  it("a report's symbol must fit its kind: A/72/394 to the General Assembly, A/HRC/…/Add.N for a visit", async () => {
    expect((await newReport({ symbol: "A/72/394" })).status).toBe("drafting");
    await newReport({ kind: "visit", symbol: "A/HRC/37/56/Add.2" });
    for (const [kind, symbol] of [
      ["general_assembly", "A/HRC/37/56"],
      ["visit", "A/HRC/37/56"],
      ["hrc", "A/72/395"],
      ["thematic", "UA CHN 3/2017"],
    ]) {
      const res = await officer.post("/api/v1/reports", build.report(world.mandateId, { kind, symbol }));
      expect(res.status, `${kind} ${symbol}`).toBe(400);
      expect(res.body).toMatchObject({ error: { fields: { symbol: { code: "reports.symbol_format" } } } });
    }
  });

  it("paragraphs are numbered continuously across sections and footnotes across the report; moving one renumbers", async () => {
    const r = await newReport();
    const src = await source();
    const c = await saved(
      r.id,
      body([
        {
          id: "s1",
          heading: "Introduction",
          blocks: [para("a", "First."), para("b", "Second.", [{ id: "n1", text: "Note one." }])],
        },
        {
          id: "s2",
          heading: "Forced return",
          blocks: [
            quote("q", src.id, 0, 8, { footnotes: [{ id: "n2", text: "Note two." }] }),
            para("c", "Third.", [{ id: "n3", text: "Note three." }]),
          ],
        },
      ]),
    );
    expect(c.numbers.paragraphs).toEqual({ a: 1, b: 2, c: 3 });
    expect(c.numbers.footnotes).toEqual({ n1: 1, n2: 2, n3: 3 });
    expect(c.numbers.recommendationsStart).toBe(4);
    const moved = await saved(
      r.id,
      body([
        {
          id: "s1",
          heading: "Introduction",
          blocks: [para("c", "Third.", [{ id: "n3", text: "Note three." }]), para("a", "First.")],
        },
        {
          id: "s2",
          heading: "Forced return",
          blocks: [para("b", "Second.", [{ id: "n1", text: "Note one." }])],
        },
      ]),
    );
    expect(moved.numbers.paragraphs).toEqual({ c: 1, a: 2, b: 3 });
    expect(moved.numbers.footnotes).toEqual({ n3: 1, n1: 2 });
    // A number cannot be written by hand: the body has no place for one.
    const typed = await save(
      r.id,
      body([{ id: "s1", heading: "", blocks: [{ ...para("x", "X."), number: 7 }] }]),
    );
    expect(typed.status).toBe(400);
  });

  it("reports and recommendations are found by search: by symbol, by words of a paragraph (Korean too), never by a quoted excerpt, and never by who may not read them", async () => {
    type Found = { total: number; items: { id: string; recordType: string; title: string }[] };
    const find = (q: string, as = officer) =>
      as.get<Found>(`/api/v1/search?mandateId=${world.mandateId}&q=${encodeURIComponent(q)}`);
    const src = await source({ transcript: "plovercanary said the guards beat them." });
    const r = await newReport({ symbol: "A/81/777", title: "Situation in the border provinces" });
    await saved(
      r.id,
      body([
        {
          id: "s1",
          heading: "Detention",
          blocks: [
            para("a", "Women returned from abroad were held in 집결소 holding centres godwitword."),
            quote("q", src.id, 0, 12),
          ],
        },
      ]),
    );
    expect((await find("A/81/777")).body.items[0]).toMatchObject({ id: r.id, recordType: "report" });
    expect((await find("godwitword")).body.items.map((i) => i.id)).toEqual([r.id]);
    expect((await find("집결소")).body.items.map((i) => i.id)).toContain(r.id);
    // The quoted words are the source's: they find the source, not the report.
    expect((await find("plovercanary")).body.items.map((i) => i.recordType)).toEqual(["source"]);
    const hidden = await newReport(
      { title: "Sealed curlewcanary", confidentiality: "strictly_confidential" },
      holder,
    );
    expect((await find("curlewcanary", holder)).body.items.map((i) => i.id)).toEqual([hidden.id]);
    expect((await find("curlewcanary", analyst)).body.total).toBe(0);
    const rec = await createVia<{ id: string }>(
      officer,
      "recommendations",
      build.recommendation(world.mandateId, {
        text: "Release everyone held for dunlinword reasons",
        theme: "detention",
      }),
    );
    const found = await find("dunlinword");
    expect(found.body.items).toEqual([expect.objectContaining({ id: rec.id, recordType: "recommendation" })]);
  });

  it("a stale version is refused, and a body with duplicate ids is refused naming the place", async () => {
    const r = await newReport();
    await saved(r.id, body([{ id: "s1", heading: "A", blocks: [para("a", "One.")] }]));
    const stale = await officer.put(`/api/v1/reports/${r.id}/body`, { version: 1, body: body([]) });
    expect(stale.status).toBe(409);
    const dup = await save(
      r.id,
      body([{ id: "s1", heading: "A", blocks: [para("a", "One."), para("a", "Two.")] }]),
    );
    expect(dup.status).toBe(400);
  });

  it("versions are saved, compared paragraph by paragraph and restored as a new version, audited", async () => {
    const r = await newReport();
    await saved(
      r.id,
      body([{ id: "s1", heading: "Intro", blocks: [para("a", "Original wording."), para("b", "Kept.")] }]),
    );
    const v1 = await officer.post<{ items: { id: string; number: number }[] }>(
      `/api/v1/reports/${r.id}/versions`,
      {
        label: "Sent to the holder",
      },
    );
    expect(v1.status).toBe(200);
    const first = v1.body.items[0] as { id: string; number: number };
    expect(first.number).toBe(1);
    await saved(
      r.id,
      body(
        [{ id: "s1", heading: "Intro", blocks: [para("b", "Kept."), para("c", "Added later.")] }],
        "New summary.",
      ),
    );
    const diff = await officer.get<{
      entries: {
        change: string;
        part: string;
        id: string | null;
        before: string | null;
        after: string | null;
        numberBefore: number | null;
        numberAfter: number | null;
      }[];
      unchanged: number;
    }>(`/api/v1/reports/${r.id}/versions/compare?from=${first.id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: "changed", part: "summary", after: "New summary." }),
        expect.objectContaining({
          change: "removed",
          part: "paragraph",
          id: "a",
          numberBefore: 1,
          before: "Original wording.",
        }),
        expect.objectContaining({
          change: "added",
          part: "paragraph",
          id: "c",
          numberAfter: 2,
          after: "Added later.",
        }),
      ]),
    );
    expect(diff.body.entries.some((e) => e.id === "b")).toBe(false);

    const current = await content(r.id);
    const restored = await officer.post<Content>(`/api/v1/reports/${r.id}/versions/${first.id}/restore`, {
      version: current.version,
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.body.sections[0]?.blocks.map((b) => b.id)).toEqual(["a", "b"]);
    expect(restored.body.body.summary).toBe("Summary of the report.");
    const list = await officer.get<{
      items: { number: number; kind: string; restoredFrom: number | null }[];
    }>(`/api/v1/reports/${r.id}/versions`);
    expect(list.body.items[0]).toMatchObject({ number: 2, kind: "restored", restoredFrom: 1 });
    const rows = await auditRows(r.id, "report.restore");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_id).toBe(world.users.officer);
    // Restoring over a version someone else changed is refused.
    const stale = await officer.post(`/api/v1/reports/${r.id}/versions/${first.id}/restore`, {
      version: current.version,
    });
    expect(stale.status).toBe(409);
  });

  describe("live statistics", () => {
    let hidden: string;
    beforeAll(async () => {
      const event = await createVia<{ id: string }>(
        officer,
        "events",
        build.event(world.mandateId, { confidentiality: "internal" }),
      );
      const woman = await createVia<{ id: string }>(
        officer,
        "persons",
        build.person(world.mandateId, { sex: female, confidentiality: "internal" }),
      );
      const man = await createVia<{ id: string }>(
        officer,
        "persons",
        build.person(world.mandateId, { sex: male, confidentiality: "internal" }),
      );
      const act = (victimId: string, year: string, o: Body = {}) =>
        createVia<{ id: string }>(
          officer,
          "acts",
          build.act(world.mandateId, event.id, {
            actType: refoulement,
            victimId,
            actDate: { value: year, precision: "year" },
            confidentiality: "internal",
            ...o,
          }),
        );
      for (let i = 0; i < 5; i++) await act(woman.id, "2016");
      await act(man.id, "2016");
      for (let i = 0; i < 3; i++) await act(woman.id, "2017");
      hidden = (await act(woman.id, "2017", { confidentiality: "strictly_confidential" })).id;
    });

    interface Table {
      columns: string[];
      rows: { label: string; counts: number[] }[];
      note: string;
      computedBy: string;
    }
    const tableOf = (c: Content, id: string) =>
      (c.body.sections[0]?.blocks.find((b) => b.id === id) as { table?: Table | null } | undefined)?.table;

    it("a statistic is computed from the coded acts with its filters stated under it, over what the one refreshing may read", async () => {
      const r = await newReport({}, analyst);
      const c = await saved(
        r.id,
        body([{ id: "s1", heading: "Returns", blocks: [statistic("t1")] }]),
        analyst,
      );
      const table = tableOf(c, "t1");
      expect(table?.columns).toEqual(["Year", "Female", "Male", "Total"]);
      expect(table?.rows).toEqual([
        { label: "2016", counts: [5, 1, 6] },
        { label: "2017", counts: [3, 0, 3] },
      ]);
      expect(table?.note).toContain("Refoulement");
      expect(table?.note).toContain("from 2014");
      expect(table?.computedBy).toBe(world.users.analyst);

      // The holder refreshing counts the strictly confidential act the analyst could not see.
      const r2 = await newReport({}, holder);
      await saved(r2.id, body([{ id: "s1", heading: "Returns", blocks: [statistic("t1")] }]), holder);
      const refreshed = await holder.post<Content>(`/api/v1/reports/${r2.id}/statistics/refresh`, {
        blockId: "t1",
      });
      expect(refreshed.status).toBe(200);
      expect(tableOf(refreshed.body, "t1")?.rows[1]).toEqual({ label: "2017", counts: [4, 0, 4] });
      expect(hidden).toBeTruthy();
      expect(await auditRows(r2.id, "report.refresh")).toHaveLength(1);
    });

    it("a table sent by the client is ignored: the server's counts stand", async () => {
      const r = await newReport();
      const forged = {
        ...statistic("t1"),
        table: {
          columns: ["Year", "Acts"],
          rows: [{ label: "2016", counts: [999] }],
          total: 999,
          undated: 0,
          note: "",
          computedAt: "2020-01-01T00:00:00Z",
          computedBy: null,
        },
      };
      const c = await saved(r.id, body([{ id: "s1", heading: "Returns", blocks: [forged] }]));
      expect(tableOf(c, "t1")?.rows.flatMap((x) => x.counts)).not.toContain(999);
    });

    it("a cell of 1 or 2 is a publication problem until the mandate holder overrides it with a reason, audited", async () => {
      const r = await newReport();
      await saved(r.id, body([{ id: "s1", heading: "Returns", blocks: [statistic("t1")] }]));
      const before = await check(r.id);
      const small = before.problems.find((p) => p.rule === "small_cell");
      expect(small).toMatchObject({ blockId: "t1", count: 1, override: null });
      expect(small?.link).toBe(`/app/reports/${r.id}#block-t1`);
      expect(before.canOverride).toBe(true);

      const byOfficer = await officer.post(`/api/v1/reports/${r.id}/overrides`, {
        key: small?.key,
        reason: "Aggregated enough",
      });
      expect(byOfficer.status).toBe(403);
      expect((await check(r.id, officer)).canOverride).toBe(false);
      const res = await holder.post<Check>(`/api/v1/reports/${r.id}/overrides`, {
        key: small?.key,
        reason: "One man among six: published figures already",
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.problems.find((p) => p.key === small?.key)?.override).toMatchObject({
        reason: "One man among six: published figures already",
        by: "mandate_holder",
      });
      const rows = await auditRows(r.id, "report.override");
      expect(rows.map((x) => [x.actor_id, x.fields])).toEqual([
        [world.users.mandate_holder, '["small_cell"]'],
      ]);
      const unknown = await holder.post(`/api/v1/reports/${r.id}/overrides`, {
        key: "consent:nothing",
        reason: "No such problem",
      });
      expect(unknown.status).toBe(400);

      // With the cells split differently (no split), nothing is small any more: the problem is fixed.
      await saved(r.id, body([{ id: "s1", heading: "Returns", blocks: [statistic("t1", { by: "none" })] }]));
      expect((await check(r.id)).problems.filter((p) => p.rule === "small_cell")).toEqual([]);
    });
  });

  describe("quotations by reference", () => {
    const summary =
      "She was returned in 2016. The guards searched every woman on arrival. Nobody was told why.";
    const start = summary.indexOf("The guards");
    const end = summary.indexOf("Nobody") - 1;

    it("the text of a quotation is read from its source at the place it points to, and a changed source shows", async () => {
      const src = await source({ summary, consentScope: "anonymised_public" });
      const r = await newReport();
      const c = await saved(
        r.id,
        body([{ id: "s1", heading: "Returns", blocks: [quote("q1", src.id, start, end)] }]),
      );
      expect(c.quotations.q1).toEqual({
        readable: true,
        text: "The guards searched every woman on arrival.",
        changed: false,
        source: expect.objectContaining({ id: src.id, consentScope: "anonymised_public" }),
      });
      const block = c.body.sections[0]?.blocks[0] as { excerptHash: string };
      expect(block.excerptHash).toMatch(/^[0-9a-f]{16}$/);

      const s = await officer.get<{ version: number }>(`/api/v1/sources/${src.id}`);
      await officer.patch(`/api/v1/sources/${src.id}`, {
        version: s.body.version,
        summary: `Edited. ${summary}`,
      });
      const after = await content(r.id);
      expect(after.quotations.q1?.changed).toBe(true);
      expect((await check(r.id)).problems.map((p) => p.rule)).toContain("source_changed");
    });

    it("a quotation beyond the source's text is refused naming the block", async () => {
      const src = await source({ summary });
      const r = await newReport();
      const res = await save(
        r.id,
        body([{ id: "s1", heading: "", blocks: [quote("q1", src.id, 10, summary.length + 5)] }]),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: { fields: { "body.sections.0.blocks.0.end": { code: "field.invalid" } } },
      });
    });

    it("an analyst cannot quote a strictly confidential source, nor learn that it exists", async () => {
      const secret = await source({ summary, confidentiality: "strictly_confidential" });
      const r = await newReport({}, analyst);
      const res = await save(
        r.id,
        body([{ id: "s1", heading: "", blocks: [quote("q1", secret.id, start, end)] }]),
        analyst,
      );
      const missing = await save(
        r.id,
        body([{ id: "s1", heading: "", blocks: [quote("q1", uuidv7(), start, end)] }]),
        analyst,
      );
      expect(res.status).toBe(400);
      expect(res.body).toEqual(missing.body);
      expect(res.body).toMatchObject({
        error: { fields: { "body.sections.0.blocks.0.sourceId": { code: "field.unknown_reference" } } },
      });

      // The officer quotes it; the analyst then sees the report but not the quotation's words or source.
      const shared = await newReport();
      await saved(
        shared.id,
        body([{ id: "s1", heading: "", blocks: [quote("q1", secret.id, start, end), para("p", "Text.")] }]),
      );
      const seen = await content(shared.id, analyst);
      expect(seen.quotations.q1).toEqual({ readable: false, text: null, changed: false, source: null });
      expect(JSON.stringify(seen)).not.toContain("The guards");
      // Saving the report without touching the quotation keeps it.
      const kept = await saved(shared.id, { ...seen.body, summary: "Changed by the analyst." }, analyst);
      expect(kept.body.sections[0]?.blocks[0]).toMatchObject({ sourceId: secret.id, start, end });
      const docx = await analyst.get(`/api/v1/reports/${shared.id}/export.docx`);
      expect(docx.status).toBe(200);
      expect(await docxText(docx.raw.rawPayload)).not.toContain("The guards");
    });
  });

  describe("the publication check", () => {
    it("a quotation needs its source's consent: internal never, an attributed one needs attributed public use", async () => {
      const internal = await source({ summary: "Words kept internal.", consentScope: "internal" });
      const anonymised = await source({
        summary: "Words for anonymised use.",
        consentScope: "anonymised_public",
      });
      const attributed = await source({
        summary: "Words for attributed use.",
        consentScope: "attributed_public",
      });
      const r = await newReport();
      await saved(
        r.id,
        body([
          {
            id: "s1",
            heading: "Quotes",
            blocks: [
              quote("q-internal", internal.id, 0, 5),
              quote("q-anon", anonymised.id, 0, 5),
              quote("q-anon-named", anonymised.id, 0, 5, { attributed: true }),
              quote("q-named", attributed.id, 0, 5, { attributed: true }),
            ],
          },
        ]),
      );
      const consent = (await check(r.id)).problems.filter((p) => p.rule === "consent");
      expect(consent.map((p) => p.blockId).sort()).toEqual(["q-anon-named", "q-internal"]);
      expect(consent.find((p) => p.blockId === "q-internal")?.sourceId).toBe(internal.id);
    });

    it("a quoted source above internal is a problem", async () => {
      const confidential = await source({
        summary: "Confidential words.",
        consentScope: "attributed_public",
        confidentiality: "confidential",
      });
      const r = await newReport();
      await saved(r.id, body([{ id: "s1", heading: "", blocks: [quote("q1", confidential.id, 0, 5)] }]));
      expect((await check(r.id)).problems.map((p) => [p.rule, p.blockId])).toEqual([
        ["confidential_record", "q1"],
      ]);
    });

    it("identifying data of a person in the text is found, named by paragraph and person code, never by its value", async () => {
      const person = await createVia<{ id: string; code: string }>(
        holder,
        "persons",
        build.person(world.mandateId, { confidentiality: "strictly_confidential" }),
      );
      const legalName = "Ri Sun-hui";
      const phone = "+82 10-7319-8642";
      expect(
        (
          await holder.put(`/api/v1/persons/${person.id}/identity`, {
            legalName,
            contacts: [{ kind: "phone", value: phone }],
          })
        ).status,
      ).toBe(200);
      const r = await newReport();
      await saved(
        r.id,
        body([
          {
            id: "s1",
            heading: "Detention",
            blocks: [
              para("p1", "No names here."),
              para("p2", "According to RI SUN-HUI, she was held for weeks.", [
                { id: "n1", text: "Reached at 010 7319 8642? No: at 821073198642." },
              ]),
            ],
          },
        ]),
      );
      const res = await holder.get<Check>(`/api/v1/reports/${r.id}/publication-check`);
      expect(res.raw.body).not.toContain("Sun-hui");
      expect(res.raw.body).not.toContain("7319-8642");
      expect(res.raw.body).not.toContain("73198642");
      const found = res.body.problems.filter((p) => p.rule === "identifying_data");
      expect(found.map((p) => [p.part, p.paragraph, p.personCode, p.identityKind]).sort()).toEqual([
        ["footnote", 2, person.code, "contact"],
        ["paragraph", 2, person.code, "legal_name"],
      ]);
      // An officer who may not read that person learns where the problem is, not whose data it is.
      const restricted = await createVia<{ id: string; code: string }>(
        holder,
        "persons",
        build.person(world.mandateId, { restrictedTo: [world.users.mandate_holder] }),
      );
      await holder.put(`/api/v1/persons/${restricted.id}/identity`, { aliases: ["Kang Myong-chol"] });
      await saved(
        r.id,
        body([{ id: "s1", heading: "", blocks: [para("p1", "Kang Myong-chol spoke to us.")] }]),
      );
      const seen = await check(r.id, officer);
      expect(seen.problems).toEqual([
        expect.objectContaining({ rule: "identifying_data", paragraph: 1, personCode: null }),
      ]);
      expect(JSON.stringify(seen)).not.toContain(restricted.code);
      expect(JSON.stringify(await auditRows(r.id, "report.publication_check"))).not.toContain("Kang");
    });

    it("the pseudonym of a witness whose interview is at high risk of reprisal is a problem; a low-risk one is not", async () => {
      const high = await createVia<{ id: string; code: string }>(
        officer,
        "persons",
        build.person(world.mandateId),
      );
      const low = await createVia<{ id: string; code: string }>(
        officer,
        "persons",
        build.person(world.mandateId),
      );
      await source({ intervieweeId: high.id, reprisalRisk: "high", consentScope: "internal" });
      await source({ intervieweeId: low.id, reprisalRisk: "low" });
      const r = await newReport();
      await saved(
        r.id,
        body([
          {
            id: "s1",
            heading: "",
            blocks: [para("p1", `${low.code} and ${high.code}'s sister were returned.`)],
          },
        ]),
      );
      const problems = (await check(r.id)).problems;
      expect(problems).toEqual([
        expect.objectContaining({ rule: "reprisal_risk", paragraph: 1, personCode: high.code }),
      ]);
    });

    it("a public export is refused with every open problem; fixed or overridden, it is made and audited; a staff copy of a draft is allowed to readers", async () => {
      const ok = await source({
        summary: "Women were searched on arrival.",
        consentScope: "anonymised_public",
      });
      const bad = await source({ summary: "Words kept internal.", consentScope: "internal" });
      const r = await newReport({ symbol: "A/72/500" });
      await saved(
        r.id,
        body([
          {
            id: "s1",
            heading: "Returns",
            blocks: [para("p1", "Opening paragraph."), quote("q1", bad.id, 0, 5)],
          },
        ]),
      );
      await createVia(
        officer,
        "recommendations",
        build.recommendation(world.mandateId, {
          sourceBody: "this_mandate",
          reportId: r.id,
          addresseeCountry: "CHN",
          recommendingState: null,
          response: null,
          text: "Respect the principle of non-refoulement.",
        }),
      );

      const refused = await officer.get(`/api/v1/reports/${r.id}/export.docx?public=1`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: { code: "reports.publication_blocked" } });
      const fields = (refused.body as { error: { fields: Record<string, { code: string }> } }).error.fields;
      expect(Object.values(fields).map((f) => f.code)).toEqual(["reports.problem.consent"]);
      expect((await readonly.get(`/api/v1/reports/${r.id}/export.pdf?public=1`)).status).toBe(403);

      // A staff copy of the draft: for any reader, marked internal, audited.
      const staff = await readonly.get(`/api/v1/reports/${r.id}/export.docx`);
      expect(staff.status).toBe(200);
      expect(String(staff.headers["content-disposition"])).toContain("A-72-500-internal.docx");
      expect((await auditRows(r.id, "report.export")).map((x) => [x.actor_id, x.fields])).toEqual([
        [world.users.readonly, '["docx","internal"]'],
      ]);

      // Fixed: the quotation now comes from a source that allows it.
      await saved(
        r.id,
        body([
          {
            id: "s1",
            heading: "Returns",
            blocks: [para("p1", "Opening paragraph."), quote("q1", ok.id, 0, 31)],
          },
        ]),
      );
      expect((await check(r.id)).blocking).toBe(0);
      const docx = await officer.get(`/api/v1/reports/${r.id}/export.docx?public=1`);
      expect(docx.status, JSON.stringify(docx.body)).toBe(200);
      const xml = await docxText(docx.raw.rawPayload);
      expect(xml).toContain("A/72/500");
      expect(xml).toContain("Opening paragraph.");
      expect(xml).toContain("Women were searched on arrival.");
      expect(xml).toContain("Respect the principle of non-refoulement.");
      for (const format of ["pdf", "html"]) {
        const res = await officer.get(`/api/v1/reports/${r.id}/export.${format}?public=1`);
        expect(res.status, format).toBe(200);
      }
      expect((await auditRows(r.id, "report.export")).map((x) => x.fields)).toContain('["docx","public"]');
    });
  });

  describe("lifecycle and access", () => {
    it("the analyst submits, only the holder finalises (statistics frozen into a version) and publishes once the check is clean", async () => {
      const r = await newReport({}, analyst);
      await saved(
        r.id,
        body([
          {
            id: "s1",
            heading: "Intro",
            blocks: [para("p1", "Text."), statistic("t1", { by: "none", period: "none" })],
          },
        ]),
        analyst,
      );
      const move = (as: ApiClient, action: string) =>
        as.post<{ status: string }>(`/api/v1/reports/${r.id}/transitions`, { action });
      expect((await move(analyst, "submit")).body.status).toBe("review");
      expect((await move(analyst, "finalise")).status).toBe(403);
      expect((await move(holder, "publish")).status).toBe(409);
      const final = await move(holder, "finalise");
      expect(final.body.status).toBe("final");
      const versions = await holder.get<{ items: { kind: string; status: string }[] }>(
        `/api/v1/reports/${r.id}/versions`,
      );
      expect(versions.body.items[0]).toMatchObject({ kind: "finalised", status: "final" });
      const frozen = await content(r.id, holder);
      expect(
        (frozen.body.sections[0]?.blocks[1] as { table?: { computedBy: string } } | undefined)?.table
          ?.computedBy,
      ).toBe(world.users.mandate_holder);
      // A final report's text and metadata are fixed.
      expect((await save(r.id, body([]), holder)).status).toBe(409);
      const patch = await holder.patch(`/api/v1/reports/${r.id}`, { title: "Another title" });
      expect(patch.body).toMatchObject({ error: { fields: { title: { code: "reports.metadata_locked" } } } });
      const published = await move(holder, "publish");
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      expect(published.body).toMatchObject({
        status: "published",
        publishedOn: new Date().toISOString().slice(0, 10),
      });
      expect((await auditRows(r.id, "report.publish")).length).toBe(1);
    });

    it("once published, a report is found by a search of public material, and by those who could not read it before", async () => {
      type Found = { total: number; items: { id: string; confidentiality: string }[] };
      const find = (as: ApiClient, more = "") =>
        as.get<Found>(`/api/v1/search?mandateId=${world.mandateId}&q=ternword${more}`);
      const r = await newReport(
        { title: "Sealed ternword report", confidentiality: "strictly_confidential" },
        holder,
      );
      await saved(r.id, body([{ id: "s1", heading: "Findings", blocks: [para("p1", "Findings.")] }]), holder);
      expect((await find(analyst)).body.total).toBe(0);
      expect((await find(holder, "&confidentiality=public")).body.total).toBe(0);
      for (const action of ["submit", "finalise", "publish"]) {
        const moved = await holder.post(`/api/v1/reports/${r.id}/transitions`, { action });
        expect(moved.status, `${action}: ${JSON.stringify(moved.body)}`).toBe(200);
      }
      const publicOnly = await find(holder, "&confidentiality=public");
      expect(publicOnly.body.items).toEqual([
        expect.objectContaining({ id: r.id, confidentiality: "public" }),
      ]);
      expect((await find(analyst)).body.items.map((i) => i.id)).toEqual([r.id]);
    });

    it("a strictly confidential report is not found for an analyst, exactly like a report that does not exist", async () => {
      const r = await newReport({ confidentiality: "strictly_confidential" }, holder);
      const missing = uuidv7();
      for (const path of ["content", "publication-check", "versions", "export.docx", "actions"]) {
        const hidden = await analyst.get(`/api/v1/reports/${r.id}/${path}`);
        const none = await analyst.get(`/api/v1/reports/${missing}/${path}`);
        expect(hidden.status, path).toBe(404);
        expect(hidden.body, path).toEqual(none.body);
        expect(hidden.body).toMatchObject({ error: { code: "reports.not_found" } });
      }
      const put = await analyst.put(`/api/v1/reports/${r.id}/body`, { version: 1, body: body([]) });
      expect(put.status).toBe(404);
      expect((await analyst.post(`/api/v1/reports/${r.id}/versions`, {})).status).toBe(404);
    });

    it("a readonly member reads a report but cannot change it", async () => {
      const r = await newReport();
      expect((await readonly.get(`/api/v1/reports/${r.id}/content`)).status).toBe(200);
      expect(
        (await readonly.put(`/api/v1/reports/${r.id}/body`, { version: 1, body: body([]) })).status,
      ).toBe(403);
      expect((await readonly.post(`/api/v1/reports/${r.id}/versions`, {})).status).toBe(403);
    });
  });
});
