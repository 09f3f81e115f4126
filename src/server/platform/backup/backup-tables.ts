import { createHash } from "node:crypto";

/** A table as the backup sees it: its columns (by name) and the tables its foreign keys point to. */
export interface TableInfo {
  name: string;
  columns: string[];
  parents: string[];
  /** A foreign key to the table itself (a place inside a place): rows are read parents first. */
  selfRef: { column: string; references: string } | null;
}

/** One raw connection to a database, for dumping and for restoring (all statements in `*.repository.ts`). */
export interface DumpConnection {
  dialect: "sqlite" | "postgres";
  /** Every table of the application, in foreign-key order (parents first). */
  listTables: () => Promise<TableInfo[]>;
  countRows: (table: string) => Promise<number>;
  /** Rows as arrays in the order of `t.columns`, in batches; parents before children within a self-referencing table. */
  readRows: (t: TableInfo, batch: number) => AsyncGenerator<unknown[][]>;
  /** Distinct non-null values of one column (the SHA-256 of stored files). */
  distinctValues: (table: string, column: string) => Promise<string[]>;
  insertRows: (t: TableInfo, rows: unknown[][]) => Promise<void>;
  deleteAll: (table: string) => Promise<void>;
  /** After rows with explicit ids went in: counters (PostgreSQL sequences) continue after the largest id. */
  resetSequences: () => Promise<void>;
  begin: (mode: "snapshot" | "write") => Promise<void>;
  commit: () => Promise<void>;
  rollback: () => Promise<void>;
  close: () => Promise<void>;
}

/** Tables never copied: the migrator's lock row is its own business. */
export const skippedTables = new Set(["kysely_migration_lock"]);

/** Sorts tables so that every table comes after those its foreign keys point to (ties by name). */
export function foreignKeyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const p of [...t.parents].sort()) {
      const parent = byName.get(p);
      if (parent && p !== t.name) visit(parent, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}

/** A value as written to the backup: bytes become `{ "$b": base64 }`, the rest stays as JSON has it. */
export const encodeValue = (v: unknown): unknown =>
  Buffer.isBuffer(v) ? { $b: v.toString("base64") } : typeof v === "bigint" ? Number(v) : v;

/** The reverse of encodeValue. */
export const decodeValue = (v: unknown): unknown =>
  v !== null && typeof v === "object" && "$b" in v
    ? Buffer.from(String((v as { $b: string }).$b), "base64")
    : v;

/**
 * Digest of a table's rows that does not depend on their order: the sum, modulo 2^256, of each row's SHA-256 over its
 * encoded values. Backup, restore and the restored database compute the same number from the same rows.
 */
export class TableDigest {
  private sum = 0n;
  rows = 0;
  add(encodedRow: unknown[]) {
    const h = createHash("sha256").update(JSON.stringify(encodedRow)).digest("hex");
    this.sum = (this.sum + BigInt(`0x${h}`)) % 2n ** 256n;
    this.rows++;
  }
  hex() {
    return this.sum.toString(16).padStart(64, "0");
  }
}

/** A quoted identifier, the same on SQLite and PostgreSQL. */
export const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows of a table, parents first when it refers to itself (a recursive walk from the roots). */
export function selectSql(t: TableInfo): string {
  const cols = t.columns.map((c) => `t.${q(c)}`).join(", ");
  if (!t.selfRef) return `select ${cols} from ${q(t.name)} t`;
  const { column, references } = t.selfRef;
  return `with recursive tree(k, depth) as (
      select ${q(references)}, 0 from ${q(t.name)} where ${q(column)} is null
      union all select c.${q(references)}, tree.depth + 1 from ${q(t.name)} c join tree on c.${q(column)} = tree.k)
    select ${cols} from ${q(t.name)} t join tree on t.${q(references)} = tree.k order by tree.depth`;
}
