import { type AnyDb, type Tx, untyped } from "../db/any-db.js";
import type { SealedTable } from "./sealed-tables.js";

export interface SealedRow {
  recordId: string;
  mandateId: string | null;
  keyId: string;
  wrappedKey: string;
  ciphertext: string;
  derived: Record<string, string>;
}

/** SQL of the tables with sealed data, named at run time from the list in sealed-tables.ts. */
export function createSealedTablesRepository({ db }: { db: Tx }) {
  const any: AnyDb = untyped(db);
  const columns = (t: SealedTable) => [
    `${t.idColumn} as record_id`,
    ...(t.mandateColumn ? [`${t.mandateColumn} as mandate_id`] : []),
    "key_id",
    "wrapped_key",
    "ciphertext",
    ...(t.derived?.columns ?? []),
  ];
  // biome-ignore lint/suspicious/noExplicitAny: a row of a table named at run time.
  const toRow = (t: SealedTable, r: any): SealedRow => ({
    recordId: String(r.record_id),
    mandateId: r.mandate_id ?? null,
    keyId: r.key_id,
    wrappedKey: r.wrapped_key,
    ciphertext: r.ciphertext,
    derived: Object.fromEntries((t.derived?.columns ?? []).map((c) => [c, r[c]])),
  });
  return {
    /** Tables of this database that have a `wrapped_key` column. */
    tablesWithWrappedKeys: async () =>
      (await any.introspection.getTables())
        .filter((t) => t.columns.some((c) => c.name === "wrapped_key"))
        .map((t) => t.name),

    /** Rows not yet under key `keyId`, by record id. */
    notUnder: async (t: SealedTable, keyId: string, limit: number) =>
      (
        await any
          .selectFrom(t.table)
          .select(columns(t))
          .where("key_id", "!=", keyId)
          .orderBy(t.idColumn)
          .limit(limit)
          .execute()
      ).map((r) => toRow(t, r)),

    /** Every row after `afterId`, by record id. */
    page: async (t: SealedTable, afterId: string, limit: number) =>
      (
        await any
          .selectFrom(t.table)
          .select(columns(t))
          .where(t.idColumn, ">", afterId)
          .orderBy(t.idColumn)
          .limit(limit)
          .execute()
      ).map((r) => toRow(t, r)),

    /** Only the envelope's key changes (and the columns derived from the master key); the ciphertext stays. */
    rewrap: (t: SealedTable, recordId: string, set: Record<string, string>) =>
      any.updateTable(t.table).set(set).where(t.idColumn, "=", recordId).execute(),

    count: async (t: SealedTable) =>
      Number(
        (
          await any
            .selectFrom(t.table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}
