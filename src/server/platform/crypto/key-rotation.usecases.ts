import { writeAudit } from "../audit/audit.repository.js";
import { createAuditChainRepository } from "../audit/audit-chain.repository.js";
import { rekeyAuditChain, sealAuditChain, verifyAuditChain } from "../audit/audit-chain.usecases.js";
import type { Db } from "../db/database.js";
import { inTransaction } from "../db/transaction.js";
import { chainBroken, unknownKey, unlistedTable, verifyFailed } from "./crypto.errors.js";
import { open, rewrap } from "./envelope.js";
import type { MasterKey } from "./master-key.js";
import { type SealedTable, sealedTables } from "./sealed-tables.js";
import { createSealedTablesRepository, type SealedRow } from "./sealed-tables.repository.js";

export interface TableOutcome {
  table: string;
  rewrapped: number;
  verified: number;
}

export interface RotationOutcome {
  tables: TableOutcome[];
  /** Stopped after `stopAfterRows` re-wrapped rows, as asked: the old key is still the one in use. */
  interrupted: boolean;
  /** Rows of the audit chain relinked under the new key (0 when an earlier run did it). */
  relinked: number;
  chainHead: { seq: number; hash: string } | null;
  chainWasBroken: boolean;
}

interface RotationInput {
  db: Db;
  current: MasterKey;
  next: MasterKey;
  /** Rotate even though the audit chain is broken (the break is then no longer visible). */
  force?: boolean;
  /** Stop after this many re-wrapped rows (to test resuming). */
  stopAfterRows?: number;
  batchSize?: number;
}

/** The listed tables this database has; refuses when a table with wrapped keys is missing from the list. */
async function tablesToRotate(db: Db): Promise<SealedTable[]> {
  const present = await createSealedTablesRepository({ db }).tablesWithWrappedKeys();
  const unlisted = present.find((name) => !sealedTables.some((t) => t.table === name));
  if (unlisted) throw unlistedTable({ table: unlisted });
  return sealedTables.filter((t) => present.includes(t.table));
}

/**
 * What must hold before a rotation starts, checked before the new key is written anywhere: every table with wrapped
 * keys is known, and the audit chain verifies under the current key (sealed first), unless `force`.
 */
export async function checkBeforeRotation(input: {
  db: Db;
  current: MasterKey;
  force?: boolean | undefined;
}) {
  await tablesToRotate(input.db);
  await sealAuditChain(input.db, input.current);
  const report = await verifyAuditChain(input.db, input.current);
  if (report.firstBreak && !input.force)
    throw chainBroken({ seq: report.firstBreak.seq, kind: report.firstBreak.kind });
  return { chainWasBroken: report.firstBreak !== null };
}

const sealedOf = (row: SealedRow) => ({
  keyId: row.keyId,
  wrappedKey: row.wrappedKey,
  ciphertext: row.ciphertext,
});

/** Re-wraps one table's rows not yet under the new key, a batch per transaction, each row audited with it. */
async function rewrapTable(input: RotationInput, t: SealedTable, budget: number): Promise<number> {
  const { db, current, next } = input;
  let done = 0;
  while (done < budget) {
    const limit = Math.min(input.batchSize ?? 200, budget - done);
    const n = await inTransaction(db, async (trx) => {
      const repo = createSealedTablesRepository({ db: trx });
      const rows = await repo.notUnder(t, next.id, limit);
      for (const row of rows) {
        if (row.keyId !== current.id)
          throw unknownKey({ table: t.table, id: row.recordId, keyId: row.keyId });
        const moved = rewrap(current, next, row.recordId, sealedOf(row));
        const derived = t.derived?.compute(open(current, row.recordId, sealedOf(row)), next) ?? {};
        await repo.rewrap(t, row.recordId, {
          key_id: moved.keyId,
          wrapped_key: moved.wrappedKey,
          ...derived,
        });
      }
      await writeAudit(
        trx,
        null,
        rows.map((row) => ({
          action: "keys.rewrap",
          recordType: t.recordType,
          recordId: row.recordId,
          mandateId: row.mandateId,
          fields: ["wrapped_key", "key_id", ...(t.derived?.columns ?? [])],
        })),
      );
      return rows.length;
    });
    done += n;
    if (n < limit) break;
  }
  return done;
}

/** Opens every row of the table under the new key and checks the derived columns; throws at the first that fails. */
async function verifyTable(db: Db, t: SealedTable, next: MasterKey): Promise<number> {
  const repo = createSealedTablesRepository({ db });
  let after = "";
  let verified = 0;
  for (;;) {
    const rows = await repo.page(t, after, 1000);
    for (const row of rows) {
      try {
        const value = open(next, row.recordId, sealedOf(row));
        const derived = t.derived?.compute(value, next) ?? {};
        if (Object.entries(derived).some(([c, v]) => row.derived[c] !== v)) throw new Error("derived");
      } catch {
        throw verifyFailed({ table: t.table, id: row.recordId });
      }
      verified++;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < 1000) return verified;
    after = last.recordId;
  }
}

/**
 * Re-wraps every sealed record's data key under the new master key, then verifies every record opens under it and
 * relinks the audit chain under it. Resumable: rows already under the new key are skipped. The caller swaps the
 * key files only when this returns without `interrupted`.
 * @example const outcome = await rotateMasterKey({ db, current, next });
 */
export async function rotateMasterKey(input: RotationInput): Promise<RotationOutcome> {
  const { db, current, next } = input;
  const tables = await tablesToRotate(db);
  const outcome: RotationOutcome = {
    tables: [],
    interrupted: false,
    relinked: 0,
    chainHead: null,
    chainWasBroken: false,
  };
  // An earlier run got as far as relinking the chain: it is verified under the new key at the end.
  const chainDone = (await createAuditChainRepository({ db }).head()).key_id === next.id;
  if (!chainDone)
    outcome.chainWasBroken = (await checkBeforeRotation({ db, current, force: input.force })).chainWasBroken;
  let budget = input.stopAfterRows ?? Number.POSITIVE_INFINITY;
  for (const t of tables) {
    const rewrapped = await rewrapTable(input, t, budget);
    budget -= rewrapped;
    outcome.tables.push({ table: t.table, rewrapped, verified: 0 });
    if (budget <= 0 && input.stopAfterRows !== undefined) {
      outcome.interrupted = true;
      return outcome;
    }
  }
  for (const t of outcome.tables) {
    const spec = tables.find((s) => s.table === t.table) as SealedTable;
    t.verified = await verifyTable(db, spec, next);
  }
  outcome.relinked = (await rekeyAuditChain(db, current, next)).relinked;
  await inTransaction(db, (trx) =>
    writeAudit(trx, null, [
      {
        action: "keys.rotate",
        recordType: "master_key",
        recordId: next.id,
        mandateId: null,
        fields: tables.map((t) => t.table),
      },
    ]),
  );
  await sealAuditChain(db, next);
  const after = await verifyAuditChain(db, next);
  outcome.chainHead = { seq: after.head.seq, hash: after.head.hash };
  return outcome;
}
