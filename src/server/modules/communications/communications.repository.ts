import { sql } from "kysely";
import type { Actor } from "../../platform/access/access.policies.js";
import { readableBy } from "../../platform/access/access.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";

export const sentStatuses = ["sent", "replied", "no_reply", "published"] as const;

/** SQL of communications beyond the record engine: numbering, counts, statistics and the public view. */
export function createCommunicationsRepository({ db }: { db: Tx }) {
  return {
    async find(id: string) {
      return db.selectFrom("communications").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /**
     * The next number for an addressee in a year, across every mandate and type. The upsert takes the counter
     * row's lock until the transaction ends, so concurrent sends queue on it and never share or skip a number.
     */
    async nextNumber(addresseeCode: string, year: number): Promise<number> {
      const row = await db
        .insertInto("communication_sequences")
        .values({ addressee_code: addresseeCode, year, last_number: 1 })
        .onConflict((oc) =>
          oc
            .columns(["addressee_code", "year"])
            .doUpdateSet({ last_number: sql<number>`communication_sequences.last_number + 1` }),
        )
        .returning("last_number")
        .executeTakeFirstOrThrow();
      return Number(row.last_number);
    },

    async setDates(id: string, values: { reply_due_on?: string; publish_on?: string }) {
      await db.updateTable("communications").set(values).where("id", "=", id).execute();
    },

    async communicationOf(table: "communication_links" | "communication_replies", id: string) {
      const row = await db
        .selectFrom(table)
        .select("communication_id")
        .where("id", "=", id)
        .executeTakeFirst();
      return row?.communication_id ?? null;
    },

    /** Alleged victims: the persons linked directly or through a linked case, a group counting as its size. */
    async refreshCounts(id: string) {
      const direct = db
        .selectFrom("communication_links")
        .select("target_id as person_id")
        .where("communication_id", "=", id)
        .where("target_type", "=", "person");
      const viaCases = db
        .selectFrom("communication_links as cl")
        .innerJoin("case_links as k", "k.case_id", "cl.target_id")
        .select("k.target_id as person_id")
        .where("cl.communication_id", "=", id)
        .where("cl.target_type", "=", "case")
        .where("k.target_type", "=", "person");
      const victims = await db
        .selectFrom("persons")
        .select((eb) =>
          eb.fn.coalesce(eb.fn.sum(sql<number>`coalesce(group_size, 1)`), sql<number>`0`).as("n"),
        )
        .where("id", "in", direct.union(viaCases))
        .executeTakeFirst();
      const replies = await db
        .selectFrom("communication_replies")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("communication_id", "=", id)
        .executeTakeFirst();
      await db
        .updateTable("communications")
        .set({ alleged_victims: Number(victims?.n ?? 0), reply_count: Number(replies?.n ?? 0) })
        .where("id", "=", id)
        .execute();
    },

    /** Members of the mandate who follow its letters: the holder and the officers. */
    async followers(mandateId: string) {
      const rows = await db
        .selectFrom("memberships")
        .select("user_id")
        .where("mandate_id", "=", mandateId)
        .where("role", "in", ["mandate_holder", "officer"])
        .execute();
      return rows.map((r) => r.user_id);
    },

    async attachment(id: string) {
      return db
        .selectFrom("attachments")
        .select(["filename", "mime_type", "sha256"])
        .where("id", "=", id)
        .executeTakeFirst();
    },

    async mandate(mandateId: string) {
      return db.selectFrom("mandates").selectAll().where("id", "=", mandateId).executeTakeFirst();
    },

    /** Sent communications of a year the actor may read, for the year's facts and figures. */
    async sentInYear(actor: Actor, mandateId: string, year: number) {
      return untyped(db)
        .selectFrom("communications")
        .select([
          "kind",
          "joint_mandates",
          "addressee_kind",
          "addressee_country",
          "alleged_victims",
          "reply_count",
        ])
        .where("mandate_id", "=", mandateId)
        .where("reference_year", "=", year)
        .where("status", "in", [...sentStatuses])
        .where((eb) => readableBy(eb, actor, "communications"))
        .execute() as Promise<
        {
          kind: string;
          joint_mandates: string;
          addressee_kind: string;
          addressee_country: string | null;
          alleged_victims: number;
          reply_count: number;
        }[]
      >;
    },

    async sentYears(actor: Actor, mandateId: string) {
      const rows = await untyped(db)
        .selectFrom("communications")
        .select("reference_year")
        .distinct()
        .where("mandate_id", "=", mandateId)
        .where("reference_year", "is not", null)
        .where((eb) => readableBy(eb, actor, "communications"))
        .orderBy("reference_year", "desc")
        .execute();
      return rows.map((r) => Number(r.reference_year));
    },

    /** Published communications, newest first: the only rows the public view ever reads. */
    async published(options: { mandateId?: string | undefined; limit: number; reference?: string }) {
      let q = db
        .selectFrom("communications")
        .selectAll()
        .where("status", "=", "published")
        .orderBy("sent_on", "desc")
        .orderBy("reference", "desc")
        .limit(options.limit);
      if (options.mandateId) q = q.where("mandate_id", "=", options.mandateId);
      if (options.reference) q = q.where("reference", "=", options.reference);
      return q.execute();
    },

    async repliesOf(ids: string[]) {
      if (!ids.length) return [];
      return db
        .selectFrom("communication_replies")
        .select(["id", "communication_id", "received_on", "summary", "attachment_id"])
        .where("communication_id", "in", ids)
        .orderBy("received_on", "asc")
        .execute();
    },
  };
}
