import type { Tx } from "../../platform/db/any-db.js";

/** SQL of press releases beyond the record engine: free slugs, row locks (the moves are the engine's). */
export function createPressReleasesRepository({ db }: { db: Tx }) {
  return {
    async find(id: string) {
      return db.selectFrom("press_releases").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /**
     * Takes the release's row lock until the caller's transaction ends, whatever its status: a move of the release
     * (its publication) then waits for the caller, or the caller, reading after this, sees the move that came first.
     */
    async lockRow(id: string) {
      await db
        .updateTable("press_releases")
        .set((eb) => ({ status: eb.ref("status") }))
        .where("id", "=", id)
        .execute();
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
