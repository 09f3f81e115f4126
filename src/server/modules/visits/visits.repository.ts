import type { Actor } from "../../platform/access/access.policies.js";
import { readableBy } from "../../platform/access/access.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";

/** SQL of country visits beyond the record engine: a request's status and reminders follow its entries. */
export function createVisitsRepository({ db }: { db: Tx }) {
  return {
    async requestOfEntry(entryId: string) {
      const row = await db
        .selectFrom("visit_request_entries")
        .select("visit_request_id")
        .where("id", "=", entryId)
        .executeTakeFirst();
      return row?.visit_request_id ?? null;
    },

    async refreshRequest(requestId: string) {
      const entries = await db
        .selectFrom("visit_request_entries")
        .select(["entry_kind", "entry_on", "status"])
        .where("visit_request_id", "=", requestId)
        .orderBy("entry_on", "asc")
        .orderBy("created_at", "asc")
        .orderBy("id", "asc")
        .execute();
      const reminders = entries.filter((e) => e.entry_kind === "reminder");
      const changes = entries.filter((e) => e.entry_kind === "status_change" && e.status);
      const last = changes[changes.length - 1];
      await db
        .updateTable("visit_requests")
        .set({
          status: last?.status ?? "pending",
          status_on: last?.entry_on ?? null,
          reminder_count: reminders.length,
          last_reminder_on: reminders[reminders.length - 1]?.entry_on ?? null,
        })
        .where("id", "=", requestId)
        .execute();
    },

    /** Persons of the mandate known by these pseudonymous codes. */
    async personCodes(mandateId: string, codes: string[]) {
      if (!codes.length) return new Set<string>();
      const rows = await db
        .selectFrom("persons")
        .select("code")
        .where("mandate_id", "=", mandateId)
        .where("code", "in", codes)
        .execute();
      return new Set(rows.map((r) => r.code));
    },
  };
}

/** The rows of the "status of country visits" table: each request with its reminders and the visits it led to. */
export function createVisitStatusRepository({ db }: { db: Tx }) {
  return {
    async requests(actor: Actor, mandateId: string) {
      return untyped(db)
        .selectFrom("visit_requests as r")
        .leftJoin("places as p", (j) => j.onRef("p.code", "=", "r.country").on("p.level", "=", "country"))
        .select([
          "r.id",
          "r.country",
          "p.name_en",
          "p.name_ko",
          "r.first_requested_on",
          "r.status",
          "r.status_on",
          "r.reminder_count",
          "r.last_reminder_on",
        ])
        .where("r.mandate_id", "=", mandateId)
        .where((eb) => readableBy(eb, actor, "r"))
        .orderBy("r.first_requested_on", "asc")
        .execute() as Promise<StatusRow[]>;
    },

    async reminders(actor: Actor, requestIds: string[]) {
      if (!requestIds.length) return [];
      return untyped(db)
        .selectFrom("visit_request_entries")
        .select(["visit_request_id", "entry_on"])
        .where("visit_request_id", "in", requestIds)
        .where("entry_kind", "=", "reminder")
        .where((eb) => readableBy(eb, actor, "visit_request_entries"))
        .orderBy("entry_on", "asc")
        .execute() as Promise<{ visit_request_id: string; entry_on: string }[]>;
    },

    async visits(actor: Actor, mandateId: string) {
      return untyped(db)
        .selectFrom("visits")
        .select([
          "id",
          "visit_request_id",
          "country",
          "visit_kind",
          "start_on",
          "end_on",
          "status",
          "report_symbol",
        ])
        .where("mandate_id", "=", mandateId)
        .where((eb) => readableBy(eb, actor, "visits"))
        .orderBy("start_on", "asc")
        .execute() as Promise<VisitRow[]>;
    },
  };
}

export interface StatusRow {
  id: string;
  country: string;
  name_en: string | null;
  name_ko: string | null;
  first_requested_on: string;
  status: string;
  status_on: string | null;
  reminder_count: number;
  last_reminder_on: string | null;
}

export interface VisitRow {
  id: string;
  visit_request_id: string | null;
  country: string;
  visit_kind: string;
  start_on: string | null;
  end_on: string | null;
  status: string;
  report_symbol: string | null;
}
