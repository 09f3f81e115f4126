import { subscriberDerivedColumns } from "../../modules/mailing/mailing-tokens.js";
import type { MasterKey } from "./master-key.js";

/** A table whose rows hold an envelope (`key_id`, `wrapped_key`, `ciphertext`) sealed by `seal()`. */
export interface SealedTable {
  table: string;
  /** The column holding the record id bound into the seal as associated data. */
  idColumn: string;
  /** What the audit trail calls the record. */
  recordType: string;
  mandateColumn?: string;
  /** Columns derived from the master key and the opened value, recomputed under the new key. */
  derived?: { columns: string[]; compute: (value: unknown, master: MasterKey) => Record<string, string> };
}

/**
 * Every table with sealed data. Key rotation re-wraps them all and refuses to run when the database holds a table
 * with a `wrapped_key` column missing here, so a new sealed table cannot be forgotten.
 */
export const sealedTables: SealedTable[] = [
  { table: "person_identities", idColumn: "person_id", recordType: "person", mandateColumn: "mandate_id" },
  {
    table: "subscribers",
    idColumn: "id",
    recordType: "subscriber",
    mandateColumn: "mandate_id",
    derived: { columns: ["email_hash"], compute: subscriberDerivedColumns },
  },
  { table: "user_totp", idColumn: "id", recordType: "user_totp" },
];
