import type { Actor, Confidentiality } from "../access/access.policies.js";
import type { Tx } from "../db/any-db.js";
import type { FieldProblem } from "../errors/app-error.js";

export type Problems = Record<string, FieldProblem>;

export const datePrecisions = ["day", "month", "year", "approximate"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** The kinds of field a record may have; each knows its zod schema and its columns. */
export type FieldKind =
  | { kind: "text"; max: number; required?: boolean }
  | { kind: "enum"; values: readonly [string, ...string[]]; required?: boolean; default?: string }
  | { kind: "int"; min: number; max: number }
  | { kind: "number"; min: number; max: number }
  | { kind: "bool" }
  | { kind: "vocab"; list: string; required?: boolean }
  | { kind: "ref"; table: string; required?: boolean; builtIn?: boolean }
  | { kind: "date"; precisionColumn: string }
  /** A calendar day (YYYY-MM-DD): deadlines and publication dates, which are never imprecise. */
  | { kind: "day"; required?: boolean }
  | { kind: "stringList"; maxItems: number; maxLength: number }
  | { kind: "country" };

export interface FieldSpec {
  column: string;
  type: FieldKind;
  /** Exact-match filter on lists (`?victimId=…`). */
  filter?: boolean;
  /** Allowed as `?sort=`. */
  sort?: boolean;
  /** Not changeable after creation. */
  immutable?: boolean;
  /** Set by the server only (a status moved by its own actions, an assigned reference): shown, never accepted. */
  readOnly?: boolean;
  /** One line for the OpenAPI document. */
  doc?: string;
}

export interface RecordSpec {
  /** Singular name used in audit rows and abilities (`person`). */
  type: string;
  /** Plural used in paths and error codes (`persons`, `information-links`). */
  plural: string;
  table: string;
  fields: Record<string, FieldSpec>;
  /** Columns matched by the `q` quick search. Identifying data is never among them. */
  quickSearch: string[];
  defaultConfidentiality: Confidentiality;
  /** API fields unique within a mandate (a person's pseudonymous code). */
  unique?: string[];
  /** Rows with built_in = 1 are shared reference data (places). */
  builtIn?: boolean;
  /** Cross-field checks, run after the per-field ones, inside the write transaction. */
  check?: (
    input: Record<string, unknown>,
    ctx: { db: Tx; actor: Actor; mandateId: string; existing?: Record<string, unknown> },
  ) => Promise<Record<string, FieldProblem>> | Record<string, FieldProblem>;
  /** Runs inside the write transaction after a create or update (the search index follows its records). */
  afterWrite?: (db: Tx, id: string) => Promise<void>;
  /** Extra read-only fields for a page of records (e.g. whether a person has identifying data on file). */
  enrich?: (db: Tx, ids: string[]) => Promise<Map<string, Record<string, unknown>>>;
}

/** Declares a record type; the identity function keeps the literal types for inference. */
export const defineRecordSpec = (spec: RecordSpec) => spec;
