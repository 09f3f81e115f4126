import type { Tx } from "../../platform/db/any-db.js";
import type { SubscribersTable } from "../../platform/db/schema-mailing.types.js";

/** SQL of the list's subscribers: lookup by keyed hash, the double opt-in, counts, pages, the purge. */
export function createSubscribersRepository({ db }: { db: Tx }) {
  return {
    find: (id: string) => db.selectFrom("subscribers").selectAll().where("id", "=", id).executeTakeFirst(),

    findByHash: (mandateId: string, emailHash: string) =>
      db
        .selectFrom("subscribers")
        .selectAll()
        .where("mandate_id", "=", mandateId)
        .where("email_hash", "=", emailHash)
        .executeTakeFirst(),

    /** Adds a pending subscriber; false when the address is on the list already (a concurrent sign-up). */
    async insert(row: SubscribersTable): Promise<boolean> {
      const r = await db
        .insertInto("subscribers")
        .values(row)
        .onConflict((oc) => oc.columns(["mandate_id", "email_hash"]).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    update: (id: string, values: Partial<SubscribersTable>) =>
      db.updateTable("subscribers").set(values).where("id", "=", id).execute(),

    /** Pending → confirmed; false when it was not pending (confirmed already, or purged). */
    async confirm(id: string, now: string): Promise<boolean> {
      const r = await db
        .updateTable("subscribers")
        .set({ status: "confirmed", confirmed_at: now, confirm_by: null, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Deletes a subscriber; their deliveries stay in the mailings' logs without the link to them. */
    async remove(id: string): Promise<boolean> {
      await db
        .updateTable("mailing_deliveries")
        .set({ subscriber_id: null })
        .where("subscriber_id", "=", id)
        .execute();
      const r = await db.deleteFrom("subscribers").where("id", "=", id).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    /** Deletes the addresses that were never confirmed in time (they have no deliveries); returns how many. */
    async purgeUnconfirmed(now: string): Promise<number> {
      const r = await db
        .deleteFrom("subscribers")
        .where("status", "=", "pending")
        .where("confirm_by", "<", now)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    countPending: async () =>
      Number(
        (
          await db
            .selectFrom("subscribers")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("status", "=", "pending")
            .executeTakeFirstOrThrow()
        ).n,
      ),

    counts: (mandateId: string) =>
      db
        .selectFrom("subscribers")
        .select(["status", "language", (eb) => eb.fn.countAll<number>().as("count")])
        .where("mandate_id", "=", mandateId)
        .groupBy(["status", "language"])
        .orderBy("status")
        .orderBy("language")
        .execute(),

    /** A page of the list in sign-up order, one more than `limit` to tell whether another page follows. */
    page: (mandateId: string, limit: number, after: string | undefined) =>
      db
        .selectFrom("subscribers")
        .selectAll()
        .where("mandate_id", "=", mandateId)
        .$if(after !== undefined, (q) => q.where("id", ">", after as string))
        .orderBy("id")
        .limit(limit + 1)
        .execute(),

    all: (mandateId: string) =>
      db.selectFrom("subscribers").selectAll().where("mandate_id", "=", mandateId).orderBy("id").execute(),
  };
}
