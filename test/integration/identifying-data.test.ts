import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { createMandate, setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { loadMasterKey } from "../../src/server/platform/crypto/master-key.js";
import { type ApiClient, signIn } from "../support/api-client.js";
import { findInDatabase } from "../support/db-scan.js";
import { build, createVia } from "../support/factories.js";
import { createTestDeps, type DialectName, dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

/** Identifying data as an officer would type it after an interview; every string is unique to this file. */
const identityOf = (tag: string) => ({
  legalName: `Kim Sunhee-${tag} Legalname`,
  aliases: [`Auntie Sun-${tag}`],
  contacts: [{ kind: "phone" as const, value: `+82 10 5550 ${tag}` }],
  address: `Apt 1203, Sinjeong-ro ${tag}, Yangcheon-gu`,
  idNumbers: [{ kind: "passport", number: `M${tag}PX88213` }],
  notes: `Sister still in Hyesan ${tag}; do not contact by phone.`,
});
const secretsOf = (identity: ReturnType<typeof identityOf>) => [
  identity.legalName,
  identity.aliases[0] as string,
  identity.contacts[0]?.value as string,
  identity.address,
  identity.idNumbers[0]?.number as string,
  identity.notes,
];

const fingerprint = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 16);

async function personWithIdentity(client: ApiClient, mandateId: string, tag: string) {
  const person = await createVia(client, "persons", build.person(mandateId));
  const identity = identityOf(tag);
  const saved = await client.put(`/api/v1/persons/${person.id}/identity`, identity);
  expect(saved.status).toBe(200);
  return { person, identity };
}

/** A small world on its own settings: one mandate, one officer. */
async function officerOn(dialect: DialectName, overrides: Parameters<typeof createTestDeps>[1]) {
  const deps = await createTestDeps(dialect, overrides);
  const app = await buildApp(deps);
  const mandate = await createMandate({
    db: deps.db,
    actor: null,
    input: { code: "key-test", nameEn: "Key test mandate", kind: "thematic" },
  });
  const user = await createUser({
    db: deps.db,
    actor: null,
    input: { email: "keeper@test.example", displayName: "Keeper", password: testPassword },
  });
  await setMembership({ db: deps.db, actor: null, mandateId: mandate.id, userId: user.id, role: "officer" });
  return {
    deps,
    app,
    mandateId: mandate.id,
    officer: await signIn(app, "keeper@test.example", testPassword),
    close: async () => {
      await app.close();
      await deps.cleanup();
    },
  };
}

describe.each(dialects)("identifying data of persons on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;
  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
  });
  afterAll(async () => world?.close());

  it("saved identifying data is in no table in clear, only as ciphertext", async () => {
    const { person, identity } = await personWithIdentity(officer, world.mandateId, "4417");
    const revealed = await officer.get(`/api/v1/persons/${person.id}/identity`);
    expect(revealed.body).toMatchObject({ identity });

    expect(await findInDatabase(world.deps.db, world.deps.dialect, secretsOf(identity))).toEqual([]);
    const row = await world.deps.db
      .selectFrom("person_identities")
      .selectAll()
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    const decoded = Buffer.from(row.ciphertext, "base64").toString("latin1");
    for (const secret of secretsOf(identity)) {
      expect(row.ciphertext).not.toContain(secret);
      expect(decoded).not.toContain(secret);
    }
  });

  // Registered on SQLite only: PostgreSQL's files live on the database server, out of this test's reach.
  if (dialect === "sqlite")
    it("the SQLite database file and its write-ahead log never hold identifying data in clear", async () => {
      const { identity } = await personWithIdentity(officer, world.mandateId, "5528");
      const file = path.join(world.deps.config.dataDir, "rapporteur.db");
      const scan = () => {
        const bytes = Buffer.concat(
          [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
        );
        return secretsOf(identity).filter(
          (s) => bytes.includes(Buffer.from(s, "utf8")) || bytes.includes(Buffer.from(s, "utf16le")),
        );
      };
      expect(existsSync(`${file}-wal`)).toBe(true);
      expect(scan()).toEqual([]);
      await sql`pragma wal_checkpoint(FULL)`.execute(world.deps.db);
      expect(statSync(file).size).toBeGreaterThan(0);
      expect(scan()).toEqual([]);
      // The scan itself works: a person's ordinary (non-identifying) notes are plainly in the file.
      const marker = "Plain-notes-marker-0192";
      await createVia(officer, "persons", build.person(world.mandateId, { notes: marker }));
      await sql`pragma wal_checkpoint(FULL)`.execute(world.deps.db);
      expect(readFileSync(file).includes(Buffer.from(marker))).toBe(true);
    });

  it("the audit row of an identity change names the fields that changed, never their values", async () => {
    const { person, identity } = await personWithIdentity(officer, world.mandateId, "6639");
    const rows = await world.deps.db
      .selectFrom("audit_log")
      .selectAll()
      .where("record_id", "=", person.id)
      .where("action", "=", "identity.update")
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(String(rows[0]?.fields)).sort()).toEqual(
      [
        "identity.address",
        "identity.aliases",
        "identity.contacts",
        "identity.idNumbers",
        "identity.legalName",
        "identity.notes",
      ].sort(),
    );
    const auditText = JSON.stringify(
      await world.deps.db.selectFrom("audit_log").selectAll().where("record_id", "=", person.id).execute(),
    );
    for (const secret of secretsOf(identity)) expect(auditText).not.toContain(secret);
  });

  it("swapping two persons' sealed identities in the database makes the reveal fail, never showing the other person's data", async () => {
    const a = await personWithIdentity(officer, world.mandateId, "7741");
    const b = await personWithIdentity(officer, world.mandateId, "7752");
    const read = (id: string) =>
      world.deps.db
        .selectFrom("person_identities")
        .select(["key_id", "wrapped_key", "ciphertext"])
        .where("person_id", "=", id)
        .executeTakeFirstOrThrow();
    const [rowA, rowB] = [await read(a.person.id), await read(b.person.id)];
    const put = (id: string, values: Partial<typeof rowA>) =>
      world.deps.db.updateTable("person_identities").set(values).where("person_id", "=", id).execute();

    // Only the ciphertexts moved: each data key no longer matches its data.
    await put(a.person.id, { ciphertext: rowB.ciphertext });
    await put(b.person.id, { ciphertext: rowA.ciphertext });
    for (const [victim, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const res = await officer.get(`/api/v1/persons/${victim.person.id}/identity`);
      expect(res.status).toBeGreaterThanOrEqual(500);
      for (const secret of secretsOf(other.identity)) expect(res.raw.body).not.toContain(secret);
    }

    // The whole sealed envelope moved (wrapped key included): the record id bound to it still does not match.
    await put(a.person.id, rowB);
    await put(b.person.id, rowA);
    const res = await officer.get(`/api/v1/persons/${a.person.id}/identity`);
    expect(res.status).toBeGreaterThanOrEqual(500);
    for (const secret of secretsOf(b.identity)) expect(res.raw.body).not.toContain(secret);

    // Put back, each opens again to its own person.
    await put(a.person.id, rowA);
    await put(b.person.id, rowB);
    expect((await officer.get(`/api/v1/persons/${a.person.id}/identity`)).body).toMatchObject({
      identity: a.identity,
    });
  });

  it("identifying data never appears in person lists, person pages or quick search", async () => {
    const { person, identity } = await personWithIdentity(officer, world.mandateId, "8863");
    const one = await officer.get(`/api/v1/persons/${person.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: person.id, hasIdentity: true });
    const list = await officer.get<{ items: { id: string; hasIdentity: boolean }[] }>(
      `/api/v1/persons?limit=200`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.find((p) => p.id === person.id)?.hasIdentity).toBe(true);
    for (const secret of secretsOf(identity)) {
      expect(one.raw.body).not.toContain(secret);
      expect(list.raw.body).not.toContain(secret);
    }
    const search = await officer.get<{ items: unknown[] }>(
      `/api/v1/persons?q=${encodeURIComponent(identity.legalName)}`,
    );
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([]);
  });

  it("an analyst sees that a person has identifying data but cannot reveal it", async () => {
    const { person, identity } = await personWithIdentity(officer, world.mandateId, "9974");
    const analyst = await world.as("analyst");
    const res = await analyst.get(`/api/v1/persons/${person.id}/identity`);
    expect(res.status).toBe(403);
    for (const secret of secretsOf(identity)) expect(res.raw.body).not.toContain(secret);
  });

  it("without RAPPORTEUR_MASTER_KEY a key file readable only by its owner is created in the data directory", async () => {
    const keyed = await officerOn(dialect, {});
    try {
      const file = path.join(keyed.deps.config.dataDir, "master.key");
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
      expect(key).toHaveLength(32);
      expect(keyed.deps.masterKey.key.equals(key)).toBe(true);

      const { person } = await personWithIdentity(keyed.officer, keyed.mandateId, "1357");
      const row = await keyed.deps.db
        .selectFrom("person_identities")
        .select("key_id")
        .where("person_id", "=", person.id)
        .executeTakeFirstOrThrow();
      expect(row.key_id).toBe(fingerprint(key));
      // The same file is read back on the next start rather than replaced.
      expect(loadMasterKey({ dataDir: keyed.deps.config.dataDir }).key.equals(key)).toBe(true);
    } finally {
      await keyed.close();
    }
  });

  it("a configured RAPPORTEUR_MASTER_KEY is used instead of a key file, and data sealed under it needs it", async () => {
    const hex = randomBytes(32).toString("hex");
    expect(loadConfig({}, { RAPPORTEUR_MASTER_KEY: hex }).masterKey).toBe(hex);
    const keyed = await officerOn(dialect, { masterKey: hex });
    try {
      expect(existsSync(path.join(keyed.deps.config.dataDir, "master.key"))).toBe(false);
      expect(keyed.deps.masterKey.key.equals(Buffer.from(hex, "hex"))).toBe(true);
      const { person, identity } = await personWithIdentity(keyed.officer, keyed.mandateId, "2468");
      const row = await keyed.deps.db
        .selectFrom("person_identities")
        .select("key_id")
        .where("person_id", "=", person.id)
        .executeTakeFirstOrThrow();
      expect(row.key_id).toBe(fingerprint(Buffer.from(hex, "hex")));

      // A server started on the same database with another key cannot open it.
      const otherDir = mkdtempSync(path.join(tmpdir(), "rapporteur-otherkey-"));
      const wrongKeyApp = await buildApp({ ...keyed.deps, masterKey: loadMasterKey({ dataDir: otherDir }) });
      try {
        const stranger = await signIn(wrongKeyApp, "keeper@test.example", testPassword);
        const res = await stranger.get(`/api/v1/persons/${person.id}/identity`);
        expect(res.status).toBeGreaterThanOrEqual(500);
        for (const secret of secretsOf(identity)) expect(res.raw.body).not.toContain(secret);
      } finally {
        await wrongKeyApp.close();
        rmSync(otherDir, { recursive: true, force: true });
      }
    } finally {
      await keyed.close();
    }
  });
});
