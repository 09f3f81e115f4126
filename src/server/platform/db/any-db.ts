import { type ExpressionBuilder, type Kysely, PostgresAdapter, type Transaction } from "kysely";
import type { Database } from "./schema.types.js";

// biome-ignore lint/suspicious/noExplicitAny: the record engine names its tables and columns from record specs at run time.
export type AnyDb = Kysely<any> | Transaction<any>;
// biome-ignore lint/suspicious/noExplicitAny: see AnyDb.
export type AnyEb = ExpressionBuilder<any, any>;
export type Tx = Kysely<Database> | Transaction<Database>;

/** The same handle, seen by the record engine, whose table names come from specs. */
export const untyped = (db: Tx): AnyDb => db as unknown as AnyDb;

/** True on PostgreSQL, for the few statements (full-text search) whose SQL differs between the dialects. */
export const isPostgres = (db: AnyDb | Tx): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
