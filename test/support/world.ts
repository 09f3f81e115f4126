import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.js";
import { createMandate, setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { type ApiClient, signIn } from "./api-client.js";
import { createTestDeps, type DialectName, type TestDeps } from "./test-deps.js";

export const testPassword = "correct horse battery staple";
export const roleNames = ["mandate_holder", "officer", "analyst", "readonly"] as const;
export type RoleName = (typeof roleNames)[number];

export interface World {
  deps: TestDeps;
  app: FastifyInstance;
  mandateId: string;
  otherMandateId: string;
  /** user ids by role in the main mandate; `admin` is the instance admin with no membership; `outsider` belongs to the other mandate. */
  users: Record<RoleName | "admin" | "outsider", string>;
  as: (who: RoleName | "admin" | "outsider") => Promise<ApiClient>;
  close: () => Promise<void>;
}

/**
 * A running app (in-process, real database) with two mandates and one user per role: the declarative seed of integration tests.
 * @example const world = await createWorld("sqlite"); const officer = await world.as("officer");
 */
export async function createWorld(dialect: DialectName): Promise<World> {
  const deps = await createTestDeps(dialect);
  const app = await buildApp(deps);
  const db = deps.db;
  const mandate = await createMandate({
    db,
    actor: null,
    input: { code: "test-country", nameEn: "Test country mandate", kind: "country", country: "PRK" },
  });
  const other = await createMandate({
    db,
    actor: null,
    input: { code: "test-theme", nameEn: "Test thematic mandate", kind: "thematic" },
  });
  const users = {} as World["users"];
  for (const who of [...roleNames, "admin", "outsider"] as const) {
    const u = await createUser({
      db,
      actor: null,
      input: {
        email: `${who}@test.example`,
        displayName: who,
        password: testPassword,
        isAdmin: who === "admin",
      },
    });
    users[who] = u.id;
    if ((roleNames as readonly string[]).includes(who))
      await setMembership({ db, actor: null, mandateId: mandate.id, userId: u.id, role: who });
    if (who === "outsider")
      await setMembership({ db, actor: null, mandateId: other.id, userId: u.id, role: "officer" });
  }
  const clients = new Map<string, ApiClient>();
  return {
    deps,
    app,
    mandateId: mandate.id,
    otherMandateId: other.id,
    users,
    as: async (who) => {
      const existing = clients.get(who);
      if (existing) return existing;
      const client = await signIn(app, `${who}@test.example`, testPassword);
      clients.set(who, client);
      return client;
    },
    close: async () => {
      await app.close();
      await deps.cleanup();
    },
  };
}
