import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface Hit {
  id: string;
  recordType: string;
  title: string;
  snippet: { text: string; marks: [number, number][] } | null;
}
interface Facet {
  value: string;
  count: number;
  total?: number;
}
interface Result {
  total: number;
  items: Hit[];
  facets: Record<string, Facet[]>;
}

const arbitraryDetention = "030102000000";
const detentionBroad = "030100000000";
const raid = "040101000000";
const female = "020000000000";
const male = "010000000000";

describe.each(dialects)("search on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;
  let hoeryong: string;
  let northHamgyong: string;
  const ids = {} as Record<
    "ko" | "en" | "secret" | "restricted" | "woman" | "man" | "event" | "act1" | "act2" | "act3",
    string
  >;

  const find = async (client: ApiClient, params: Record<string, string>) => {
    const qs = new URLSearchParams({ mandateId: world.mandateId, ...params });
    const res = await client.get<Result>(`/api/v1/search?${qs}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const idsOf = (r: Result) => r.items.map((i) => i.id);
  const count = (r: Result, facet: string, value: string) =>
    r.facets[facet]?.find((f) => f.value === value)?.count ?? 0;

  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
    const places = await officer.get<{ items: { id: string; parentId: string | null }[] }>(
      "/api/v1/places?q=Hoeryong",
    );
    hoeryong = places.body.items[0]?.id ?? "";
    northHamgyong = places.body.items[0]?.parentId ?? "";
    const m = world.mandateId;
    ids.ko = (
      await createVia(
        officer,
        "sources",
        build.source(m, {
          title: "온성 면담",
          summary: "증인은 2016년 구금시설에서 석 달을 보냈다.",
          transcript:
            "중국에서 체포되어 강제송환된 뒤 보위부 조사를 받았다. Later detained again in Hoeryong.",
        }),
      )
    ).id;
    ids.en = (
      await createVia(
        officer,
        "sources",
        build.source(m, { title: "Interview in Seoul", summary: "She was detained by border guards twice." }),
      )
    ).id;
    ids.secret = (
      await createVia(
        officer,
        "sources",
        build.source(m, {
          title: "Protected account",
          summary: "Detained at the prison camp; the zebracanary detail identifies the witness.",
          confidentiality: "strictly_confidential",
        }),
      )
    ).id;
    ids.restricted = (
      await createVia(
        officer,
        "sources",
        build.source(m, {
          title: "Restricted account",
          summary: "Detained; only the officer may read this quailcanary account.",
          confidentiality: "internal",
          restrictedTo: [world.users.officer],
        }),
      )
    ).id;
    const woman = await createVia(officer, "persons", build.person(m, { sex: female }));
    const man = await createVia(officer, "persons", build.person(m, { sex: male }));
    ids.woman = woman.id;
    ids.man = man.id;
    const event = await createVia(
      officer,
      "events",
      build.event(m, { title: "Forced return at Hoeryong", placeId: hoeryong }),
    );
    ids.event = event.id;
    const act = (o: Record<string, unknown>) => createVia(officer, "acts", build.act(m, event.id, o));
    ids.act1 = (await act({ victimId: woman.id, actDate: { value: "2016-05", precision: "month" } })).id;
    ids.act2 = (await act({ victimId: man.id, actDate: { value: "2017", precision: "year" } })).id;
    ids.act3 = (
      await act({
        victimId: woman.id,
        actType: raid,
        actDate: { value: "2015", precision: "year" },
        confidentiality: "strictly_confidential",
      })
    ).id;
    await createVia(officer, "involvements", build.involvement(m, ids.act1));
  });
  afterAll(async () => world?.close());

  it("a two-syllable Korean word finds it inside longer words with particles, highlighted", async () => {
    const r = await find(officer, { q: "구금" });
    expect(idsOf(r)).toContain(ids.ko);
    const hit = r.items.find((i) => i.id === ids.ko);
    const [a, b] = hit?.snippet?.marks[0] ?? [0, 0];
    expect(hit?.snippet?.text.slice(a, b)).toBe("구금");
  });

  it("a Korean compound finds its inflected form, and a mixed-language text is found by either language", async () => {
    expect(idsOf(await find(officer, { q: "강제송환" }))).toEqual([ids.ko]);
    expect(idsOf(await find(officer, { q: "보위부 detained" }))).toEqual([ids.ko]);
    expect(idsOf(await find(officer, { q: "송환 체포" }))).toEqual([ids.ko]);
    expect(idsOf(await find(officer, { q: "구금소" }))).toEqual([]);
  });

  it("an English word finds its other forms", async () => {
    const r = await find(officer, { q: "detain", type: "source" });
    expect(idsOf(r)).toEqual(expect.arrayContaining([ids.en, ids.ko, ids.secret, ids.restricted]));
    const hit = r.items.find((i) => i.id === ids.en);
    const [a, b] = hit?.snippet?.marks[0] ?? [0, 0];
    expect(hit?.snippet?.text.slice(a, b)).toBe("detained");
  });

  it("acts carry facets: type rolled up to its broader type, province and county, year, victim's sex, perpetrator", async () => {
    const r = await find(officer, { type: "act" });
    expect(r.total).toBe(3);
    const broad = r.facets.actType?.find((f) => f.value === detentionBroad);
    expect(broad).toMatchObject({ count: 0, total: 2 });
    expect(count(r, "actType", arbitraryDetention)).toBe(2);
    expect(count(r, "province", northHamgyong)).toBe(3);
    expect(count(r, "county", hoeryong)).toBe(3);
    expect(count(r, "victimSex", female)).toBe(2);
    expect(count(r, "year", "2016")).toBe(1);
    expect(count(r, "perpetratorType", "010104000000")).toBe(1);
    const label = r.facets.county?.find((f) => f.value === hoeryong) as unknown as { label: { ko: string } };
    expect(label.label.ko).toBe("회령시");
  });

  it("filters combine: a broad act type finds its narrower types, with sex, place and dates", async () => {
    const detention = await find(officer, { type: "act", actType: detentionBroad });
    expect(idsOf(detention).sort()).toEqual([ids.act1, ids.act2].sort());
    const women = await find(officer, { type: "act", actType: detentionBroad, victimSex: female });
    expect(idsOf(women)).toEqual([ids.act1]);
    const inRange = await find(officer, { type: "act", dateFrom: "2016", dateTo: "2016-12" });
    expect(idsOf(inRange)).toEqual([ids.act1]);
    const inPlace = await find(officer, {
      type: "act",
      place: northHamgyong,
      perpetratorType: "010104000000",
    });
    expect(idsOf(inPlace)).toEqual([ids.act1]);
  });

  it("results never include, count or highlight what the caller may not read", async () => {
    const analyst = await world.as("analyst");
    const readonly = await world.as("readonly");
    const holder = await world.as("mandate_holder");
    const outsider = await world.as("outsider");
    const forOfficer = await find(officer, { q: "detained" });
    const forAnalyst = await find(analyst, { q: "detained" });
    expect(idsOf(forOfficer)).toEqual(expect.arrayContaining([ids.secret, ids.restricted]));
    expect(idsOf(forAnalyst)).not.toContain(ids.secret);
    expect(idsOf(forAnalyst)).not.toContain(ids.restricted);
    expect(forOfficer.total - forAnalyst.total).toBe(2);
    expect(count(forOfficer, "confidentiality", "strictly_confidential")).toBe(1);
    expect(count(forAnalyst, "confidentiality", "strictly_confidential")).toBe(0);
    for (const client of [analyst, readonly, holder, outsider]) {
      expect((await find(client, { q: "quailcanary" })).total).toBe(0);
    }
    for (const client of [analyst, readonly, outsider]) {
      const r = await find(client, { q: "zebracanary" });
      expect(r.total).toBe(0);
      expect(JSON.stringify(r)).not.toContain("zebracanary");
    }
    expect((await find(holder, { q: "zebracanary" })).total).toBe(1);
    const acts = await find(readonly, { type: "act" });
    expect(acts.total).toBe(2);
    expect(count(acts, "actType", raid)).toBe(0);
    expect(count(acts, "victimSex", female)).toBe(1);
    expect((await find(outsider, { type: "act" })).total).toBe(0);
  });

  it("a change to a record shows in the index at once: a victim's sex, a new perpetrator", async () => {
    const current = await officer.get<{ version: number }>(`/api/v1/persons/${ids.man}`);
    await officer.patch(`/api/v1/persons/${ids.man}`, { sex: female, version: current.body.version });
    const women = await find(officer, { type: "act", victimSex: female, actType: detentionBroad });
    expect(idsOf(women).sort()).toEqual([ids.act1, ids.act2].sort());
    await createVia(officer, "involvements", build.involvement(world.mandateId, ids.act2));
    const r = await find(officer, { type: "act", perpetratorType: "010104000000" });
    expect(idsOf(r).sort()).toEqual([ids.act1, ids.act2].sort());
  });

  it("identifying data is never indexed", async () => {
    const person = await createVia(officer, "persons", build.person(world.mandateId));
    await officer.put(`/api/v1/persons/${person.id}/identity`, {
      legalName: "Pak Ostrichcanary",
      aliases: [],
      contacts: [],
      idNumbers: [],
    });
    expect((await find(officer, { q: "ostrichcanary" })).total).toBe(0);
  });

  it("a bad filter is refused naming the field, in the caller's language", async () => {
    type Refusal = { error: { fields: Record<string, { message: string }> } };
    const res = await officer.get<Refusal>(
      `/api/v1/search?mandateId=${world.mandateId}&type=cases&dateFrom=2016-13-99`,
      { "accept-language": "ko" },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain("dateFrom");
    const types = await officer.get<Refusal>(`/api/v1/search?mandateId=${world.mandateId}&type=cases`, {
      "accept-language": "ko",
    });
    expect(types.status).toBe(400);
    expect(types.body.error.fields.type?.message).toMatch(/다음 중 하나/);
  });

  it("roles that export get the results as CSV, audited; read-only users are refused", async () => {
    const analyst = await world.as("analyst");
    const res = await analyst.get<string>(`/api/v1/search/export.csv?mandateId=${world.mandateId}&type=act`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = String(res.body).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(String(res.body)).not.toContain(ids.act3);
    const readonly = await world.as("readonly");
    expect((await readonly.get(`/api/v1/search/export.csv?mandateId=${world.mandateId}`)).status).toBe(403);
    const holder = await world.as("mandate_holder");
    const audit = await holder.get<{ items: { action: string; actorId: string }[] }>(
      `/api/v1/audit?mandateId=${world.mandateId}`,
    );
    expect(audit.body.items.some((a) => a.action === "export" && a.actorId === world.users.analyst)).toBe(
      true,
    );
  });

  it("a user saves a search, finds it again, and nobody else sees or deletes it", async () => {
    const saved = await officer.post<{ id: string }>("/api/v1/saved-searches", {
      mandateId: world.mandateId,
      name: "Detention of women",
      query: `type=act&actType=${detentionBroad}&victimSex=${female}`,
    });
    expect(saved.status).toBe(201);
    const mine = await officer.get<{ items: { name: string }[] }>(
      `/api/v1/saved-searches?mandateId=${world.mandateId}`,
    );
    expect(mine.body.items.map((s) => s.name)).toContain("Detention of women");
    const analyst = await world.as("analyst");
    const theirs = await analyst.get<{ items: unknown[] }>(
      `/api/v1/saved-searches?mandateId=${world.mandateId}`,
    );
    expect(theirs.body.items).toHaveLength(0);
    expect((await analyst.request("DELETE", `/api/v1/saved-searches/${saved.body.id}`)).status).toBe(404);
    expect((await officer.request("DELETE", `/api/v1/saved-searches/${saved.body.id}`)).status).toBe(204);
  });

  it("the dashboard counts acts per period and type, over what the caller may read, with the search's filters", async () => {
    type Series = { key: string | null; total: number; counts: number[]; label?: Record<string, string> };
    type OverTime = { periods: string[]; series: Series[]; total: number; undated: number };
    const url = (params: string) => `/api/v1/analytics/acts-over-time?mandateId=${world.mandateId}&${params}`;
    const byType = await officer.get<OverTime>(url("period=year&by=actType"));
    expect(byType.status).toBe(200);
    expect(byType.body.periods).toEqual(["2015", "2016", "2017"]);
    expect(byType.body.series.find((s) => s.key === "030000000000")?.counts).toEqual([0, 1, 1]);
    expect(byType.body.series.find((s) => s.key === "040000000000")?.counts).toEqual([1, 0, 0]);
    const readonly = await world.as("readonly");
    const theirs = await readonly.get<OverTime>(url("period=year&by=actType"));
    expect(theirs.body.total).toBe(2);
    expect(theirs.body.series.some((s) => s.key === "040000000000")).toBe(false);
    const quarters = await officer.get<OverTime>(url("period=quarter&by=province"));
    expect(quarters.body.periods).toEqual(["2016-Q2"]);
    expect(quarters.body.undated).toBe(2);
    expect(quarters.body.series[0]?.label?.ko).toBe("함경북도");
    const filtered = await officer.get<OverTime>(url(`period=year&victimSex=${female}&dateFrom=2016`));
    expect(filtered.body.total).toBe(2);
    const places = await officer.get<{ items: { placeId: string; count: number; latitude: number }[] }>(
      `/api/v1/analytics/top-places?mandateId=${world.mandateId}&level=county`,
    );
    expect(places.body.items[0]).toMatchObject({ placeId: hoeryong, count: 3 });
    expect(places.body.items[0]?.latitude).toBeCloseTo(42.514, 2);
  });
});
