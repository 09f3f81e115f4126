import { badExpectedHead } from "../server/platform/audit/audit.errors.js";
import { sealAuditChain, verifyAuditChain } from "../server/platform/audit/audit-chain.usecases.js";
import { loadMasterKey } from "../server/platform/crypto/master-key.js";
import { createDatabase } from "../server/platform/db/database.js";
import { migrateToLatest } from "../server/platform/db/migrator.js";
import { type CommonOptions, configFrom } from "./run-command.js";

/** Exit code of `audit verify` when the chain is broken or the expected head is not in it. */
export const chainBrokenExitCode = 2;

function parseHead(text: string) {
  const m = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw badExpectedHead();
  return { seq: Number(m[1]), hash: m[2] as string };
}

/** `rapporteur audit verify [--seal] [--expect-head SEQ:HASH]` */
export async function auditVerify(o: CommonOptions & { seal?: boolean; expectHead?: string }) {
  const expectHead = o.expectHead === undefined ? undefined : parseHead(o.expectHead);
  const config = configFrom(o);
  const master = loadMasterKey(config);
  const handle = createDatabase(config);
  try {
    await migrateToLatest(handle.db);
    if (o.seal) console.log(`Sealed ${(await sealAuditChain(handle.db, master)).sealed} new rows.`);
    const r = await verifyAuditChain(handle.db, master, expectHead ? { expectHead } : {});
    const b = r.firstBreak;
    if (b) {
      console.log(
        `Audit chain: BROKEN at seq ${b.seq}${b.id ? ` (row ${b.id})` : ""}: ${b.kind} — ${b.detail}.`,
      );
      console.log(`Links verified before the break: ${r.checked}.`);
    } else console.log(`Audit chain: intact, ${r.checked} sealed rows verified.`);
    console.log(
      r.unsealed
        ? `Not yet sealed: ${r.unsealed} rows (a running server seals them within seconds; --seal seals them now).`
        : "Not yet sealed: 0 rows.",
    );
    console.log(`Head: ${r.head.seq}:${r.head.hash}`);
    if (r.expectedHead)
      console.log(
        r.expectedHead.found
          ? `Recorded head ${r.expectedHead.seq} is still in the chain.`
          : `Recorded head ${r.expectedHead.seq}:${r.expectedHead.hash} is NOT in the chain: rows were deleted from its end or rewritten.`,
      );
    else if (!b)
      console.log(
        "Keep the head outside this database: removing the newest rows and rewinding the head cannot be seen from inside; check it later with --expect-head SEQ:HASH.",
      );
    if (!r.ok) process.exitCode = chainBrokenExitCode;
  } finally {
    await handle.destroy();
  }
}
