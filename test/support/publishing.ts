import { expect } from "vitest";
import { today } from "../../src/server/platform/db/time.js";
import type { ApiClient } from "./api-client.js";
import { build, createVia } from "./factories.js";
import type { World } from "./world.js";

/** Steps of publication, as staff take them through the API: the records the portal then shows. */

async function move(client: ApiClient, path: string, action: string) {
  const res = await client.post<{ status: string; reference?: string }>(`${path}/transitions`, { action });
  expect(res.status, `${path} ${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

/** A letter drafted, approved by the holder, sent, and published on its publication day (today). */
export async function publishedLetter(world: World, o: Record<string, unknown> = {}) {
  const officer = await world.as("officer");
  const holder = await world.as("mandate_holder");
  const c = await createVia<{ id: string }>(
    officer,
    "communications",
    build.communication(world.mandateId, o),
  );
  const path = `/api/v1/communications/${c.id}`;
  await move(officer, path, "submit");
  await move(holder, path, "approve");
  const sent = await move(officer, path, "send");
  expect((await officer.patch(path, { publishOn: today() })).status).toBe(200);
  await move(officer, path, "publish");
  return { id: c.id, reference: String(sent.reference) };
}

/** A report written, submitted, finalised and published by the mandate holder (a body of plain paragraphs). */
export async function publishedReport(
  world: World,
  o: Record<string, unknown> = {},
  blocks: Record<string, unknown>[] = [{ kind: "paragraph", id: "p0", text: "Findings.", footnotes: [] }],
) {
  const officer = await world.as("officer");
  const holder = await world.as("mandate_holder");
  const r = await createVia<{ id: string; version: number }>(
    officer,
    "reports",
    build.report(world.mandateId, o),
  );
  const body = {
    summary: "Summary of the report.",
    recommendationsIntro: null,
    sections: [
      {
        id: "s1",
        heading: "Findings",
        blocks,
      },
    ],
  };
  const saved = await officer.put(`/api/v1/reports/${r.id}/body`, { version: r.version, body });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const path = `/api/v1/reports/${r.id}`;
  await move(officer, path, "submit");
  await move(holder, path, "finalise");
  await move(holder, path, "publish");
  return r;
}

/** A release as it stands, submitted and published now by the officer. */
export async function publishRelease(world: World, id: string) {
  const officer = await world.as("officer");
  const path = `/api/v1/press-releases/${id}`;
  await move(officer, path, "submit");
  return move(officer, path, "publish");
}

/** A press release written in both languages, submitted and published now by the officer. */
export async function publishedRelease(world: World, o: Record<string, unknown> = {}) {
  const officer = await world.as("officer");
  const r = await createVia<{ id: string; slug: string }>(
    officer,
    "press-releases",
    build.pressRelease(world.mandateId, o),
  );
  await publishRelease(world, r.id);
  return r;
}
