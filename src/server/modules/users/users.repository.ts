import type { Tx } from "../../platform/db/any-db.js";
import type { UsersTable } from "../../platform/db/schema.types.js";

/** SQL of user accounts. */
export function createUsersRepository({ db }: { db: Tx }) {
  return {
    findById: (id: string) => db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst(),
    findByEmail: (email: string) =>
      db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst(),
    listAll: () => db.selectFrom("users").selectAll().orderBy("email").execute(),
    listInMandates: (mandateIds: string[]) =>
      mandateIds.length
        ? db
            .selectFrom("users")
            .selectAll()
            .where(
              "id",
              "in",
              db.selectFrom("memberships").select("user_id").where("mandate_id", "in", mandateIds),
            )
            .orderBy("email")
            .execute()
        : Promise.resolve([]),
    insert: (row: UsersTable) => db.insertInto("users").values(row).execute(),
    update: (id: string, values: Partial<UsersTable>) =>
      db.updateTable("users").set(values).where("id", "=", id).execute(),
    membershipsOf: (userIds: string[]) =>
      userIds.length
        ? db
            .selectFrom("memberships")
            .select(["user_id", "mandate_id", "role"])
            .where("user_id", "in", userIds)
            .execute()
        : Promise.resolve([]),
    count: async () =>
      Number(
        (
          await db
            .selectFrom("users")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}
