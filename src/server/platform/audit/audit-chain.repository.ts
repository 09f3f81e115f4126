import { sql } from "kysely";
import { isPostgres, type Tx } from "../db/any-db.js";
import { chainedColumns } from "./audit-chain.js";

/** SQL of the audit chain: the head (the sealer's lock), unsealed rows, and the chain in order. */
export function createAuditChainRepository({ db }: { db: Tx }) {
  return {
    /** Takes the head's row lock (PostgreSQL) or the write lock (SQLite) first, then reads it. */
    lockHead: async () => {
      await db
        .updateTable("audit_chain_head")
        .set((eb) => ({ seq: eb.ref("seq") }))
        .where("id", "=", 1)
        .execute();
      return db.selectFrom("audit_chain_head").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
    },

    head: () => db.selectFrom("audit_chain_head").selectAll().where("id", "=", 1).executeTakeFirstOrThrow(),

    setHead: (head: { seq: number; hash: string; keyId: string; sealedAt: string }) =>
      db
        .updateTable("audit_chain_head")
        .set({ seq: head.seq, hash: head.hash, key_id: head.keyId, sealed_at: head.sealedAt })
        .where("id", "=", 1)
        .execute(),

    /** Rows not yet in the chain, in the order they are sealed. */
    unsealed: (limit: number) =>
      db
        .selectFrom("audit_log")
        .select(chainedColumns)
        .where("chain_seq", "is", null)
        .orderBy("at")
        .orderBy("id")
        .limit(limit)
        .execute(),

    countUnsealed: async () =>
      Number(
        (
          await db
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("chain_seq", "is", null)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** A row that carries a link but no position: sealed once, then its position erased. */
    firstHalfSealed: () =>
      db
        .selectFrom("audit_log")
        .select(["id", "chain_hash"])
        .where("chain_seq", "is", null)
        .where("chain_hash", "is not", null)
        .limit(1)
        .executeTakeFirst(),

    /** Links many rows in one statement (one round trip per batch, which counts on PostgreSQL). */
    setLinks: async (links: { id: string; seq: number; hash: string }[]) => {
      if (!links.length) return;
      // PostgreSQL plans a VALUES list well; SQLite has no column list on a derived table, so it gets a UNION.
      const values = isPostgres(db)
        ? sql`values ${sql.join(links.map((l) => sql`(${l.id}, cast(${l.seq} as integer), ${l.hash})`))}`
        : sql.join(
            links.map((l) => sql`select ${l.id} as id, cast(${l.seq} as integer) as seq, ${l.hash} as hash`),
            sql` union all `,
          );
      await sql`update audit_log set chain_seq = v.seq, chain_hash = v.hash
        from (${values}) as v${isPostgres(db) ? sql`(id, seq, hash)` : sql``} where audit_log.id = v.id`.execute(
        db,
      );
    },

    /** Sealed rows after (position, id), in chain order; the id breaks ties, so a duplicated position is seen. */
    sealedAfter: (after: { seq: number; id: string }, limit: number) =>
      db
        .selectFrom("audit_log")
        .select([...chainedColumns, "chain_seq", "chain_hash"])
        .where((eb) =>
          eb.or([
            eb("chain_seq", ">", after.seq),
            eb.and([eb("chain_seq", "=", after.seq), eb("id", ">", after.id)]),
          ]),
        )
        .orderBy("chain_seq")
        .orderBy("id")
        .limit(limit)
        .execute(),

    linkAt: (seq: number) =>
      db.selectFrom("audit_log").select(["id", "chain_hash"]).where("chain_seq", "=", seq).executeTakeFirst(),
  };
}

export type AuditChainRepository = ReturnType<typeof createAuditChainRepository>;
