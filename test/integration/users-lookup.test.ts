import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface User {
  id: string;
  email: string;
  disabled: boolean;
  memberships: { mandateId: string; role: string }[];
}

describe.each(dialects)("finding an account by its e-mail address on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("a holder finds an account outside the mandate by its exact address and gives it a role", async () => {
    const admin = await world.as("admin");
    const holder = await world.as("mandate_holder");
    const created = await admin.post<User>("/api/v1/users", {
      email: "Newcomer@Test.Example",
      displayName: "Newcomer",
      password: "a long enough passphrase",
    });
    expect(created.status).toBe(201);
    const members = await holder.get<{ items: User[] }>("/api/v1/users");
    expect(members.body.items.map((u) => u.id)).not.toContain(created.body.id);

    const found = await holder.get<{ items: User[] }>(
      `/api/v1/users?email=${encodeURIComponent("NEWCOMER@test.example")}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, email: "newcomer@test.example", memberships: [] }),
    ]);
    const put = await holder.put(`/api/v1/mandates/${world.mandateId}/members/${created.body.id}`, {
      role: "officer",
    });
    expect(put.status).toBe(204);
    const after = await holder.get<{ items: User[] }>("/api/v1/users");
    expect(after.body.items.find((u) => u.id === created.body.id)?.memberships).toEqual([
      { mandateId: world.mandateId, role: "officer" },
    ]);
  });

  it("a partial or unknown address finds nothing, a malformed one is named, and only managers may look", async () => {
    const holder = await world.as("mandate_holder");
    const admin = await world.as("admin");
    const officer = await world.as("officer");
    for (const client of [holder, admin]) {
      const partial = await client.get<{ items: User[] }>(
        `/api/v1/users?email=${encodeURIComponent("admin@test")}`,
      );
      expect(partial.status).toBe(400);
      expect(partial.body).toMatchObject({ error: { fields: { email: { code: "field.invalid_format" } } } });
      const unknown = await client.get<{ items: User[] }>("/api/v1/users?email=nobody%40test.example");
      expect(unknown.body.items).toEqual([]);
    }
    const outsider = await holder.get<{ items: User[] }>("/api/v1/users?email=outsider%40test.example");
    // The outsider's role in a mandate the holder does not belong to stays hidden.
    expect(outsider.body.items).toEqual([
      expect.objectContaining({ id: world.users.outsider, memberships: [] }),
    ]);
    expect((await officer.get("/api/v1/users?email=admin%40test.example")).status).toBe(403);
  });
});
