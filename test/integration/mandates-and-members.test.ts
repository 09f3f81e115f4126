import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../support/api-client.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

describe.each(dialects)("mandates, accounts and memberships on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("each member sees only their own mandates, with their role; another mandate answers not found", async () => {
    const analyst = await world.as("analyst");
    const mine = await analyst.get<{ items: { id: string; myRole: string }[] }>("/api/v1/mandates");
    expect(mine.body.items).toEqual([expect.objectContaining({ id: world.mandateId, myRole: "analyst" })]);
    const other = await analyst.get(`/api/v1/mandates/${world.otherMandateId}`);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error: { code: "mandates.not_found" } });
  });

  it("an admin creates an account and the holder gives it a role; a user may hold different roles in different mandates", async () => {
    const admin = await world.as("admin");
    const holder = await world.as("mandate_holder");
    const created = await admin.post<{ id: string }>("/api/v1/users", {
      email: "new.officer@test.example",
      displayName: "New",
      password: "a long enough passphrase",
    });
    expect(created.status).toBe(201);
    expect(
      (
        await holder.put(`/api/v1/mandates/${world.mandateId}/members/${created.body.id}`, {
          role: "officer",
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await admin.put(`/api/v1/mandates/${world.otherMandateId}/members/${created.body.id}`, {
          role: "readonly",
        })
      ).status,
    ).toBe(204);
    const newUser = await signIn(world.app, "new.officer@test.example", "a long enough passphrase");
    const mandates = await newUser.get<{ items: { id: string; myRole: string }[] }>("/api/v1/mandates");
    expect(new Map(mandates.body.items.map((m) => [m.id, m.myRole]))).toEqual(
      new Map([
        [world.mandateId, "officer"],
        [world.otherMandateId, "readonly"],
      ]),
    );
  });

  it("an officer cannot change memberships, and a short password is refused with the field named", async () => {
    const officer = await world.as("officer");
    const admin = await world.as("admin");
    expect(
      (
        await officer.put(`/api/v1/mandates/${world.mandateId}/members/${world.users.readonly}`, {
          role: "officer",
        })
      ).status,
    ).toBe(403);
    const weak = await admin.post(
      "/api/v1/users",
      { email: "weak@test.example", displayName: "Weak", password: "short" },
      { "accept-language": "ko" },
    );
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      error: {
        fields: { password: { code: "field.password_too_short", message: "12자 이상을 사용하십시오." } },
      },
    });
  });

  it("an officer sees the members to restrict a record to, an analyst does not", async () => {
    const officer = await world.as("officer");
    const analyst = await world.as("analyst");
    const members = await officer.get<{ items: { userId: string }[] }>(
      `/api/v1/mandates/${world.mandateId}/members`,
    );
    expect(members.status).toBe(200);
    expect(members.body.items.map((m) => m.userId)).toContain(world.users.analyst);
    expect((await analyst.get(`/api/v1/mandates/${world.mandateId}/members`)).status).toBe(403);
  });

  it("the holder reads the audit trail of the mandate; an analyst may not", async () => {
    const holder = await world.as("mandate_holder");
    const analyst = await world.as("analyst");
    const trail = await holder.get<{ items: { action: string; mandateId: string }[] }>(
      `/api/v1/audit?mandateId=${world.mandateId}`,
    );
    expect(trail.status).toBe(200);
    expect(trail.body.items.some((r) => r.action === "membership.set")).toBe(true);
    expect((await analyst.get("/api/v1/audit")).status).toBe(403);
  });

  it("a disabled account cannot sign in", async () => {
    const admin = await world.as("admin");
    const res = await admin.post<{ id: string }>("/api/v1/users", {
      email: "leaving@test.example",
      displayName: "Leaving",
      password: testPassword,
    });
    await admin.patch(`/api/v1/users/${res.body.id}`, { disabled: true });
    await expect(signIn(world.app, "leaving@test.example", testPassword)).rejects.toThrow(/401/);
  });
});
