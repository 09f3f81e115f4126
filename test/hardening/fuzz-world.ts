import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.js";
import { openDeps } from "../../src/server/bootstrap.js";
import { createMandate, setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { type ApiClient, signIn } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { createScratchDatabase, type DialectName } from "../support/test-deps.js";
import { testPassword } from "../support/world.js";

/** The callers the fuzzer speaks as: nobody, a reader and an editor of mandate A, the instance admin, a member of B only. */
export const fuzzRoles = ["anonymous", "reader", "editor", "admin", "outsider"] as const;
export type FuzzRole = (typeof fuzzRoles)[number];

/** A string planted in one record; `seenBy` are the roles allowed to read it, every other role must never get it. */
export interface Canary {
  text: string;
  seenBy: ReadonlySet<FuzzRole>;
}

/** A record the fuzzer may name in a path: its kind (`events`…), its mandate, and who may read it. */
export interface KnownRecord {
  plural: string;
  id: string;
  mandate: "A" | "B";
  seenBy: ReadonlySet<FuzzRole>;
  /** Canary records are never written to by a role that may change them, so their canaries stay in place. */
  canary: boolean;
}

export interface FuzzWorld {
  app: FastifyInstance;
  dialect: DialectName;
  mandateA: string;
  mandateB: string;
  clients: Map<Exclude<FuzzRole, "anonymous">, ApiClient>;
  canaries: Canary[];
  records: KnownRecord[];
  close: () => Promise<void>;
}

const seen = (...roles: FuzzRole[]) => new Set<FuzzRole>(roles);
const tag = (what: string) => `FZCANARY${what.toUpperCase()}QX${Math.random().toString(36).slice(2, 8)}`;

/**
 * A running app on a fresh database of the dialect with two mandates, one user per fuzzed role and records holding
 * canaries at each level of access: strictly confidential, restricted to the mandate holder, identifying data,
 * internal to mandate A, internal to mandate B.
 */
export async function createFuzzWorld(dialect: DialectName): Promise<FuzzWorld> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-fuzz-"));
  const scratch = dialect === "postgres" ? await createScratchDatabase() : null;
  const config = loadConfig(
    { dataDir, loginDelayMs: 0, logLevel: "silent", ...(scratch ? { databaseUrl: scratch.url } : {}) },
    // Request rate limits off, as in the load test; no second factor, so every role reaches the routes at once.
    { RAPPORTEUR_RATE_LIMIT_PER_MINUTE: "0", RAPPORTEUR_SECOND_FACTOR_REQUIRED_FOR: "none" },
  );
  const deps = await openDeps(config);
  const app = await buildApp(deps);
  const db = deps.db;
  const a = await createMandate({
    db,
    actor: null,
    input: { code: "fuzz-a", nameEn: "Fuzz mandate A", kind: "country", country: "PRK" },
  });
  const b = await createMandate({
    db,
    actor: null,
    input: { code: "fuzz-b", nameEn: "Fuzz mandate B", kind: "thematic" },
  });
  const people = { reader: "readonly", editor: "officer", holder: "mandate_holder" } as const;
  const ids: Record<string, string> = {};
  for (const who of ["reader", "editor", "holder", "admin", "outsider"] as const) {
    const u = await createUser({
      db,
      actor: null,
      input: {
        email: `${who}@fuzz.example`,
        displayName: who,
        password: testPassword,
        isAdmin: who === "admin",
      },
    });
    ids[who] = u.id;
    if (who === "reader" || who === "editor" || who === "holder")
      await setMembership({ db, actor: null, mandateId: a.id, userId: u.id, role: people[who] });
    if (who === "outsider")
      await setMembership({ db, actor: null, mandateId: b.id, userId: u.id, role: "officer" });
  }
  const login = (who: string) => signIn(app, `${who}@fuzz.example`, testPassword);
  const clients = new Map<Exclude<FuzzRole, "anonymous">, ApiClient>();
  for (const who of ["reader", "editor", "admin", "outsider"] as const) clients.set(who, await login(who));
  const editor = clients.get("editor") as ApiClient;
  const outsider = clients.get("outsider") as ApiClient;
  const holder = await login("holder");

  const canaries: Canary[] = [];
  const records: KnownRecord[] = [];
  const plant = (what: string, seenBy: ReadonlySet<FuzzRole>) => {
    const text = tag(what);
    canaries.push({ text, seenBy });
    return text;
  };
  const known = (r: Omit<KnownRecord, "canary">, canary = true) => records.push({ ...r, canary });

  const inA = seen("reader", "editor");
  const editorOnly = seen("editor");
  const strict = await createVia(
    editor,
    "sources",
    build.source(a.id, {
      title: plant("strictsourcetitle", editorOnly),
      summary: plant("strictsourcesummary", editorOnly),
      confidentiality: "strictly_confidential",
    }),
  );
  known({ plural: "sources", id: strict.id, mandate: "A", seenBy: editorOnly });
  const witness = await createVia(
    editor,
    "persons",
    build.person(a.id, { notes: plant("personnotes", inA) }),
  );
  known({ plural: "persons", id: witness.id, mandate: "A", seenBy: inA });
  const identity = await editor.put(`/api/v1/persons/${witness.id}/identity`, {
    legalName: plant("legalname", editorOnly),
    aliases: [plant("alias", editorOnly)],
    contacts: [{ kind: "phone", value: plant("phone", editorOnly) }],
    address: plant("address", editorOnly),
    idNumbers: [{ kind: "passport", number: plant("passport", editorOnly) }],
    notes: plant("identitynotes", editorOnly),
  });
  if (identity.status !== 200) throw new Error(`identity not saved: ${identity.status}`);
  const restricted = await createVia(
    holder,
    "events",
    build.event(a.id, { title: plant("restrictedevent", seen()), restrictedTo: [ids.holder] }),
  );
  known({ plural: "events", id: restricted.id, mandate: "A", seenBy: seen() });
  const internal = await createVia(
    editor,
    "events",
    build.event(a.id, { description: plant("internalevent", inA) }),
  );
  known({ plural: "events", id: internal.id, mandate: "A", seenBy: inA });
  const other = await createVia(
    outsider,
    "events",
    build.event(b.id, { title: plant("otherevent", seen("outsider")) }),
  );
  known({ plural: "events", id: other.id, mandate: "B", seenBy: seen("outsider") });

  // Records the fuzzer may change freely: no canary in them.
  for (const plural of ["events", "persons", "sources"] as const) {
    const body =
      plural === "events"
        ? build.event(a.id)
        : plural === "persons"
          ? build.person(a.id)
          : build.source(a.id);
    const r = await createVia(editor, plural, body);
    known({ plural, id: r.id, mandate: "A", seenBy: inA }, false);
  }
  const fodderB = await createVia(outsider, "events", build.event(b.id));
  known({ plural: "events", id: fodderB.id, mandate: "B", seenBy: seen("outsider") }, false);

  return {
    app,
    dialect,
    mandateA: a.id,
    mandateB: b.id,
    clients,
    canaries,
    records,
    close: async () => {
      await app.close();
      await deps.destroy();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
