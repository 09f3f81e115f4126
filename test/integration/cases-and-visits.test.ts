import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface CaseBody {
  id: string;
  status: string;
  statusOn: string | null;
}

describe.each(dialects)("cases and country visits on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("a case's status follows its dated timeline, each step with its source", async () => {
    const officer = await world.as("officer");
    const source = await createVia(officer, "sources", build.source(world.mandateId));
    const c = await createVia<CaseBody>(
      officer,
      "cases",
      build.case(world.mandateId, { ownerId: world.users.officer }),
    );
    expect(c.status).toBe("open");
    const step = (status: string, statusOn: string) =>
      createVia(officer, "case-status-changes", {
        mandateId: world.mandateId,
        caseId: c.id,
        status,
        statusOn,
        sourceId: source.id,
      });
    await step("detained", "2017-03-02");
    await step("repatriated", "2017-04-20");
    // Recorded late, dated earlier: the timeline order is by date, not by typing order.
    await step("transferred", "2017-03-15");
    const after = await officer.get<CaseBody>(`/api/v1/cases/${c.id}`);
    expect(after.body).toMatchObject({ status: "repatriated", statusOn: "2017-04-20" });
    const timeline = await officer.get<{ items: { status: string }[] }>(
      `/api/v1/case-status-changes?caseId=${c.id}&sort=statusOn&order=desc`,
    );
    expect(timeline.body.items.map((s) => s.status)).toEqual(["repatriated", "transferred", "detained"]);
    // The status is the timeline's, not typed on the case.
    const typed = await officer.patch(`/api/v1/cases/${c.id}`, { status: "released" });
    expect(typed.status).toBe(400);
  });

  it("a case's owner must be a member of the mandate", async () => {
    const officer = await world.as("officer");
    const res = await officer.post<{ error: { fields: Record<string, unknown> } }>(
      "/api/v1/cases",
      build.case(world.mandateId, { ownerId: world.users.outsider }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["ownerId"]);
  });

  it("cases are counted by status and priority over what the caller may read", async () => {
    const officer = await world.as("officer");
    await createVia(
      officer,
      "cases",
      build.case(world.mandateId, { confidentiality: "strictly_confidential" }),
    );
    const mine = await officer.get<{ total: number; byPriority: Record<string, number> }>(
      `/api/v1/cases/statistics?mandateId=${world.mandateId}`,
    );
    const analyst = await world.as("analyst");
    const theirs = await analyst.get<{ total: number }>(
      `/api/v1/cases/statistics?mandateId=${world.mandateId}`,
    );
    expect(mine.body.total - theirs.body.total).toBe(1);
    expect(mine.body.byPriority.urgent).toBeGreaterThanOrEqual(1);
    const outsider = await world.as("outsider");
    expect((await outsider.get(`/api/v1/cases/statistics?mandateId=${world.mandateId}`)).status).toBe(404);
  });

  it("a visit request with two logged reminders is accepted and becomes a visit with meetings", async () => {
    const officer = await world.as("officer");
    const person = await createVia<{ id: string; code: string }>(
      officer,
      "persons",
      build.person(world.mandateId),
    );
    const request = await createVia<{ id: string }>(
      officer,
      "visit-requests",
      build.visitRequest(world.mandateId, { country: "MNG", firstRequestedOn: "2016-09-01" }),
    );
    const entry = (body: Record<string, unknown>) =>
      createVia(officer, "visit-request-entries", {
        mandateId: world.mandateId,
        visitRequestId: request.id,
        ...body,
      });
    await entry({ entryKind: "reminder", entryOn: "2017-01-10", note: "Note verbale" });
    await entry({ entryKind: "reminder", entryOn: "2017-05-02" });
    const missing = await officer.post<{ error: { fields: Record<string, unknown> } }>(
      "/api/v1/visit-request-entries",
      {
        mandateId: world.mandateId,
        visitRequestId: request.id,
        entryKind: "status_change",
        entryOn: "2017-06-01",
      },
    );
    expect(Object.keys(missing.body.error.fields)).toEqual(["status"]);
    await entry({ entryKind: "status_change", entryOn: "2017-06-01", status: "accepted" });
    const accepted = await officer.get<Record<string, unknown>>(`/api/v1/visit-requests/${request.id}`);
    expect(accepted.body).toMatchObject({
      status: "accepted",
      statusOn: "2017-06-01",
      reminderCount: 2,
      lastReminderOn: "2017-05-02",
    });
    const visit = await createVia<{ id: string }>(
      officer,
      "visits",
      build.visit(world.mandateId, {
        visitKind: "country_visit",
        country: "MNG",
        visitRequestId: request.id,
        startOn: "2017-10-02",
        endOn: "2017-10-06",
        reportSymbol: "A/HRC/37/56/Add.2",
      }),
    );
    const meeting = (body: Record<string, unknown>) =>
      officer.post<{ error?: { fields: Record<string, { message: string }> } }>("/api/v1/meetings", {
        mandateId: world.mandateId,
        visitId: visit.id,
        meetingOn: "2017-10-03",
        ...body,
      });
    expect(
      (
        await meeting({
          counterpartCategory: "government",
          participants: ["Vice-Minister of Foreign Affairs"],
        })
      ).status,
    ).toBe(201);
    expect(
      (await meeting({ counterpartCategory: "victims_families", participants: [person.code] })).status,
    ).toBe(201);
    const named = await meeting({ counterpartCategory: "victims_families", participants: ["Kim Young-hee"] });
    expect(named.status).toBe(400);
    expect(Object.keys(named.body.error?.fields ?? {})).toEqual(["participants"]);
    const table = await officer.get<{ items: Record<string, unknown>[] }>(
      `/api/v1/visit-requests/status-table?mandateId=${world.mandateId}`,
    );
    expect(table.status, JSON.stringify(table.body).slice(0, 500)).toBe(200);
    expect(table.body.items.find((r) => r.requestId === request.id)).toMatchObject({
      country: "MNG",
      countryName: { en: "Mongolia", ko: "몽골" },
      reminders: ["2017-01-10", "2017-05-02"],
      status: "accepted",
      visits: [
        {
          kind: "country_visit",
          startOn: "2017-10-02",
          endOn: "2017-10-06",
          reportSymbol: "A/HRC/37/56/Add.2",
        },
      ],
    });
    // A mission made without a request has its own line.
    const mission = await createVia<{ id: string }>(officer, "visits", build.visit(world.mandateId));
    const again = await officer.get<{ items: Record<string, unknown>[] }>(
      `/api/v1/visit-requests/status-table?mandateId=${world.mandateId}`,
    );
    expect(again.body.items.find((r) => r.requestId === null)).toMatchObject({
      country: "KOR",
      status: "not_requested",
      firstRequestedOn: null,
      visits: [{ id: mission.id, kind: "mission", startOn: "2017-07-17", endOn: "2017-07-21" }],
    });
    const csv = await officer.get<string>(
      `/api/v1/visit-requests/status-table.csv?mandateId=${world.mandateId}&lang=ko`,
    );
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.raw.body).toContain("몽골,MNG,2016-09-01,2017-01-10; 2017-05-02,수락");
  });

  it("a visit's report symbol and dates are checked, naming the field", async () => {
    const officer = await world.as("officer");
    const res = await officer.post<{ error: { fields: Record<string, unknown> } }>(
      "/api/v1/visits",
      build.visit(world.mandateId, { reportSymbol: "HRC 37/56", startOn: "2017-07-21", endOn: "2017-07-17" }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["endOn", "reportSymbol"]);
  });
});
