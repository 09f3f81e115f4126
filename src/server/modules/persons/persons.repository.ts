import type { Tx } from "../../platform/db/any-db.js";
import type { PersonIdentitiesTable } from "../../platform/db/schema.types.js";

/** SQL of persons beyond the record engine: their sealed identifying data. */
export function createPersonsRepository({ db }: { db: Tx }) {
  return {
    findIdentity: (personId: string) =>
      db.selectFrom("person_identities").selectAll().where("person_id", "=", personId).executeTakeFirst(),

    async saveIdentity(row: PersonIdentitiesTable) {
      await db
        .insertInto("person_identities")
        .values(row)
        .onConflict((oc) =>
          oc.column("person_id").doUpdateSet({
            key_id: row.key_id,
            wrapped_key: row.wrapped_key,
            ciphertext: row.ciphertext,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    async withIdentity(ids: string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db
        .selectFrom("person_identities")
        .select("person_id")
        .where("person_id", "in", ids)
        .execute();
      return new Set(rows.map((r) => r.person_id));
    },
  };
}
