import pg from "pg";
import "../db/database.js"; // its int8 parser: counts and bigint ids come back as numbers, as the application reads them
import {
  type DumpConnection,
  foreignKeyOrder,
  q,
  selectSql,
  skippedTables,
  type TableInfo,
} from "./backup-tables.js";

/**
 * A dump connection on PostgreSQL (the tables of the connection's current schema). A backup reads in one
 * REPEATABLE READ READ ONLY transaction, so every table is read as of one instant while the servers go on writing.
 * @example const conn = await openPostgresDump(url); await conn.begin("snapshot");
 */
export async function openPostgresDump(url: string): Promise<DumpConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on("error", () => {
    // A lost connection fails the statement in progress, which reports it.
  });
  let cursorNo = 0;
  return {
    dialect: "postgres",
    async listTables() {
      const names = await client.query<{ name: string }>(
        `select c.relname as name from pg_class c
          where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') order by 1`,
      );
      const cols = await client.query<{ t: string; c: string }>(
        `select c.relname as t, a.attname as c from pg_attribute a join pg_class c on c.oid = a.attrelid
          where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
            and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''`,
      );
      const fks = await client.query<{ child: string; parent: string; col: string; ref: string }>(
        `select ch.relname as child, pa.relname as parent, a.attname as col, b.attname as ref
           from pg_constraint k
           join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
           join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
           join pg_attribute b on b.attrelid = k.confrelid and b.attnum = k.confkey[1]
          where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`,
      );
      const tables = names.rows
        .map((r) => r.name)
        .filter((n) => !skippedTables.has(n))
        .map((name): TableInfo => {
          const own = fks.rows.filter((f) => f.child === name);
          const self = own.find((f) => f.parent === name);
          return {
            name,
            columns: cols.rows
              .filter((c) => c.t === name)
              .map((c) => c.c)
              .sort(),
            parents: [...new Set(own.map((f) => f.parent))],
            selfRef: self ? { column: self.col, references: self.ref } : null,
          };
        });
      return foreignKeyOrder(tables);
    },
    async countRows(table) {
      const r = await client.query<{ n: number }>(`select count(*) as n from ${q(table)}`);
      return Number(r.rows[0]?.n ?? 0);
    },
    async *readRows(t, batch) {
      const cursor = `backup_cursor_${++cursorNo}`;
      await client.query(`declare ${cursor} no scroll cursor for ${selectSql(t)}`);
      try {
        for (;;) {
          const r = await client.query({ text: `fetch ${batch} from ${cursor}`, rowMode: "array" });
          if (!r.rows.length) break;
          yield r.rows as unknown[][];
        }
      } finally {
        await client.query(`close ${cursor}`);
      }
    },
    async distinctValues(table, column) {
      const r = await client.query<{ v: string }>(
        `select distinct ${q(column)} as v from ${q(table)} where ${q(column)} is not null`,
      );
      return r.rows.map((x) => x.v);
    },
    async insertRows(t, rows) {
      // At most 60,000 parameters per statement (PostgreSQL allows 65,535).
      const per = Math.max(1, Math.min(500, Math.floor(60_000 / t.columns.length)));
      for (let i = 0; i < rows.length; i += per) {
        const part = rows.slice(i, i + per);
        const values: unknown[] = [];
        const tuples = part.map((r) => {
          const marks = r.map((v) => {
            values.push(v);
            return `$${values.length}`;
          });
          return `(${marks.join(", ")})`;
        });
        await client.query(
          `insert into ${q(t.name)} (${t.columns.map(q).join(", ")}) values ${tuples.join(", ")}`,
          values,
        );
      }
    },
    async deleteAll(table) {
      await client.query(`delete from ${q(table)}`);
    },
    async resetSequences() {
      const serials = await client.query<{ t: string; c: string; s: string }>(
        `select c.relname as t, a.attname as c, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as s
           from pg_attribute a join pg_class c on c.oid = a.attrelid
          where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and a.attnum > 0
            and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
      );
      for (const { t, c, s } of serials.rows)
        await client.query(`select setval($1, coalesce((select max(${q(c)}) from ${q(t)}), 0) + 1, false)`, [
          s,
        ]);
    },
    async begin(mode) {
      await client.query(mode === "snapshot" ? "begin isolation level repeatable read read only" : "begin");
    },
    async commit() {
      await client.query("commit");
    },
    async rollback() {
      await client.query("rollback").catch(() => undefined);
    },
    async close() {
      await client.end();
    },
  };
}
