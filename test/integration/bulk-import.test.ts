import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../../src/server/modules/imports/bulk-import.usecases.js";
import type { Actor } from "../../src/server/platform/access/access.policies.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

describe.each(dialects)("bulk import on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());
  const loadActor = async (_db: unknown, userId: string): Promise<Actor> => ({
    userId,
    isAdmin: false,
    memberships: new Map([[world.mandateId, userId === world.users.readonly ? "readonly" : "officer"]]),
    scopes: null,
    ip: null,
    userAgent: "test import",
  });

  const batchOf = (n: number, tag: string) => ({
    persons: [{ id: `p-${tag}`, kind: "individual", code: `IMP-${tag}`, sex: "020000000000" }],
    events: [
      { id: `e-${tag}`, title: `Imported event ${tag}`, startDate: { value: "2015-03", precision: "month" } },
    ],
    acts: Array.from({ length: n }, (_, i) => ({
      id: `a-${tag}-${i}`,
      eventId: `e-${tag}`,
      victimId: `p-${tag}`,
      actType: "030102000000",
      consequences: `구금시설에서 ${i}일째`,
    })),
    involvements: [
      { actId: `a-${tag}-0`, perpetratorName: "Border guards", perpetratorType: "010104000000" },
    ],
  });

  it("an import writes every record with its audit row and search document, in one go", async () => {
    const actor = await loadActor(world.deps.db, world.users.officer);
    const counts = await importRecords({
      db: world.deps.db,
      actor,
      mandateId: world.mandateId,
      batch: batchOf(50, "ok"),
    });
    expect(counts).toMatchObject({ persons: 1, events: 1, acts: 50, involvements: 1 });
    const officer = await world.as("officer");
    const found = await officer.get<{ total: number }>(
      `/api/v1/search?mandateId=${world.mandateId}&q=${encodeURIComponent("구금")}&type=act&perpetratorType=010104000000`,
    );
    expect(found.body.total).toBe(1);
    const history = await (await world.as("mandate_holder")).get<{ items: { action: string }[] }>(
      `/api/v1/audit?recordId=a-ok-7`,
    );
    expect(history.body.items.map((a) => a.action)).toEqual(["create"]);
  });

  it("one bad row anywhere leaves nothing behind, and the error names the row and field", async () => {
    const actor = await loadActor(world.deps.db, world.users.officer);
    const batch = batchOf(30, "bad");
    (batch.acts[17] as Record<string, unknown>).actType = "999999999999";
    const failed = await importRecords({ db: world.deps.db, actor, mandateId: world.mandateId, batch }).catch(
      (e: { fields: Record<string, { code: string }> }) => e,
    );
    expect((failed as { fields: Record<string, { code: string }> }).fields["acts[17].actType"]?.code).toBe(
      "field.unknown_term",
    );
    const officer = await world.as("officer");
    const events = await officer.get<{ items: unknown[] }>(
      `/api/v1/events?mandateId=${world.mandateId}&q=bad`,
    );
    expect(events.body.items).toHaveLength(0);
    const docs = await officer.get<{ total: number }>(`/api/v1/search?mandateId=${world.mandateId}&q=bad`);
    expect(docs.body.total).toBe(0);
  });

  it("read-only users cannot import", async () => {
    const actor = await loadActor(world.deps.db, world.users.readonly);
    await expect(
      importRecords({ db: world.deps.db, actor, mandateId: world.mandateId, batch: batchOf(1, "ro") }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
