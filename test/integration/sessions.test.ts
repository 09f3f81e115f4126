import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, signIn } from "../support/api-client.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

type Sessions = { items: { id: string; current: boolean; userAgent: string | null; lastSeenAt: string }[] };

describe.each(dialects)("a user's own sessions on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  /** A new sign-in of the officer, as from another browser. */
  const browser = () => signIn(world.app, "officer@test.example", testPassword);
  const stillSignedIn = async (client: ApiClient) =>
    (await client.get("/api/v1/auth/session")).status === 200;

  it("lists my open sessions with this one marked, and ends another one: that browser is signed out", async () => {
    const laptop = await browser();
    const phone = await browser();
    const list = await laptop.get<Sessions>("/api/v1/auth/sessions");
    expect(list.status).toBe(200);
    expect(list.body.items.filter((s) => s.current)).toHaveLength(1);
    const other = (await phone.get<Sessions>("/api/v1/auth/sessions")).body.items.find((s) => s.current);
    expect(other).toBeDefined();
    expect(list.body.items.map((s) => s.id)).toContain(other?.id);
    expect((await laptop.request("DELETE", `/api/v1/auth/sessions/${other?.id}`)).status).toBe(204);
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(laptop)).toBe(true);
  });

  it("signs out everywhere else: every other session ends, this one stays, and it is audited", async () => {
    const here = await browser();
    const elsewhere = [await browser(), await browser()];
    const res = await here.post<{ ended: number }>("/api/v1/auth/sessions/end-others");
    expect(res.status).toBe(200);
    expect(res.body.ended).toBeGreaterThanOrEqual(2);
    for (const c of elsewhere) expect(await stillSignedIn(c)).toBe(false);
    expect(await stillSignedIn(here)).toBe(true);
    expect((await here.get<Sessions>("/api/v1/auth/sessions")).body.items).toHaveLength(1);
    const audited = await world.deps.db
      .selectFrom("audit_log")
      .select("actor_id")
      .where("action", "=", "session.end_others")
      .execute();
    expect(audited.map((a) => a.actor_id)).toContain(here.userId);
  });

  it("another user's session is not found, exactly like one that does not exist", async () => {
    const officer = await browser();
    const analyst = await world.as("analyst");
    const mine = (await officer.get<Sessions>("/api/v1/auth/sessions")).body.items.find((s) => s.current);
    const theirs = await analyst.request("DELETE", `/api/v1/auth/sessions/${mine?.id}`);
    const none = await analyst.request("DELETE", `/api/v1/auth/sessions/${"0".repeat(32)}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(none.body);
    expect(await stillSignedIn(officer)).toBe(true);
  });

  it("a session unused for longer than the idle limit has ended", async () => {
    const idle = await browser();
    const idleMs = world.deps.config.sessionIdleMinutes * 60_000;
    const long = new Date(Date.now() - idleMs - 60_000).toISOString();
    await world.deps.db
      .updateTable("sessions")
      .set({ last_seen_at: long })
      .where("user_id", "=", idle.userId)
      .execute();
    expect(await stillSignedIn(idle)).toBe(false);
  });
});
