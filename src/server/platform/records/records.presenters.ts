import type { Ability } from "../access/access.policies.js";
import { fromRow } from "./record-mapper.js";
import type { RecordSpec } from "./record-spec.js";

type Row = Record<string, unknown>;

export interface PresentedRecord {
  id: string;
  type: string;
  mandateId: string | null;
  abilities: Record<Ability, boolean>;
  [field: string]: unknown;
}

/** The one shape of a record in the staff API: base fields, the spec's fields one by one, and the caller's abilities. */
export function presentRecord(
  spec: RecordSpec,
  row: Row,
  abilities: Record<Ability, boolean>,
  restrictedTo: string[] | null,
  extra: Row = {},
): PresentedRecord {
  return {
    id: String(row.id),
    type: spec.type,
    mandateId: (row.mandate_id as string | null) ?? null,
    confidentiality: String(row.confidentiality),
    restrictedTo,
    version: Number(row.version),
    createdAt: String(row.created_at),
    createdBy: (row.created_by as string | null) ?? null,
    updatedAt: String(row.updated_at),
    updatedBy: (row.updated_by as string | null) ?? null,
    ...fromRow(spec, row),
    ...extra,
    abilities,
  };
}
