import type { Tx } from "../../platform/db/any-db.js";
import type { NotificationsTable } from "../../platform/db/schema-jobs.types.js";

/** SQL of in-app notifications: every read and write names the user, so nobody reaches another's. */
export function createNotificationsRepository({ db }: { db: Tx }) {
  return {
    recipients: (userIds: string[]) =>
      userIds.length
        ? db
            .selectFrom("users")
            .select(["id", "email", "locale", "disabled"])
            .where("id", "in", userIds)
            .execute()
        : Promise.resolve([]),

    insert: (rows: NotificationsTable[]) =>
      rows.length ? db.insertInto("notifications").values(rows).execute() : Promise.resolve([]),

    listOf: (userId: string, limit: number, beforeId?: string) =>
      db
        .selectFrom("notifications")
        .selectAll()
        .where("user_id", "=", userId)
        .$if(beforeId !== undefined, (q) => q.where("id", "<", beforeId as string))
        .orderBy("id", "desc")
        .limit(limit + 1)
        .execute(),

    unreadCount: async (userId: string) =>
      Number(
        (
          await db
            .selectFrom("notifications")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("user_id", "=", userId)
            .where("read_at", "is", null)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    findOf: (userId: string, id: string) =>
      db
        .selectFrom("notifications")
        .selectAll()
        .where("user_id", "=", userId)
        .where("id", "=", id)
        .executeTakeFirst(),

    async markRead(userId: string, now: string, id?: string) {
      const r = await db
        .updateTable("notifications")
        .set({ read_at: now })
        .where("user_id", "=", userId)
        .where("read_at", "is", null)
        .$if(id !== undefined, (q) => q.where("id", "=", id as string))
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}
