import type { MasterKey } from "../crypto/master-key.js";
import type { Tx } from "../db/any-db.js";
import type { Db } from "../db/database.js";
import { nowIso } from "../db/time.js";
import { inTransaction } from "../db/transaction.js";
import { chainKeyMismatch } from "./audit.errors.js";
import { writeAudit } from "./audit.repository.js";
import { auditChainKey, type ChainedRow, genesisHash, linkHash } from "./audit-chain.js";
import { type AuditChainRepository, createAuditChainRepository } from "./audit-chain.repository.js";

const sealBatch = 500;
const readBatch = 2000;

/**
 * Links the audit rows not yet in the chain, oldest (at, id) first, in short transactions that hold the head's lock:
 * business transactions write their rows unlinked and never wait for the chain. Safe to run on several servers.
 * @example const { sealed } = await sealAuditChain(deps.db, deps.masterKey);
 */
export async function sealAuditChain(db: Db, master: MasterKey): Promise<{ sealed: number }> {
  const key = auditChainKey(master);
  let sealed = 0;
  for (;;) {
    const n = await inTransaction(db, async (trx) => {
      const repo = createAuditChainRepository({ db: trx });
      const head = await repo.lockHead();
      if (head.key_id !== null && head.key_id !== master.id)
        throw chainKeyMismatch({ chainKey: head.key_id, loadedKey: master.id });
      const rows = await repo.unsealed(sealBatch);
      if (!rows.length) return 0;
      let { seq, hash } = head;
      const links = rows.map((row) => {
        seq++;
        hash = linkHash(key, seq, hash, row);
        return { id: row.id, seq, hash };
      });
      await repo.setLinks(links);
      await repo.setHead({ seq, hash, keyId: master.id, sealedAt: nowIso() });
      return rows.length;
    });
    sealed += n;
    if (n < sealBatch) return { sealed };
  }
}

export type ChainBreakKind = "altered" | "missing" | "reordered" | "unsealed" | "duplicate" | "head" | "key";

export interface ChainBreak {
  kind: ChainBreakKind;
  /** Position where the chain breaks. */
  seq: number;
  /** The row found there (for a missing row: the next row present), null when none. */
  id: string | null;
  detail: string;
}

export interface ChainReport {
  ok: boolean;
  /** Sealed rows whose link was checked before the first break (all of them when ok). */
  checked: number;
  /** Rows written but not yet sealed: not protected yet. */
  unsealed: number;
  head: { seq: number; hash: string; keyId: string | null };
  firstBreak: ChainBreak | null;
  /** With an expected head: whether that link is still in the chain. */
  expectedHead?: { seq: number; hash: string; found: boolean };
}

type SealedRow = ChainedRow & { chain_seq: number | null; chain_hash: string | null };

async function* sealedRows(repo: AuditChainRepository): AsyncGenerator<SealedRow> {
  let after = { seq: 0, id: "" };
  for (;;) {
    const rows = await repo.sealedAfter(after, readBatch);
    yield* rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < readBatch) return;
    after = { seq: last.chain_seq ?? 0, id: last.id };
  }
}

/** The position a row was sealed at, if its link matches some other link in the chain as predecessor. */
async function sealedPosition(repo: AuditChainRepository, key: Buffer, row: SealedRow) {
  const candidates: [string, number][] = [[genesisHash, 0]];
  for await (const r of sealedRows(repo)) if (r.chain_hash) candidates.push([r.chain_hash, r.chain_seq ?? 0]);
  for (const [prev, at] of candidates)
    for (const seq of [at + 1, at])
      if (seq > 0 && seq !== row.chain_seq && linkHash(key, seq, prev, row) === row.chain_hash) return seq;
  return null;
}

async function firstBreak(repo: AuditChainRepository, key: Buffer) {
  let expected = 1;
  let prev = genesisHash;
  let checked = 0;
  const broken = (b: ChainBreak) => ({ checked, prev, expected, firstBreak: b });
  for await (const row of sealedRows(repo)) {
    const seq = row.chain_seq ?? 0;
    if (seq < expected)
      return broken({
        kind: "duplicate",
        seq,
        id: row.id,
        detail: "a second row claims this position (forged)",
      });
    if (seq > expected) {
      const gap = seq - 1 > expected ? `${expected}–${seq - 1}` : String(expected);
      return broken({
        kind: "missing",
        seq: expected,
        id: row.id,
        detail: `row ${gap} is missing (deleted); the next row present is seq ${seq}`,
      });
    }
    if (!row.chain_hash)
      return broken({ kind: "unsealed", seq, id: row.id, detail: "the row has a position but no link" });
    if (linkHash(key, seq, prev, row) !== row.chain_hash) {
      const original = await sealedPosition(repo, key, row);
      return broken(
        original !== null
          ? { kind: "reordered", seq, id: row.id, detail: `the row was sealed at seq ${original}, not here` }
          : {
              kind: "altered",
              seq,
              id: row.id,
              detail:
                "the row's content or link does not match (changed, forged, or rows before it were removed and renumbered)",
            },
      );
    }
    prev = row.chain_hash;
    expected++;
    checked++;
  }
  return { checked, prev, expected, firstBreak: null };
}

/**
 * Walks the whole chain and reports the first broken link. Deleting the newest rows and rewinding the head cannot be
 * seen from the database alone: compare the printed head with one recorded earlier (`expectHead`).
 * @example const report = await verifyAuditChain(deps.db, deps.masterKey, { expectHead: { seq: 120, hash } });
 */
export async function verifyAuditChain(
  db: Tx,
  master: MasterKey,
  options: { expectHead?: { seq: number; hash: string } } = {},
): Promise<ChainReport> {
  const repo = createAuditChainRepository({ db });
  const head = await repo.head();
  const report = (checked: number, b: ChainBreak | null): ChainReport => ({
    ok: b === null,
    checked,
    unsealed: 0,
    head: { seq: head.seq, hash: head.hash, keyId: head.key_id },
    firstBreak: b,
  });
  let result: ChainReport;
  if (head.key_id !== null && head.key_id !== master.id) {
    result = report(0, {
      kind: "key",
      seq: 0,
      id: null,
      detail: `the chain is keyed under master key ${head.key_id}, not the loaded key ${master.id}`,
    });
  } else {
    const walk = await firstBreak(repo, auditChainKey(master));
    let b = walk.firstBreak;
    const last = walk.expected - 1;
    if (!b && (head.seq !== last || head.hash !== walk.prev))
      b = {
        kind: head.seq > last ? "missing" : "head",
        seq: head.seq > last ? last + 1 : head.seq,
        id: null,
        detail:
          head.seq > last
            ? `rows ${last + 1}–${head.seq} are missing (deleted from the end of the chain)`
            : `the head (seq ${head.seq}) does not match the newest row (seq ${last}): rows were added after it or it was rewritten`,
      };
    const half = b ? undefined : await repo.firstHalfSealed();
    if (half)
      b = { kind: "unsealed", seq: 0, id: half.id, detail: "the row was sealed but its position was erased" };
    result = report(walk.checked, b);
  }
  result.unsealed = await repo.countUnsealed();
  if (options.expectHead) {
    const link = await repo.linkAt(options.expectHead.seq);
    result.expectedHead = { ...options.expectHead, found: link?.chain_hash === options.expectHead.hash };
    if (!result.expectedHead.found) result.ok = false;
  }
  return result;
}

/**
 * Relinks every sealed row under another master key, in one transaction holding the head's lock (key rotation). The
 * caller verifies the chain under `from` first: this trusts the rows as they are.
 */
export async function rekeyAuditChain(db: Db, from: MasterKey, to: MasterKey): Promise<{ relinked: number }> {
  const key = auditChainKey(to);
  return inTransaction(db, async (trx) => {
    const repo = createAuditChainRepository({ db: trx });
    const head = await repo.lockHead();
    if (head.key_id === to.id) return { relinked: 0 };
    if (head.key_id !== null && head.key_id !== from.id)
      throw chainKeyMismatch({ chainKey: head.key_id, loadedKey: from.id });
    let hash = genesisHash;
    let relinked = 0;
    // Pages follow positions, which relinking leaves as they are.
    let links: { id: string; seq: number; hash: string }[] = [];
    for await (const row of sealedRows(repo)) {
      const seq = row.chain_seq ?? 0;
      hash = linkHash(key, seq, hash, row);
      links.push({ id: row.id, seq, hash });
      relinked++;
      if (links.length === sealBatch) {
        await repo.setLinks(links);
        links = [];
      }
    }
    await repo.setLinks(links);
    await repo.setHead({ seq: head.seq, hash, keyId: to.id, sealedAt: nowIso() });
    await writeAudit(trx, null, [
      {
        action: "audit.rekey",
        recordType: "audit_chain",
        recordId: to.id,
        mandateId: null,
        fields: ["chain_hash"],
      },
    ]);
    return { relinked };
  });
}
