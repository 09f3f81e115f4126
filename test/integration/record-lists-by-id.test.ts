import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

describe.each(dialects)("lists by id on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("a page naming many records gets them in one request, without those the caller may not read", async () => {
    const officer = await world.as("officer");
    const open = await createVia(officer, "persons", build.person(world.mandateId));
    const secret = await createVia(
      officer,
      "persons",
      build.person(world.mandateId, { confidentiality: "strictly_confidential" }),
    );
    const ids = `${open.id},${secret.id},no-such-record`;
    const mine = await officer.get<{ items: { id: string }[] }>(`/api/v1/persons?ids=${ids}`);
    expect(mine.body.items.map((p) => p.id).sort()).toEqual([open.id, secret.id].sort());
    const analyst = await world.as("analyst");
    const theirs = await analyst.get<{ items: { id: string }[] }>(`/api/v1/persons?ids=${ids}`);
    expect(theirs.body.items.map((p) => p.id)).toEqual([open.id]);
  });

  it("more than 100 ids, or ids of the wrong shape, are refused naming the parameter", async () => {
    const officer = await world.as("officer");
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`).join(",");
    for (const ids of [many, "a;b", ""]) {
      const res = await officer.get<{ error: { fields: Record<string, unknown> } }>(
        `/api/v1/persons?ids=${encodeURIComponent(ids)}`,
      );
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(["ids"]);
    }
  });
});
