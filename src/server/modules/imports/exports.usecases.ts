import { type Actor, abilitiesOn, canExport, roleRules } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { forbidden } from "../../platform/errors/app-error.js";
import { fromRow } from "../../platform/records/record-mapper.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { factsOfRow } from "../../platform/records/records.usecases.js";
import type { Identity } from "../persons/person-identities.schemas.js";
import { createPersonsRepository } from "../persons/persons.repository.js";
import { revealIdentity } from "../persons/persons.usecases.js";
import { importSpecs } from "./bulk-import.usecases.js";
import { exportCell, type ImportRecordType } from "./import-fields.js";

/** The most records one export carries. */
export const exportLimit = 100_000;
const pageSize = 1000;

/** Columns of identifying data, added to a persons export only on explicit request by a role with the right. */
export const identityColumns = [
  "identity.legalName",
  "identity.aliases",
  "identity.contacts",
  "identity.address",
  "identity.idNumbers",
  "identity.notes",
] as const;

const identityCells = (i: Identity): string[] => [
  i.legalName ?? "",
  (i.aliases ?? []).join("; "),
  (i.contacts ?? []).map((c) => `${c.kind}: ${c.value}`).join("; "),
  i.address ?? "",
  (i.idNumbers ?? []).map((n) => `${n.kind}: ${n.number}`).join("; "),
  i.notes ?? "",
];

type Row = Record<string, unknown>;

/**
 * A mandate's records of one type as a table, only those the caller may read, for roles that export; the export
 * is audited. Identifying data of persons comes only with `includeIdentity` and a role that reads it, each person's
 * through `revealIdentity`, so each is audited on its own.
 * @example const { header, rows } = await exportRecords({ db, masterKey, actor, mandateId, type: "persons" });
 */
export async function exportRecords({
  db,
  masterKey,
  actor,
  mandateId,
  type,
  format,
  includeIdentity = false,
}: {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
  mandateId: string;
  type: ImportRecordType;
  format: "csv" | "xlsx";
  includeIdentity?: boolean;
}): Promise<{ header: string[]; rows: string[][] }> {
  if (!canExport(actor, mandateId)) throw forbidden();
  const role = actor.memberships.get(mandateId);
  const withIdentity = includeIdentity && type === "persons";
  if (withIdentity && !(role && roleRules[role].identity)) throw forbidden();
  const spec = importSpecs[type];
  const fields = Object.entries(spec.fields);
  const records = await inTransaction(db, async (trx) => {
    const repo = createRecordsRepository({ db: trx });
    const out: Row[] = [];
    let after: [string, string] | null = null;
    for (;;) {
      const page = await repo.listReadable(actor, spec, {
        mandateId,
        filters: {},
        sortColumn: "created_at",
        descending: false,
        after,
        limit: pageSize,
      });
      out.push(...page.slice(0, pageSize));
      const last = page[Math.min(page.length, pageSize) - 1];
      if (page.length <= pageSize || !last || out.length >= exportLimit) break;
      after = [String(last.created_at ?? ""), String(last.id)];
    }
    await writeAudit(trx, actor, [
      {
        action: "export",
        recordType: spec.type,
        recordId: null,
        mandateId,
        fields: [format, ...(withIdentity ? ["identity"] : [])],
      },
    ]);
    return out.slice(0, exportLimit);
  });
  const identities = new Map<string, Identity>();
  if (withIdentity) {
    const ids = records
      .filter((r) => abilitiesOn(actor, factsOfRow(r)).readIdentity)
      .map((r) => String(r.id));
    const onFile = new Set<string>();
    for (let i = 0; i < ids.length; i += pageSize)
      for (const id of await createPersonsRepository({ db }).withIdentity(ids.slice(i, i + pageSize)))
        onFile.add(id);
    for (const personId of ids.filter((id) => onFile.has(id))) {
      const { identity } = await revealIdentity({ db, masterKey, actor, personId });
      identities.set(personId, identity);
    }
  }
  const header = [
    "id",
    ...fields.map(([name]) => name),
    "confidentiality",
    "createdAt",
    "updatedAt",
    ...(withIdentity ? identityColumns : []),
  ];
  const rows = records.map((r) => {
    const values = fromRow(spec, r);
    return [
      String(r.id),
      ...fields.map(([name, f]) => exportCell(f.type, values[name])),
      String(r.confidentiality),
      String(r.created_at),
      String(r.updated_at),
      ...(withIdentity ? identityCells(identities.get(String(r.id)) ?? {}) : []),
    ];
  });
  return { header, rows };
}
