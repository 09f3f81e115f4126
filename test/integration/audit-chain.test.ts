import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "../../src/server/platform/audit/audit.repository.js";
import { chainedColumns, genesisHash } from "../../src/server/platform/audit/audit-chain.js";
import {
  type ChainBreakKind,
  sealAuditChain,
  verifyAuditChain,
} from "../../src/server/platform/audit/audit-chain.usecases.js";
import { fingerprint } from "../../src/server/platform/crypto/master-key.js";
import { isPostgres } from "../../src/server/platform/db/any-db.js";
import type { AuditLogTable } from "../../src/server/platform/db/schema.types.js";
import type { AuditChainHeadTable } from "../../src/server/platform/db/schema-audit.types.js";
import { inTransaction } from "../../src/server/platform/db/transaction.js";
import { startScheduler } from "../../src/server/platform/jobs/scheduler.js";
import { createTestDeps, dialects, type TestDeps } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

/** Stands in for `it` where a test does not apply, so it is not declared at all (not counted as skipped). */
const skipDeclaring = (..._args: unknown[]) => undefined;

const actor = { userId: "0190-actor", ip: "203.0.113.7", userAgent: "Mozilla/5.0 (테스트)" };

/** Writes `n` audit rows, one transaction each, as business code does. */
async function writeRows(deps: TestDeps, n: number, label = "update") {
  for (let i = 0; i < n; i++)
    await inTransaction(deps.db, (trx) =>
      writeAudit(trx, i % 3 ? actor : null, [
        {
          action: label,
          recordType: "person",
          recordId: `person-${i}`,
          mandateId: i % 2 ? "mandate-a" : null,
          ...(i % 4 ? { fields: ["legalName", "성별"] } : {}),
        },
      ]),
    );
}

interface Row {
  id: string;
  chain_seq: number | null;
  chain_hash: string | null;
}

describe.each(dialects)("the tamper-evident audit trail on %s", (dialect) => {
  let deps: TestDeps;
  let snapshot: AuditLogTable[];
  let headSnapshot: AuditChainHeadTable;
  const rowCount = 12;

  const rows = async () =>
    (
      await sql<Row>`select id, chain_seq, chain_hash from audit_log order by chain_seq`.execute(deps.db)
    ).rows.map((r) => ({ ...r, chain_seq: r.chain_seq === null ? null : Number(r.chain_seq) }));
  const rowAt = async (seq: number) => {
    const row = (await rows()).find((r) => r.chain_seq === seq);
    if (!row) throw new Error(`no row at ${seq}`);
    return row;
  };
  const verify = () => verifyAuditChain(deps.db, deps.masterKey);

  /** Puts the audit trail back as it was sealed, after a test tampered with it. */
  const restore = async () => {
    await deps.db.deleteFrom("audit_log").execute();
    await deps.db.insertInto("audit_log").values(snapshot).execute();
    await deps.db.updateTable("audit_chain_head").set(headSnapshot).where("id", "=", 1).execute();
    expect((await verify()).ok).toBe(true);
  };

  const expectBreak = async (kind: ChainBreakKind, seq: number, id?: string | null) => {
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.kind).toBe(kind);
    expect(report.firstBreak?.seq).toBe(seq);
    if (id !== undefined) expect(report.firstBreak?.id).toBe(id);
    await restore();
  };

  beforeAll(async () => {
    deps = await createTestDeps(dialect);
    await writeRows(deps, rowCount);
    await sealAuditChain(deps.db, deps.masterKey);
    snapshot = await deps.db.selectFrom("audit_log").selectAll().execute();
    headSnapshot = await deps.db.selectFrom("audit_chain_head").selectAll().executeTakeFirstOrThrow();
  }, 60_000);
  afterAll(async () => {
    await deps?.cleanup();
  });

  it("an untouched trail verifies, with every row in order and the head on the newest row", async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, unsealed: 0, firstBreak: null });
    // Reference data loaded at start may have written rows of its own before the test's.
    expect(report.checked).toBe(snapshot.length);
    expect(report.checked).toBeGreaterThanOrEqual(rowCount);
    const all = await rows();
    expect(all.map((r) => r.chain_seq)).toEqual(all.map((_, i) => i + 1));
    expect(report.head).toMatchObject({ seq: all.length, hash: all[all.length - 1]?.chain_hash });
  });

  it("the chain covers every column of an audit row", async () => {
    const columns = (await deps.db.introspection.getTables())
      .find((t) => t.name === "audit_log")
      ?.columns.map((c) => c.name)
      .filter((c) => !c.startsWith("chain_"));
    expect([...(columns ?? [])].sort()).toEqual([...chainedColumns].sort());
  });

  it("a changed value in any column of any row is caught at that row", async () => {
    const n = snapshot.length;
    const positions = [1, Math.ceil(n / 2), n];
    for (const [i, column] of chainedColumns.entries()) {
      const seq = positions[i % positions.length] as number;
      const { id } = await rowAt(seq);
      const value =
        column === "fields" ? '["legalName"]' : column === "at" ? "2020-01-01T00:00:00.000Z" : "forged";
      await deps.db
        .updateTable("audit_log")
        .set({ [column]: value })
        .where("id", "=", id)
        .execute();
      await expectBreak("altered", seq, column === "id" ? "forged" : id);
    }
  });

  it("a value set to null, or an empty text set where there was null, is caught", async () => {
    const { id } = await rowAt(2);
    await deps.db.updateTable("audit_log").set({ ip: null, user_agent: null }).where("id", "=", id).execute();
    await deps.db
      .updateTable("audit_log")
      .set({ mandate_id: "" })
      .where("id", "=", id)
      .where("mandate_id", "is", null)
      .execute();
    await expectBreak("altered", 2, id);
  });

  it("a deleted row in the middle, the first row, or the newest row is reported missing", async () => {
    const n = snapshot.length;
    for (const seq of [1, 2, Math.ceil(n / 2), n - 1]) {
      const { id } = await rowAt(seq);
      const next = await rowAt(seq + 1);
      await deps.db.deleteFrom("audit_log").where("id", "=", id).execute();
      await expectBreak("missing", seq, next.id);
    }
    const newest = await rowAt(n);
    await deps.db.deleteFrom("audit_log").where("id", "=", newest.id).execute();
    await expectBreak("missing", n, null);
  });

  it("a deleted row with the later rows renumbered to close the gap is caught", async () => {
    const { id } = await rowAt(4);
    await deps.db.deleteFrom("audit_log").where("id", "=", id).execute();
    for (let seq = 5; seq <= snapshot.length; seq++)
      await deps.db
        .updateTable("audit_log")
        .set({ chain_seq: seq - 1 })
        .where("chain_seq", "=", seq)
        .execute();
    const moved = await rowAt(4);
    await expectBreak("altered", 4, moved.id);
  });

  it("two rows swapped, next to each other or far apart, are reported reordered", async () => {
    for (const [a, b] of [
      [3, 4],
      [2, 9],
      [1, snapshot.length],
    ] as const) {
      const ra = await rowAt(a);
      const rb = await rowAt(b);
      // Through a free position, as the positions are unique.
      await deps.db.updateTable("audit_log").set({ chain_seq: -1 }).where("id", "=", ra.id).execute();
      await deps.db.updateTable("audit_log").set({ chain_seq: a }).where("id", "=", rb.id).execute();
      await deps.db.updateTable("audit_log").set({ chain_seq: b }).where("id", "=", ra.id).execute();
      const report = await verify();
      expect(report.firstBreak).toMatchObject({ kind: "reordered", seq: a, id: rb.id });
      expect(report.firstBreak?.detail).toContain(`seq ${b}`);
      await restore();
    }
  });

  it("a changed link hash is caught at its row", async () => {
    for (const seq of [1, 5, snapshot.length]) {
      const { id } = await rowAt(seq);
      await deps.db
        .updateTable("audit_log")
        .set({ chain_hash: randomBytes(32).toString("hex") })
        .where("id", "=", id)
        .execute();
      await expectBreak("altered", seq, id);
    }
  });

  it("a forged row appended with a made-up link is caught, and so is the head moved to cover it", async () => {
    const n = snapshot.length;
    const forged = {
      id: "0190ffff-forged",
      at: new Date().toISOString(),
      actor_id: null,
      action: "read",
      record_type: "person",
      record_id: "person-1",
      mandate_id: null,
      ip: null,
      user_agent: null,
      fields: null,
      chain_seq: n + 1,
      chain_hash: randomBytes(32).toString("hex"),
    };
    await deps.db.insertInto("audit_log").values(forged).execute();
    await expectBreak("altered", n + 1, forged.id);
    await deps.db.insertInto("audit_log").values(forged).execute();
    await deps.db
      .updateTable("audit_chain_head")
      .set({ seq: n + 1, hash: forged.chain_hash })
      .where("id", "=", 1)
      .execute();
    await expectBreak("altered", n + 1, forged.id);
  });

  it("a chain recomputed by someone who has the database but not the master key does not verify", async () => {
    const otherKey = { key: randomBytes(32), id: deps.masterKey.id };
    const { linkHash, auditChainKey } = await import("../../src/server/platform/audit/audit-chain.js");
    let prev = genesisHash;
    const all = await deps.db.selectFrom("audit_log").selectAll().orderBy("chain_seq").execute();
    for (const row of all) {
      prev = linkHash(auditChainKey(otherKey), Number(row.chain_seq), prev, row);
      await deps.db.updateTable("audit_log").set({ chain_hash: prev }).where("id", "=", row.id).execute();
    }
    await deps.db.updateTable("audit_chain_head").set({ hash: prev }).where("id", "=", 1).execute();
    await expectBreak("altered", 1);
  });

  it("a sealed row whose position was erased, head rewound, is reported unsealed", async () => {
    const n = snapshot.length;
    const newest = await rowAt(n);
    const before = await rowAt(n - 1);
    await deps.db.updateTable("audit_log").set({ chain_seq: null }).where("id", "=", newest.id).execute();
    await deps.db
      .updateTable("audit_chain_head")
      .set({ seq: n - 1, hash: before.chain_hash as string })
      .where("id", "=", 1)
      .execute();
    await expectBreak("unsealed", 0, newest.id);
  });

  it("the newest rows deleted with the head rewound pass alone, but not against a head recorded earlier", async () => {
    const recorded = (await verify()).head;
    const n = snapshot.length;
    const keep = await rowAt(n - 2);
    await deps.db
      .deleteFrom("audit_log")
      .where("chain_seq", ">", n - 2)
      .execute();
    await deps.db
      .updateTable("audit_chain_head")
      .set({ seq: n - 2, hash: keep.chain_hash as string })
      .where("id", "=", 1)
      .execute();
    // The documented limit: from inside the database, a shorter chain is a valid chain.
    expect((await verify()).ok).toBe(true);
    const checked = await verifyAuditChain(deps.db, deps.masterKey, { expectHead: recorded });
    expect(checked.ok).toBe(false);
    expect(checked.expectedHead?.found).toBe(false);
    await restore();
    expect((await verifyAuditChain(deps.db, deps.masterKey, { expectHead: recorded })).ok).toBe(true);
  });

  it("rows written after sealing are counted as not yet sealed until the sealer links them", async () => {
    await writeRows(deps, 3, "read");
    const pending = await verify();
    expect(pending).toMatchObject({ ok: true, unsealed: 3 });
    expect(await sealAuditChain(deps.db, deps.masterKey)).toEqual({ sealed: 3 });
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0, checked: snapshot.length + 3 });
    snapshot = await deps.db.selectFrom("audit_log").selectAll().execute();
    headSnapshot = await deps.db.selectFrom("audit_chain_head").selectAll().executeTakeFirstOrThrow();
  });

  it("the chain under another master key is refused, not extended", async () => {
    const other = { key: randomBytes(32), id: fingerprint(randomBytes(32)) };
    await expect(sealAuditChain(deps.db, other)).rejects.toMatchObject({ code: "audit.chain_key_mismatch" });
    expect((await verifyAuditChain(deps.db, other)).firstBreak?.kind).toBe("key");
  });

  it("the scheduler of a running server links new rows, and links the last ones when it stops", async () => {
    await writeRows(deps, 2, "login");
    const scheduler = startScheduler(deps, { pollMs: 60_000 });
    await writeRows(deps, 2, "logout");
    await scheduler.stop();
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0, checked: snapshot.length + 4 });
  });

  // Declared on postgres only (concurrent sealers only race on PostgreSQL; SQLite has one writer).
  (dialect === "postgres" ? it : skipDeclaring)(
    "many transactions writing audit rows at once while two sealers run still give one valid chain",
    async () => {
      const before = (await verify()).checked;
      let writing = true;
      const sealer = async () => {
        while (writing) {
          await sealAuditChain(deps.db, deps.masterKey);
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      const sealers = [sealer(), sealer()];
      const writers = Array.from({ length: 40 }, (_, i) =>
        inTransaction(deps.db, async (trx) => {
          await writeAudit(trx, actor, [
            { action: "update", recordType: "event", recordId: `e-${i}`, mandateId: "mandate-a" },
          ]);
          // Commits out of order: rows written early commit after rows written later.
          await sql`select pg_sleep(${(i % 7) / 100})`.execute(trx);
          await writeAudit(trx, actor, [
            { action: "read", recordType: "event", recordId: `e-${i}`, mandateId: "mandate-a" },
          ]);
        }),
      );
      await Promise.all(writers);
      writing = false;
      await Promise.all(sealers);
      await sealAuditChain(deps.db, deps.masterKey);
      const report = await verify();
      expect(isPostgres(deps.db)).toBe(true);
      expect(report).toMatchObject({ ok: true, unsealed: 0, checked: before + 80 });
    },
    60_000,
  );
});

describe.each(dialects)("the audit chain in the API on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
    await sealAuditChain(world.deps.db, world.deps.masterKey);
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it("an admin sees whether the chain verifies and where it breaks; a mandate holder may not ask", async () => {
    const admin = await world.as("admin");
    const intact = await admin.get<{ ok: boolean; checked: number; head: { seq: number } }>(
      "/api/v1/audit/chain",
    );
    expect(intact.status).toBe(200);
    expect(intact.body.ok).toBe(true);
    expect(intact.body.checked).toBe(intact.body.head.seq);
    expect(intact.body.checked).toBeGreaterThan(0);

    const holder = await world.as("mandate_holder");
    expect((await holder.get("/api/v1/audit/chain")).status).toBe(403);

    await world.deps.db
      .updateTable("audit_log")
      .set({ ip: "192.0.2.1" })
      .where("chain_seq", "=", 1)
      .execute();
    const broken = await admin.get<{ ok: boolean; firstBreak: { kind: string; seq: number } }>(
      "/api/v1/audit/chain",
    );
    expect(broken.body).toMatchObject({ ok: false, firstBreak: { kind: "altered", seq: 1 } });

    // The trail itself still reads as before, newest first.
    const trail = await admin.get<{ items: { action: string }[] }>("/api/v1/audit?limit=5");
    expect(trail.status).toBe(200);
    expect(trail.body.items.length).toBeGreaterThan(0);
  });
});
