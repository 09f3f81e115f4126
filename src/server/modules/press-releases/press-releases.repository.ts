import { sql } from "kysely";
import { type Tx, untyped } from "../../platform/db/any-db.js";

/** SQL of press releases beyond the record engine: the lifecycle's compare-and-set moves, free slugs, row holds. */
export function createPressReleasesRepository({ db }: { db: Tx }) {
  return {
    async find(id: string) {
      return db.selectFrom("press_releases").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Moves a release between statuses only if it is still where the caller saw it (compare and set). */
    async moveStatus(id: string, from: readonly string[], values: Record<string, unknown>) {
      const res = await untyped(db)
        .updateTable("press_releases")
        .set({ ...values, version: sql`version + 1` })
        .where("id", "=", id)
        .where("status", "in", [...from])
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /**
     * Takes the release's row lock if its text is still open (not in one of `locked`), and says whether it is: a
     * publication then waits for the caller's transaction, or the caller sees it was published first.
     */
    async holdTextOpen(id: string, locked: readonly string[]) {
      const res = await db
        .updateTable("press_releases")
        .set((eb) => ({ status: eb.ref("status") }))
        .where("id", "=", id)
        .where("status", "not in", [...locked])
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Which of these slugs the mandate already uses. */
    async slugsTaken(mandateId: string, slugs: string[]): Promise<Set<string>> {
      if (!slugs.length) return new Set();
      const rows = await db
        .selectFrom("press_releases")
        .select("slug")
        .where("mandate_id", "=", mandateId)
        .where("slug", "in", slugs)
        .execute();
      return new Set(rows.map((r) => r.slug));
    },
  };
}
