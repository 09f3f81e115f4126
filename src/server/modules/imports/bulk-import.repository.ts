import { type Tx, untyped } from "../../platform/db/any-db.js";

/** Rows per INSERT: well under SQLite's 32,766 bound parameters for the widest record table. */
export const rowsPerInsert = 400;

/** The SQL of bulk imports: set-wise reads for the checks and multi-row inserts. */
export function createBulkImportRepository({ db }: { db: Tx }) {
  const q = untyped(db);
  return {
    /** Codes of a vocabulary list that new records may use (not retired). */
    async activeTerms(list: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom("vocab_terms")
        .select("code")
        .where("list_name", "=", list)
        .where("retired", "=", 0)
        .execute();
      return new Set(rows.map((r) => r.code));
    },

    /** Which of these values a unique column already holds in the mandate. */
    async takenValues(
      table: string,
      mandateId: string,
      column: string,
      values: string[],
    ): Promise<Set<string>> {
      const taken = new Set<string>();
      const unique = [...new Set(values)];
      for (let i = 0; i < unique.length; i += 1000) {
        const rows = await q
          .selectFrom(table)
          .select(`${column} as v`)
          .where("mandate_id", "=", mandateId)
          .where(column, "in", unique.slice(i, i + 1000))
          .execute();
        for (const r of rows) taken.add(String(r.v));
      }
      return taken;
    },

    /** Multi-row inserts; `onInserted` hears how many rows are in so far. */
    async insertRows(table: string, rows: Record<string, unknown>[], onInserted?: (rows: number) => void) {
      for (let i = 0; i < rows.length; i += rowsPerInsert) {
        const part = rows.slice(i, i + rowsPerInsert);
        await q.insertInto(table).values(part).execute();
        onInserted?.(i + part.length);
      }
    },
  };
}
