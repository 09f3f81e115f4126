import type { Confidentiality } from "../../platform/access/access.policies.js";
import { confidentialityLevels } from "../../platform/access/access.policies.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";

const rank = (c: string) => confidentialityLevels.indexOf(c as Confidentiality);

/** Reads and tightens the access of a link row so it never reveals more than the record it points to. */
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

    async accessOf(table: string, id: string) {
      const row = await any
        .selectFrom(table)
        .select(["confidentiality", "restricted"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      const users =
        Number(row.restricted) === 1
          ? (
              await any.selectFrom("record_access").select("user_id").where("record_id", "=", id).execute()
            ).map((r) => String(r.user_id))
          : null;
      return { confidentiality: String(row.confidentiality), users };
    },

    /** Raises the link's level to the highest of its own and the targets', and narrows its restriction to theirs. */
    async tighten(
      linkTable: string,
      linkType: string,
      linkId: string,
      targets: { table: string; id: string }[],
    ): Promise<void> {
      const link = await this.accessOf(linkTable, linkId);
      if (!link) return;
      let level = link.confidentiality;
      let users = link.users;
      for (const t of targets) {
        const target = await this.accessOf(t.table, t.id);
        if (!target) continue;
        if (rank(target.confidentiality) > rank(level)) level = target.confidentiality;
        if (target.users) users = users ? users.filter((u) => target.users?.includes(u)) : target.users;
      }
      const restricted = users !== null;
      if (level === link.confidentiality && JSON.stringify(users) === JSON.stringify(link.users)) return;
      await any
        .updateTable(linkTable)
        .set({ confidentiality: level, restricted: restricted ? 1 : 0 })
        .where("id", "=", linkId)
        .execute();
      if (restricted) {
        await any.deleteFrom("record_access").where("record_id", "=", linkId).execute();
        // A link to records restricted to nobody in common stays restricted to nobody: hidden from all but admins' repair.
        if (users?.length)
          await any
            .insertInto("record_access")
            .values(users.map((u) => ({ record_id: linkId, user_id: u, record_type: linkType })))
            .execute();
      }
    },
  };
}
