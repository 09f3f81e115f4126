import type { Actor } from "../../platform/access/access.policies.js";
import { readableBy } from "../../platform/access/access.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";
import type { ReportOverridesTable, ReportVersionsTable } from "../../platform/db/schema-reports.types.js";

export interface QuotedSource {
  id: string;
  mandate_id: string;
  title: string;
  summary: string | null;
  transcript: string | null;
  consent_scope: string;
  reprisal_risk: string;
  confidentiality: string;
  restricted: number;
}

/** SQL of reports beyond the record engine: body, lifecycle, versions, overrides and what the report draws on. */
export function createReportsRepository({ db }: { db: Tx }) {
  return {
    find: (id: string) => db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst(),

    /** Writes a new body (and other columns) only if the report is still at the version the caller saw. */
    async write(id: string, version: number, values: Record<string, unknown>) {
      const res = await untyped(db)
        .updateTable("reports")
        .set({ ...values, version: version + 1 })
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Quoted sources, whatever the caller may read (the publication check needs the truth), with what it checks. */
    async sources(ids: string[]): Promise<QuotedSource[]> {
      if (!ids.length) return [];
      return db
        .selectFrom("sources")
        .select([
          "id",
          "mandate_id",
          "title",
          "summary",
          "transcript",
          "consent_scope",
          "reprisal_risk",
          "confidentiality",
          "restricted",
        ])
        .where("id", "in", [...new Set(ids)])
        .execute();
    },

    /** Of these sources, the ids the actor may read. */
    async readableSources(actor: Actor, ids: string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await untyped(db)
        .selectFrom("sources")
        .select("id")
        .where("id", "in", [...new Set(ids)])
        .where((eb) => readableBy(eb, actor, "sources"))
        .execute();
      return new Set(rows.map((r) => String(r.id)));
    },

    /** The report's recommendations the actor may read, in the order they were written. */
    async recommendations(actor: Actor, reportId: string) {
      return untyped(db)
        .selectFrom("recommendations")
        .select([
          "id",
          "addressee_kind",
          "addressee_country",
          "addressee_name",
          "text",
          "paragraph",
          "confidentiality",
          "restricted",
        ])
        .where("report_id", "=", reportId)
        .where((eb) => readableBy(eb, actor, "recommendations"))
        .orderBy("created_at")
        .orderBy("id")
        .execute() as Promise<
        {
          id: string;
          addressee_kind: string;
          addressee_country: string | null;
          addressee_name: string | null;
          text: string;
          paragraph: string | null;
          confidentiality: string;
          restricted: number;
        }[]
      >;
    },

    /** Every sealed identity of the mandate: opened in memory by the publication check, never returned. */
    identities: (mandateId: string) =>
      db
        .selectFrom("person_identities")
        .select(["person_id", "key_id", "wrapped_key", "ciphertext"])
        .where("mandate_id", "=", mandateId)
        .execute(),

    /** Pseudonymous codes of the mandate's persons, and whether each was interviewed at a high risk of reprisal. */
    async personCodes(mandateId: string) {
      const rows = await db
        .selectFrom("persons")
        .select([
          "id",
          "code",
          (eb) =>
            eb
              .exists(
                eb
                  .selectFrom("sources")
                  .select("sources.id")
                  .whereRef("sources.interviewee_id", "=", "persons.id")
                  .where("sources.reprisal_risk", "=", "high"),
              )
              .as("high_risk"),
        ])
        .where("mandate_id", "=", mandateId)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        highRisk: r.high_risk === true || Number(r.high_risk) === 1,
      }));
    },

    /** Of these persons, the ids the actor may read (a problem names a person's code only to those). */
    async readablePersons(actor: Actor, ids: string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await untyped(db)
        .selectFrom("persons")
        .select("id")
        .where("id", "in", [...new Set(ids)])
        .where((eb) => readableBy(eb, actor, "persons"))
        .execute();
      return new Set(rows.map((r) => String(r.id)));
    },

    async termLabels(list: string, codes: string[]) {
      if (!codes.length) return new Map<string, Record<string, string>>();
      const rows = await db
        .selectFrom("vocab_terms")
        .select(["code", "labels"])
        .where("list_name", "=", list)
        .where("code", "in", [...new Set(codes)])
        .execute();
      return new Map(rows.map((r) => [r.code, JSON.parse(r.labels) as Record<string, string>]));
    },

    versions: (reportId: string) =>
      db
        .selectFrom("report_versions")
        .select(["id", "number", "kind", "label", "restored_from", "status", "created_by", "created_at"])
        .where("report_id", "=", reportId)
        .orderBy("number", "desc")
        .execute(),

    version: (reportId: string, versionId: string) =>
      db
        .selectFrom("report_versions")
        .selectAll()
        .where("report_id", "=", reportId)
        .where("id", "=", versionId)
        .executeTakeFirst(),

    async addVersion(row: Omit<ReportVersionsTable, "number">) {
      const last = await db
        .selectFrom("report_versions")
        .select((eb) => eb.fn.max("number").as("n"))
        .where("report_id", "=", row.report_id)
        .executeTakeFirst();
      const number = Number(last?.n ?? 0) + 1;
      await db
        .insertInto("report_versions")
        .values({ ...row, number })
        .execute();
      return number;
    },

    overrides: (reportId: string) =>
      db
        .selectFrom("report_overrides")
        .selectAll()
        .where("report_id", "=", reportId)
        .orderBy("created_at")
        .execute(),

    async addOverride(row: ReportOverridesTable) {
      await db.insertInto("report_overrides").values(row).execute();
    },

    mandate: (mandateId: string) =>
      db.selectFrom("mandates").selectAll().where("id", "=", mandateId).executeTakeFirst(),

    async userNames(ids: string[]) {
      if (!ids.length) return new Map<string, string>();
      const rows = await db
        .selectFrom("users")
        .select(["id", "display_name"])
        .where("id", "in", [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
