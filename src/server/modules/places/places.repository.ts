import type { Tx } from "../../platform/db/any-db.js";
import type { PlacesTable } from "../../platform/db/schema.types.js";

/** SQL of built-in reference places. */
export function createPlacesRepository({ db }: { db: Tx }) {
  return {
    /** English and Korean names of countries by ISO 3166 alpha-3 code. */
    async countryNames(codes: string[]) {
      if (!codes.length) return new Map<string, { en: string; ko: string | null }>();
      const rows = await db
        .selectFrom("places")
        .select(["code", "name_en", "name_ko"])
        .where("level", "=", "country")
        .where("code", "in", codes)
        .execute();
      return new Map(rows.map((r) => [String(r.code), { en: r.name_en, ko: r.name_ko }]));
    },

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
