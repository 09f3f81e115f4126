import { sql } from "kysely";
import type { Actor } from "../access/access.policies.js";
import { readableBy } from "../access/access.repository.js";
import { type AnyEb, type Tx, untyped } from "../db/any-db.js";
import type { RecordSpec } from "./record-spec.js";

type Row = Record<string, unknown>;

export interface ListOptions {
  mandateId?: string | undefined;
  ids?: string[] | undefined;
  confidentiality?: string | undefined;
  q?: string | undefined;
  filters: Record<string, string>;
  sortColumn: string;
  descending: boolean;
  after: [string, string] | null;
  limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * SQL of the record engine: every read goes through the access filter, so a row the caller may not read
 * is never returned, counted or distinguished from one that does not exist.
 * @example const repo = createRecordsRepository({ db: trx }); await repo.findReadable(actor, personSpec, id);
 */
export function createRecordsRepository({ db }: { db: Tx }) {
  const q = untyped(db);
  const access = (spec: RecordSpec, actor: Actor) => (eb: AnyEb) =>
    readableBy(eb, actor, spec.table, { builtIn: spec.builtIn === true });

  return {
    async findReadable(actor: Actor, spec: RecordSpec, id: string): Promise<Row | undefined> {
      return q
        .selectFrom(spec.table)
        .selectAll()
        .where("id", "=", id)
        .where(access(spec, actor))
        .executeTakeFirst();
    },

    async listReadable(actor: Actor, spec: RecordSpec, o: ListOptions): Promise<Row[]> {
      const sortExpr = sql`coalesce(${sql.ref(`${spec.table}.${o.sortColumn}`)}, '')`;
      const dir = o.descending ? sql`desc` : sql`asc`;
      let query = q.selectFrom(spec.table).selectAll().where(access(spec, actor));
      if (o.mandateId) query = query.where("mandate_id", "=", o.mandateId);
      if (o.ids) query = query.where("id", "in", o.ids);
      if (o.confidentiality) query = query.where("confidentiality", "=", o.confidentiality);
      for (const [column, value] of Object.entries(o.filters)) query = query.where(column, "=", value);
      if (o.q && spec.quickSearch.length) {
        const pattern = `%${escapeLike(o.q.toLowerCase())}%`;
        query = query.where((eb) =>
          eb.or(spec.quickSearch.map((c) => sql<boolean>`lower(${sql.ref(c)}) like ${pattern} escape '\\'`)),
        );
      }
      if (o.after) {
        const [value, id] = o.after;
        const cmp = o.descending ? sql`<` : sql`>`;
        query = query.where(
          sql<boolean>`(${sortExpr} ${cmp} ${value} or (${sortExpr} = ${value} and id ${cmp} ${id}))`,
        );
      }
      return query
        .orderBy(sql`${sortExpr} ${dir}`)
        .orderBy(sql`id ${dir}`)
        .limit(o.limit + 1)
        .execute();
    },

    async insert(spec: RecordSpec, row: Row): Promise<void> {
      await q.insertInto(spec.table).values(row).execute();
    },

    /** Updates a row if its version still matches; false when someone else changed it first. */
    async update(spec: RecordSpec, id: string, version: number, values: Row): Promise<boolean> {
      const res = await q
        .updateTable(spec.table)
        .set({ ...values, version: version + 1 })
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /**
     * Moves a row of a record type with a lifecycle between statuses only if it is still where the caller saw it
     * (compare and set); false when someone moved it first.
     * @example await repo.moveStatus(reportSpec, id, ["review"], { status: "final" });
     */
    async moveStatus(
      target: Pick<RecordSpec, "table"> | string,
      id: string,
      from: readonly string[],
      values: Row,
    ): Promise<boolean> {
      const res = await q
        .updateTable(typeof target === "string" ? target : target.table)
        .set({ ...values, version: sql`version + 1` })
        .where("id", "=", id)
        .where("status", "in", [...from])
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async existingTerms(list: string, codes: string[]): Promise<Map<string, boolean>> {
      const rows = await db
        .selectFrom("vocab_terms")
        .select(["code", "retired"])
        .where("list_name", "=", list)
        .where("code", "in", codes)
        .execute();
      return new Map(rows.map((r) => [r.code, Number(r.retired) === 1]));
    },

    async findDuplicate(
      spec: RecordSpec,
      mandateId: string,
      column: string,
      value: unknown,
      exceptId?: string,
    ) {
      let query = q
        .selectFrom(spec.table)
        .select("id")
        .where("mandate_id", "=", mandateId)
        .where(column, "=", value);
      if (exceptId) query = query.where("id", "<>", exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    async membersOf(mandateId: string, userIds: string[]): Promise<Set<string>> {
      if (!userIds.length) return new Set();
      const rows = await db
        .selectFrom("memberships")
        .select("user_id")
        .where("mandate_id", "=", mandateId)
        .where("user_id", "in", userIds)
        .execute();
      return new Set(rows.map((r) => r.user_id));
    },
  };
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>;
