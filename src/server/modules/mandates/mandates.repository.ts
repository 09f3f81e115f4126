import type { Tx } from "../../platform/db/any-db.js";
import type { MandatesTable } from "../../platform/db/schema.types.js";

/** SQL of mandates and their memberships. */
export function createMandatesRepository({ db }: { db: Tx }) {
  return {
    listAll: () => db.selectFrom("mandates").selectAll().orderBy("code").execute(),
    listByIds: (ids: string[]) =>
      ids.length
        ? db.selectFrom("mandates").selectAll().where("id", "in", ids).orderBy("code").execute()
        : Promise.resolve([]),
    findById: (id: string) => db.selectFrom("mandates").selectAll().where("id", "=", id).executeTakeFirst(),
    findByCode: (code: string) =>
      db.selectFrom("mandates").selectAll().where("code", "=", code).executeTakeFirst(),
    insert: (row: MandatesTable) => db.insertInto("mandates").values(row).execute(),
    update: (id: string, values: Partial<MandatesTable>) =>
      db.updateTable("mandates").set(values).where("id", "=", id).execute(),
    countNonDemo: async () =>
      Number(
        (
          await db
            .selectFrom("mandates")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("is_demo", "=", 0)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    members: (mandateId: string) =>
      db
        .selectFrom("memberships")
        .innerJoin("users", "users.id", "memberships.user_id")
        .select(["users.id", "users.email", "users.display_name", "memberships.role", "users.disabled"])
        .where("memberships.mandate_id", "=", mandateId)
        .orderBy("users.email")
        .execute(),
    async setRole(userId: string, mandateId: string, role: string, at: string) {
      await db
        .insertInto("memberships")
        .values({ user_id: userId, mandate_id: mandateId, role, created_at: at })
        .onConflict((oc) => oc.columns(["user_id", "mandate_id"]).doUpdateSet({ role }))
        .execute();
    },
    removeMember: (userId: string, mandateId: string) =>
      db
        .deleteFrom("memberships")
        .where("user_id", "=", userId)
        .where("mandate_id", "=", mandateId)
        .executeTakeFirst(),
  };
}
