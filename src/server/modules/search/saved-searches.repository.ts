import type { Tx } from "../../platform/db/any-db.js";
import type { SavedSearchesTable } from "../../platform/db/schema.types.js";

/** A user's own saved searches; nobody else's are ever read. */
export function createSavedSearchesRepository({ db }: { db: Tx }) {
  return {
    list: (userId: string, mandateId: string) =>
      db
        .selectFrom("saved_searches")
        .selectAll()
        .where("user_id", "=", userId)
        .where("mandate_id", "=", mandateId)
        .orderBy("name")
        .limit(500)
        .execute(),
    insert: (row: SavedSearchesTable) => db.insertInto("saved_searches").values(row).execute(),
    async remove(userId: string, id: string) {
      const r = await db
        .deleteFrom("saved_searches")
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
