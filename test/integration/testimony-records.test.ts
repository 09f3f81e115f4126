import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

describe.each(dialects)("coding a testimony on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("an officer records a source, a person, an event, an act, a perpetrator and the link between them", async () => {
    const officer = await world.as("officer");
    const m = world.mandateId;
    const witness = await createVia(officer, "persons", build.person(m));
    const spouse = await createVia(officer, "persons", build.person(m, { sex: "010000000000" }));
    const relation = await createVia(officer, "relations", build.relation(m, witness.id, spouse.id));
    expect(relation).toMatchObject({
      personId: witness.id,
      relatedPersonId: spouse.id,
      separatedByBorder: true,
    });

    const source = await createVia(officer, "sources", build.source(m, { intervieweeId: witness.id }));
    const event = await createVia(officer, "events", build.event(m, { title: "Forced return from Tumen" }));
    const act = await createVia(officer, "acts", build.act(m, event.id, { victimId: spouse.id }));
    const inv = await createVia(officer, "involvements", build.involvement(m, act.id));
    const link = await createVia(
      officer,
      "information-links",
      build.informationLink(m, source.id, "act", act.id),
    );
    expect(inv).toMatchObject({ actId: act.id, degree: "010100000000" });
    expect(link).toMatchObject({ sourceId: source.id, targetType: "act", targetId: act.id });

    const acts = await officer.get<{ items: { id: string }[] }>(`/api/v1/acts?victimId=${spouse.id}`);
    expect(acts.body.items.map((a) => a.id)).toEqual([act.id]);
  });

  it("dates keep their precision: a month stays a month, an approximate year stays approximate", async () => {
    const officer = await world.as("officer");
    const event = await createVia(
      officer,
      "events",
      build.event(world.mandateId, { startDate: { value: "2015", precision: "approximate" } }),
    );
    expect(event.startDate).toEqual({ value: "2015", precision: "approximate" });
    const bad = await officer.post(
      "/api/v1/events",
      build.event(world.mandateId, { startDate: { value: "2016-02-30", precision: "day" } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { fields: { "startDate.value": { code: "field.invalid_date" } } },
    });
  });

  it("a retired act type cannot be chosen for a new act, and a term of another list is refused", async () => {
    const officer = await world.as("officer");
    const event = await createVia(officer, "events", build.event(world.mandateId));
    const wrongList = await officer.post(
      "/api/v1/acts",
      build.act(world.mandateId, event.id, { actType: "990000000000" }),
    );
    expect(wrongList.status).toBe(400);
    expect(wrongList.body).toMatchObject({ error: { fields: { actType: { code: "field.unknown_term" } } } });
  });

  it("a record of another mandate cannot be linked", async () => {
    const officer = await world.as("officer");
    const outsider = await world.as("outsider");
    const foreign = await createVia(outsider, "persons", build.person(world.otherMandateId));
    const event = await createVia(officer, "events", build.event(world.mandateId));
    const res = await officer.post(
      "/api/v1/acts",
      build.act(world.mandateId, event.id, { victimId: foreign.id }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { fields: { victimId: { code: "field.unknown_reference" } } } });
  });

  it("two people editing the same record: the second save with a stale version is refused, nothing is overwritten", async () => {
    const officer = await world.as("officer");
    const holder = await world.as("mandate_holder");
    const p = await createVia(officer, "persons", build.person(world.mandateId));
    expect((await officer.patch(`/api/v1/persons/${p.id}`, { version: 1, birthYear: 1986 })).status).toBe(
      200,
    );
    const stale = await holder.patch(`/api/v1/persons/${p.id}`, { version: 1, birthYear: 1990 });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/v1/persons/${p.id}`)).body).toMatchObject({
      birthYear: 1986,
      version: 2,
    });
  });

  it("lists page with a cursor through every record exactly once", async () => {
    const officer = await world.as("officer");
    for (let i = 0; i < 7; i++)
      await createVia(officer, "events", build.event(world.mandateId, { title: `Paged ${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/events?q=paged&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await officer.get<{ items: { id: string }[]; nextCursor: string | null }>(url);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});
