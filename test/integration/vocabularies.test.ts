import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importShippedVocabularies } from "../../src/server/modules/vocabularies/vocabularies.usecases.js";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface Term {
  code: string;
  labels: Record<string, string>;
  retired: boolean;
  parentCode: string | null;
}

describe.each(dialects)("vocabularies on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("the HURIDOCS lists are there at first start, with Korean labels for the lists in use", async () => {
    const officer = await world.as("officer");
    const lists = await officer.get<{ items: { name: string; labels: Record<string, string> }[] }>(
      "/api/v1/vocabularies",
    );
    expect(lists.body.items.length).toBeGreaterThanOrEqual(53);
    for (const name of [
      "types_of_acts",
      "types_of_perpetrators",
      "degrees_of_involvement",
      "reliability",
      "types_of_relationships",
    ]) {
      const terms = await officer.get<{ items: Term[] }>(`/api/v1/vocabularies/${name}/terms`);
      expect(terms.body.items.length).toBeGreaterThan(0);
      expect(terms.body.items.every((t) => /[가-힣]/.test(t.labels.ko ?? ""))).toBe(true);
    }
  });

  it("an officer finds a term by its Korean or English label, with its code and parent", async () => {
    const officer = await world.as("officer");
    const ko = await officer.get<{ items: Term[] }>(
      `/api/v1/vocabularies/types_of_acts/terms?q=${encodeURIComponent("구금")}`,
    );
    const en = await officer.get<{ items: Term[] }>("/api/v1/vocabularies/types_of_acts/terms?q=detention");
    expect(ko.body.items.map((t) => t.code)).toContain("030102000000");
    expect(en.body.items.map((t) => t.code)).toContain("030102000000");
    expect(en.body.items.find((t) => t.code === "030102000000")?.parentCode).toBe("030100000000");
  });

  it("an admin retires a term: it disappears from pickers, new records cannot use it, records using it keep it", async () => {
    const officer = await world.as("officer");
    const admin = await world.as("admin");
    const event = await createVia(officer, "events", build.event(world.mandateId));
    const act = await createVia(
      officer,
      "acts",
      build.act(world.mandateId, event.id, { actType: "030102000000" }),
    );
    expect(
      (await officer.patch("/api/v1/vocabularies/types_of_acts/terms/030102000000", { retired: true }))
        .status,
    ).toBe(403);
    expect(
      (await admin.patch("/api/v1/vocabularies/types_of_acts/terms/030102000000", { retired: true })).status,
    ).toBe(200);
    const picker = await officer.get<{ items: Term[] }>(
      "/api/v1/vocabularies/types_of_acts/terms?q=detention",
    );
    expect(picker.body.items.map((t) => t.code)).not.toContain("030102000000");
    const refused = await officer.post(
      "/api/v1/acts",
      build.act(world.mandateId, event.id, { actType: "030102000000" }),
    );
    expect(refused.body).toMatchObject({ error: { fields: { actType: { code: "field.retired_term" } } } });
    const kept = await officer.patch(`/api/v1/acts/${act.id}`, { consequences: "Held for three months" });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ actType: "030102000000" });
    await admin.patch("/api/v1/vocabularies/types_of_acts/terms/030102000000", { retired: false });
  });

  it("an admin translates a label, and importing the thesauri again keeps every term and adds none twice", async () => {
    const admin = await world.as("admin");
    const res = await admin.patch("/api/v1/vocabularies/reliability/terms/010000000000", {
      labels: { ko: "매우 신뢰할 수 있음" },
    });
    expect(res.body).toMatchObject({ labels: { ko: "매우 신뢰할 수 있음", en: "Highly reliable" } });
    const again = await importShippedVocabularies(world.deps.db);
    expect(again.added).toBe(0);
    expect(again.updated).toBeGreaterThan(4000);
    const kept = await admin.get<{ items: Term[] }>("/api/v1/vocabularies/reliability/terms");
    expect(kept.body.items.find((t) => t.code === "010000000000")?.labels.ko).toBe("매우 신뢰할 수 있음");
  });
});
