import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface Recommendation {
  id: string;
  status: string;
  statusOn: string | null;
}

describe.each(dialects)("the recommendations registry on %s", (dialect) => {
  let world: World;
  const upr = (o: Record<string, unknown> = {}) => ({
    mandateId: world.mandateId,
    sourceBody: "upr",
    addresseeKind: "state",
    addresseeCountry: "PRK",
    recommendingState: "KOR",
    response: "noted",
    session: "UPR 33rd session",
    theme: "Enforced disappearance",
    text: "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance.",
    issuedOn: "2019-05-09",
    ...o,
  });
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("a recommendation's status follows its dated follow-ups, each with evidence and links", async () => {
    const officer = await world.as("officer");
    const r = await createVia<Recommendation>(officer, "recommendations", upr());
    expect(r.status).toBe("no_information");
    const followUp = (status: string, assessedOn: string, links: string[] = []) =>
      createVia(officer, "recommendation-follow-ups", {
        mandateId: world.mandateId,
        recommendationId: r.id,
        status,
        assessedOn,
        evidence: `Assessment of ${assessedOn}.`,
        links,
      });
    await followUp("not_implemented", "2020-01-15");
    await followUp("partially_implemented", "2022-06-30", ["https://www.ohchr.org/en/hr-bodies/upr"]);
    // Recorded late, dated earlier: the latest assessment by date wins.
    await followUp("not_implemented", "2021-03-01");
    const after = await officer.get<Recommendation>(`/api/v1/recommendations/${r.id}`);
    expect(after.body).toMatchObject({ status: "partially_implemented", statusOn: "2022-06-30" });
    const typed = await officer.patch(`/api/v1/recommendations/${r.id}`, { status: "implemented" });
    expect(typed.status).toBe(400);
    const badLink = await officer.post<{ error: { fields: Record<string, unknown> } }>(
      "/api/v1/recommendation-follow-ups",
      {
        mandateId: world.mandateId,
        recommendationId: r.id,
        status: "implemented",
        assessedOn: "2023-01-01",
        links: ["javascript:alert(1)"],
      },
    );
    expect(Object.keys(badLink.body.error.fields)).toEqual(["links"]);
  });

  it("a recommendation to a state names the state; to another actor, its name", async () => {
    const officer = await world.as("officer");
    const res = await officer.post<{ error: { fields: Record<string, unknown> } }>(
      "/api/v1/recommendations",
      upr({ addresseeKind: "international_community", addresseeCountry: null }),
    );
    expect(Object.keys(res.body.error.fields)).toEqual(["addresseeName"]);
  });

  it("the registry filters by source body, addressee, theme and status", async () => {
    const officer = await world.as("officer");
    const own = await createVia<Recommendation>(officer, "recommendations", {
      mandateId: world.mandateId,
      sourceBody: "this_mandate",
      addresseeKind: "state",
      addresseeCountry: "CHN",
      theme: "Non-refoulement",
      paragraph: "74 (a)",
      text: "Respect the principle of non-refoulement.",
    });
    const ids = async (q: string) =>
      (
        await officer.get<{ items: { id: string }[] }>(
          `/api/v1/recommendations?mandateId=${world.mandateId}&${q}`,
        )
      ).body.items.map((i) => i.id);
    expect(await ids("sourceBody=this_mandate")).toEqual([own.id]);
    expect(await ids("addresseeCountry=CHN&theme=Non-refoulement")).toEqual([own.id]);
    expect(await ids("status=no_information")).toContain(own.id);
    expect(await ids("status=partially_implemented")).not.toContain(own.id);
  });

  it("the registry exports as CSV and XLSX with its follow-up history, by roles that export, audited", async () => {
    const officer = await world.as("officer");
    await createVia(
      officer,
      "recommendations",
      upr({ text: '=HYPERLINK("http://evil")', theme: "Formula", confidentiality: "strictly_confidential" }),
    );
    const csv = await officer.get(
      `/api/v1/recommendations/export.csv?mandateId=${world.mandateId}&sourceBody=upr`,
    );
    expect(csv.status).toBe(200);
    const lines = csv.raw.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Source,Session,Paragraph,Addressee,Addressee name,Theme,Recommendation,Recommending state,Response,Issued on,Status,Status on,Follow-up",
    );
    expect(csv.raw.body).toContain(
      "2020-01-15 not_implemented; 2021-03-01 not_implemented; 2022-06-30 partially_implemented",
    );
    expect(csv.raw.body).toContain("'=HYPERLINK");
    expect(csv.raw.body).not.toContain("this_mandate");

    const xlsx = await officer.get(
      `/api/v1/recommendations/export.xlsx?mandateId=${world.mandateId}&lang=ko&theme=Enforced%20disappearance`,
    );
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("권고");
    expect(sheet?.getRow(1).getCell(7).value).toBe("권고");
    expect(sheet?.getRow(2).getCell(11).value).toBe("partially_implemented");

    // The analyst does not get what she may not read; a read-only member gets nothing.
    const analyst = await world.as("analyst");
    const hers = await analyst.get(`/api/v1/recommendations/export.csv?mandateId=${world.mandateId}`);
    expect(hers.raw.body).not.toContain("HYPERLINK");
    const reader = await world.as("readonly");
    expect((await reader.get(`/api/v1/recommendations/export.csv?mandateId=${world.mandateId}`)).status).toBe(
      403,
    );
    const audit = await world.deps.db
      .selectFrom("audit_log")
      .select("actor_id")
      .where("action", "=", "export")
      .where("record_type", "=", "recommendation")
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual(
      expect.arrayContaining([world.users.officer, world.users.analyst]),
    );
  });
});
