import type { Actor } from "../../platform/access/access.policies.js";
import { readableBy } from "../../platform/access/access.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";

/** SQL of cases beyond the record engine: the current status follows the latest dated change. */
export function createCasesRepository({ db }: { db: Tx }) {
  return {
    async caseOfChange(changeId: string) {
      const row = await db
        .selectFrom("case_status_changes")
        .select("case_id")
        .where("id", "=", changeId)
        .executeTakeFirst();
      return row?.case_id ?? null;
    },

    /** Sets the case's status to its latest change (by date, then by when it was recorded). */
    async refreshStatus(caseId: string) {
      const latest = await db
        .selectFrom("case_status_changes")
        .select(["status", "status_on"])
        .where("case_id", "=", caseId)
        .orderBy("status_on", "desc")
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .executeTakeFirst();
      await db
        .updateTable("cases")
        .set({ status: latest?.status ?? "open", status_on: latest?.status_on ?? null })
        .where("id", "=", caseId)
        .execute();
    },

    async find(caseId: string) {
      return db.selectFrom("cases").selectAll().where("id", "=", caseId).executeTakeFirst();
    },
  };
}

/** Counts over the cases an actor may read. */
export function createCaseFiguresRepository({ db }: { db: Tx }) {
  return {
    async counts(actor: Actor, mandateId: string) {
      return untyped(db)
        .selectFrom("cases")
        .select(["status", "priority", (eb) => eb.fn.countAll<number>().as("n")])
        .where("mandate_id", "=", mandateId)
        .where((eb) => readableBy(eb, actor, "cases"))
        .groupBy(["status", "priority"])
        .execute() as Promise<{ status: string; priority: string; n: number }[]>;
    },
  };
}
