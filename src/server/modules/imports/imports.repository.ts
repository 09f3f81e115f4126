import type { Updateable } from "kysely";
import type { Tx } from "../../platform/db/any-db.js";
import type {
  ImportMappingsTable,
  ImportRunsTable,
  ImportUploadsTable,
} from "../../platform/db/schema-imports.types.js";

/** Values per IN list: well under SQLite's bound-parameter limit. */
const chunk = 1000;

/** The SQL of imports: uploads waiting for their commit, saved mappings, runs, and the look-ups rows need. */
export function createImportsRepository({ db }: { db: Tx }) {
  return {
    /** Per vocabulary list: each term's code and its labels in every language, lowercased → code. */
    async termLookup(lists: string[]): Promise<Map<string, Map<string, string>>> {
      const out = new Map<string, Map<string, string>>();
      if (!lists.length) return out;
      const rows = await db
        .selectFrom("vocab_terms")
        .select(["list_name", "code", "labels"])
        .where("list_name", "in", lists)
        .execute();
      for (const r of rows) {
        const terms = out.get(r.list_name) ?? new Map<string, string>();
        terms.set(r.code, r.code);
        for (const label of Object.values(JSON.parse(r.labels) as Record<string, string>))
          if (!terms.has(label.toLowerCase())) terms.set(label.toLowerCase(), r.code);
        out.set(r.list_name, terms);
      }
      return out;
    },

    /** Person ids of the mandate for values that are a person's id or its code. */
    async personIdsByIdOrCode(mandateId: string, values: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (let i = 0; i < values.length; i += chunk) {
        const part = values.slice(i, i + chunk);
        const rows = await db
          .selectFrom("persons")
          .select(["id", "code"])
          .where("mandate_id", "=", mandateId)
          .where((eb) => eb.or([eb("id", "in", part), eb("code", "in", part)]))
          .execute();
        for (const r of rows) {
          out.set(r.code, r.id);
          out.set(r.id, r.id);
        }
      }
      return out;
    },

    async insertUpload(row: ImportUploadsTable) {
      await db.insertInto("import_uploads").values(row).execute();
    },
    async findUpload(id: string) {
      return db.selectFrom("import_uploads").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** Reserves an upload for a run; false when another run holds it. */
    async claimUpload(id: string, runId: string): Promise<boolean> {
      const res = await db
        .updateTable("import_uploads")
        .set({ run_id: runId })
        .where("id", "=", id)
        .where("run_id", "is", null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    /** Frees an upload whose run wrote nothing, so it can be committed again (with another mapping). */
    async releaseUpload(id: string) {
      await db.updateTable("import_uploads").set({ run_id: null }).where("id", "=", id).execute();
    },
    async deleteUpload(id: string) {
      await db.deleteFrom("import_uploads").where("id", "=", id).execute();
    },
    /** Uploads whose time has passed, deleted; their ids are returned so their files can go too. */
    async deleteExpiredUploads(now: string): Promise<string[]> {
      const rows = await db.selectFrom("import_uploads").select("id").where("expires_at", "<", now).execute();
      const ids = rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += chunk)
        await db
          .deleteFrom("import_uploads")
          .where("id", "in", ids.slice(i, i + chunk))
          .execute();
      return ids;
    },

    async listMappings(mandateId: string, recordType?: string) {
      let q = db.selectFrom("import_mappings").selectAll().where("mandate_id", "=", mandateId);
      if (recordType) q = q.where("record_type", "=", recordType);
      return q.orderBy("name").execute();
    },
    async findMappingByName(mandateId: string, recordType: string, name: string) {
      return db
        .selectFrom("import_mappings")
        .selectAll()
        .where("mandate_id", "=", mandateId)
        .where("record_type", "=", recordType)
        .where("name", "=", name)
        .executeTakeFirst();
    },
    async insertMapping(row: ImportMappingsTable) {
      await db.insertInto("import_mappings").values(row).execute();
    },
    async updateMapping(id: string, values: Updateable<ImportMappingsTable>) {
      await db.updateTable("import_mappings").set(values).where("id", "=", id).execute();
    },

    async insertRun(row: ImportRunsTable) {
      await db.insertInto("import_runs").values(row).execute();
    },
    async updateRun(id: string, values: Updateable<ImportRunsTable>) {
      await db.updateTable("import_runs").set(values).where("id", "=", id).execute();
    },
    /** A run with the name of who started it. */
    async findRun(id: string) {
      return db
        .selectFrom("import_runs")
        .leftJoin("users", "users.id", "import_runs.started_by")
        .selectAll("import_runs")
        .select("users.display_name as started_by_name")
        .where("import_runs.id", "=", id)
        .executeTakeFirst();
    },
    /** Runs of the mandates given, newest first, without the bulky id lists. */
    async listRuns(mandateIds: string[], limit: number) {
      if (!mandateIds.length) return [];
      return db
        .selectFrom("import_runs")
        .leftJoin("users", "users.id", "import_runs.started_by")
        .select([
          "import_runs.id",
          "import_runs.mandate_id",
          "import_runs.record_type",
          "import_runs.filename",
          "import_runs.format",
          "import_runs.encoding",
          "import_runs.status",
          "import_runs.phase",
          "import_runs.rows_total",
          "import_runs.rows_done",
          "import_runs.mapping",
          "import_runs.counts",
          "import_runs.errors",
          "import_runs.started_by",
          "import_runs.started_at",
          "import_runs.updated_at",
          "import_runs.finished_at",
          "users.display_name as started_by_name",
        ])
        .where("import_runs.mandate_id", "in", mandateIds)
        .orderBy("import_runs.started_at", "desc")
        .orderBy("import_runs.id", "desc")
        .limit(limit)
        .execute();
    },
  };
}
