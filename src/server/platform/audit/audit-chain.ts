import { createHmac, hkdfSync } from "node:crypto";
import type { MasterKey } from "../crypto/master-key.js";
import type { AuditLogTable } from "../db/schema.types.js";

/** Every column of an audit row the chain covers: all of them but the chain's own two. */
export const chainedColumns = [
  "id",
  "at",
  "actor_id",
  "action",
  "record_type",
  "record_id",
  "mandate_id",
  "ip",
  "user_agent",
  "fields",
] as const satisfies readonly (keyof AuditLogTable)[];

export type ChainedRow = Pick<AuditLogTable, (typeof chainedColumns)[number]>;

/** The link before the first row. */
export const genesisHash = "0".repeat(64);

const keys = new WeakMap<MasterKey, Buffer>();

/** The chain's HMAC key, derived from the master key (HKDF-SHA-256), so database access alone cannot forge links. */
export function auditChainKey(master: MasterKey): Buffer {
  let key = keys.get(master);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", master.key, Buffer.alloc(0), "rapporteur/audit/chain/v1", 32));
    keys.set(master, key);
  }
  return key;
}

/**
 * The link of one row: HMAC-SHA-256 over its position, the previous link and every column. Columns are all text
 * (times as ISO-8601 UTC text, fields as JSON text) in both dialects, so the JSON array below is byte-identical
 * whether the row was read from SQLite or PostgreSQL; null and "" stay distinct.
 * @example linkHash(key, 1, genesisHash, row)
 */
export function linkHash(key: Buffer, seq: number, prev: string, row: ChainedRow): string {
  const canonical = JSON.stringify(["audit/v1", seq, prev, ...chainedColumns.map((c) => row[c])]);
  return createHmac("sha256", key).update(canonical, "utf8").digest("hex");
}
