import type { Tx } from "../../platform/db/any-db.js";
import type { PlacesTable } from "../../platform/db/schema.types.js";

/** SQL of built-in reference places. */
export function createPlacesRepository({ db }: { db: Tx }) {
  return {
    async builtInCodes(): Promise<Map<string, string>> {
      const rows = await db.selectFrom("places").select(["id", "code"]).where("built_in", "=", 1).execute();
      return new Map(rows.filter((r) => r.code).map((r) => [r.code as string, r.id]));
    },
    insertMany: async (rows: PlacesTable[]) => {
      for (let i = 0; i < rows.length; i += 100) {
        await db
          .insertInto("places")
          .values(rows.slice(i, i + 100))
          .onConflict((oc) => oc.column("code").doNothing())
          .execute();
      }
    },
    findByCode: (code: string) =>
      db.selectFrom("places").selectAll().where("code", "=", code).executeTakeFirst(),
  };
}
