import type { Tx } from "../../platform/db/any-db.js";
import type {
  DeliveryStatus,
  MailingDeliveriesTable,
  MailingsTable,
} from "../../platform/db/schema-mailing.types.js";
import { createPressReleaseImagesRepository } from "../press-releases/press-release-images.repository.js";

const insertChunk = 500;

/** SQL of mailings and their delivery logs: creating them, the batches' claims, progress and pages. */
export function createMailingsRepository({ db }: { db: Tx }) {
  return {
    findRelease: (id: string) =>
      db
        .selectFrom("press_releases")
        .select([
          "id",
          "mandate_id",
          "slug",
          "status",
          "confidentiality",
          "published_at",
          "location",
          "title_en",
          "title_ko",
          "summary_en",
          "summary_ko",
          "body_en",
          "body_ko",
        ])
        .where("id", "=", id)
        .executeTakeFirst(),

    /** The ids of a release's images: the only images its mail shows. */
    imageIdsOf: async (pressReleaseId: string) =>
      (await createPressReleaseImagesRepository({ db }).listOf(pressReleaseId)).map((i) => i.id),

    /** Confirmed subscribers of the mandate who asked for press releases: ids and languages, no address. */
    releaseRecipients: (mandateId: string) =>
      db
        .selectFrom("subscribers")
        .select(["id", "language"])
        .where("mandate_id", "=", mandateId)
        .where("status", "=", "confirmed")
        .where("topic_press_releases", "=", 1)
        .orderBy("id")
        .execute(),

    insertMailing: (row: MailingsTable) => db.insertInto("mailings").values(row).execute(),

    async insertDeliveries(rows: MailingDeliveriesTable[]) {
      for (let i = 0; i < rows.length; i += insertChunk)
        await db
          .insertInto("mailing_deliveries")
          .values(rows.slice(i, i + insertChunk))
          .execute();
    },

    find: (id: string) => db.selectFrom("mailings").selectAll().where("id", "=", id).executeTakeFirst(),

    forRelease: (releaseId: string) =>
      db
        .selectFrom("mailings")
        .selectAll()
        .where("press_release_id", "=", releaseId)
        .orderBy("id", "desc")
        .execute(),

    /** Deliveries per mailing and status. */
    progress: (mailingIds: string[]) =>
      mailingIds.length
        ? db
            .selectFrom("mailing_deliveries")
            .select(["mailing_id", "status", (eb) => eb.fn.countAll<number>().as("count")])
            .where("mailing_id", "in", mailingIds)
            .groupBy(["mailing_id", "status"])
            .execute()
        : Promise.resolve([]),

    /** A page of a mailing's log with each recipient's sealed address (null once they left the list). */
    deliveriesPage: (mailingId: string, limit: number, after: string | undefined) =>
      db
        .selectFrom("mailing_deliveries as d")
        .leftJoin("subscribers as s", "s.id", "d.subscriber_id")
        .select([
          "d.id",
          "d.subscriber_id",
          "d.language",
          "d.status",
          "d.attempts",
          "d.sent_at",
          "d.last_error",
          "s.key_id",
          "s.wrapped_key",
          "s.ciphertext",
        ])
        .where("d.mailing_id", "=", mailingId)
        .$if(after !== undefined, (q) => q.where("d.id", ">", after as string))
        .orderBy("d.id")
        .limit(limit + 1)
        .execute(),

    /** The next deliveries to send: pending ones, and ones left "sending" by a worker that died (claimed before `staleBefore`). */
    nextBatch: (mailingId: string, limit: number, staleBefore: string) =>
      db
        .selectFrom("mailing_deliveries")
        .selectAll()
        .where("mailing_id", "=", mailingId)
        .where((w) =>
          w.or([
            w("status", "=", "pending"),
            w.and([w("status", "=", "sending"), w("claimed_at", "<", staleBefore)]),
          ]),
        )
        .orderBy("id")
        .limit(limit)
        .execute(),

    /** Takes a delivery for sending if it is still as read (compare and set): no two workers send the same one. */
    async claim(
      d: Pick<MailingDeliveriesTable, "id" | "status" | "attempts">,
      now: string,
    ): Promise<boolean> {
      const r = await db
        .updateTable("mailing_deliveries")
        .set({ status: "sending", attempts: d.attempts + 1, claimed_at: now })
        .where("id", "=", d.id)
        .where("status", "=", d.status)
        .where("attempts", "=", d.attempts)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Records the outcome of one claim (only while it is still "sending"). */
    settle: (id: string, values: { status: DeliveryStatus; sent_at?: string; last_error: string | null }) =>
      db
        .updateTable("mailing_deliveries")
        .set(values)
        .where("id", "=", id)
        .where("status", "=", "sending")
        .execute(),

    /** What is left of a mailing: pending deliveries, and the oldest claim still "sending". */
    async remaining(mailingId: string) {
      const rows = await db
        .selectFrom("mailing_deliveries")
        .select([
          "status",
          (eb) => eb.fn.countAll<number>().as("count"),
          (eb) => eb.fn.min("claimed_at").as("oldest"),
        ])
        .where("mailing_id", "=", mailingId)
        .where("status", "in", ["pending", "sending"])
        .groupBy("status")
        .execute();
      const of = (s: string) => rows.find((r) => r.status === s);
      return {
        pending: Number(of("pending")?.count ?? 0),
        sending: Number(of("sending")?.count ?? 0),
        oldestSending: (of("sending")?.oldest as string | null | undefined) ?? null,
      };
    },

    /** Gives up what is left of a mailing (a claim a dead worker left included). */
    skipRest: (mailingId: string, reason: string) =>
      db
        .updateTable("mailing_deliveries")
        .set({ status: "skipped", last_error: reason })
        .where("mailing_id", "=", mailingId)
        .where("status", "in", ["pending", "sending"])
        .execute(),

    finish: (id: string, status: "done" | "withdrawn", now: string) =>
      db
        .updateTable("mailings")
        .set({ status, finished_at: now })
        .where("id", "=", id)
        .where("status", "=", "sending")
        .execute(),
  };
}
