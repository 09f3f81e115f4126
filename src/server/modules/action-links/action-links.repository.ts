import { loadRestrictions, replaceRestrictions } from "../../platform/access/access.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";

/** Reads a link's target, and the level and restricted-to list of any record, and sets a link's. */
export function createActionLinksRepository({ db }: { db: Tx }) {
  const any = untyped(db);
  return {
    async targetOf(linkTable: string, linkId: string) {
      const row = await any
        .selectFrom(linkTable)
        .select(["target_type", "target_id"])
        .where("id", "=", linkId)
        .executeTakeFirst();
      return row ? { type: String(row.target_type), id: String(row.target_id) } : null;
    },

    /** The record's level, and its restricted-to list (null when it is not restricted). */
    async accessOf(table: string, id: string) {
      const row = await any
        .selectFrom(table)
        .select(["confidentiality", "restricted"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      const users = Number(row.restricted) === 1 ? ((await loadRestrictions(any, [id])).get(id) ?? []) : null;
      return { confidentiality: String(row.confidentiality), users };
    },

    async setAccess(
      linkTable: string,
      linkType: string,
      linkId: string,
      level: string,
      users: string[] | null,
    ) {
      await any
        .updateTable(linkTable)
        .set({ confidentiality: level, restricted: users === null ? 0 : 1 })
        .where("id", "=", linkId)
        .execute();
      // A link to records restricted to nobody in common stays restricted to nobody: hidden from all.
      if (users !== null) await replaceRestrictions(any, linkType, linkId, users);
    },
  };
}
