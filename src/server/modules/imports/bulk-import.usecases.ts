import { v7 as uuidv7 } from "uuid";
import {
  type Actor,
  abilitiesOn,
  confidentialityLevels,
  writableUpTo,
} from "../../platform/access/access.policies.js";
import { loadAccessFacts } from "../../platform/access/access.repository.js";
import { type AuditEntry, writeAudit } from "../../platform/audit/audit.repository.js";
import { type Tx, untyped } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { type FieldProblem, forbidden, validationFailed } from "../../platform/errors/app-error.js";
import { fieldProblemsFrom } from "../../platform/http/validation-errors.js";
import { toColumns } from "../../platform/records/record-mapper.js";
import { createBodySchema } from "../../platform/records/record-schemas.js";
import type { RecordSpec } from "../../platform/records/record-spec.js";
import { actSpec } from "../acts/acts.schemas.js";
import { eventSpec } from "../events/events.schemas.js";
import { involvementSpec } from "../involvements/involvements.schemas.js";
import { personSpec } from "../persons/persons.schemas.js";
import { indexNewRecords } from "../search/search-index.usecases.js";
import { sourceSpec } from "../sources/sources.schemas.js";
import { createBulkImportRepository } from "./bulk-import.repository.js";

type Row = Record<string, unknown>;

/** Record types in the order they are written, so every reference points to a row already there. */
export const importSpecs = {
  persons: personSpec,
  sources: sourceSpec,
  events: eventSpec,
  acts: actSpec,
  involvements: involvementSpec,
} as const;
export type ImportType = keyof typeof importSpecs;
export type ImportBatch = Partial<Record<ImportType, Row[]>>;

const maxProblems = 100;
/** Ids an import may choose for its records (a file's own keys are mapped to these). */
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const rank = (level: string) =>
  confidentialityLevels.indexOf(level as (typeof confidentialityLevels)[number]);

interface Prepared {
  spec: RecordSpec;
  plural: ImportType;
  rows: { id: string; input: Row }[];
}

/** Field checks of a whole batch at once: zod shape, vocabulary terms, references, levels, unique codes. */
async function checkBatch(db: Tx, actor: Actor, mandateId: string, batch: ImportBatch) {
  const repo = createBulkImportRepository({ db });
  const problems: Record<string, FieldProblem> = {};
  const say = (plural: string, i: number, field: string, p: FieldProblem) => {
    if (Object.keys(problems).length < maxProblems) problems[`${plural}[${i}].${field}`] = p;
  };
  const maxLevel = writableUpTo(actor, mandateId);
  const created = new Map<string, Set<string>>();
  const prepared: Prepared[] = [];
  for (const [plural, spec] of Object.entries(importSpecs) as [ImportType, RecordSpec][]) {
    const rows = (batch[plural] ?? []).map((raw, i) => {
      const { id, ...fields } = raw;
      const input: Row = { ...fields, mandateId };
      const parsed = createBodySchema(spec).safeParse(input);
      if (!parsed.success) {
        const items = parsed.error.issues.map((issue) => ({
          keyword: issue.code,
          instancePath: `/${issue.path.join("/")}`,
          message: issue.message,
          params: issue as unknown as Record<string, unknown>,
        }));
        for (const [field, p] of Object.entries(fieldProblemsFrom(items))) say(plural, i, field, p);
      }
      const level = String(input.confidentiality ?? spec.defaultConfidentiality);
      if (maxLevel && rank(level) > rank(maxLevel))
        say(plural, i, "confidentiality", { code: "field.invalid_value", params: { options: maxLevel } });
      if (Array.isArray(input.restrictedTo) && input.restrictedTo.length)
        say(plural, i, "restrictedTo", { code: "import.restriction_unsupported" });
      if (id !== undefined && (typeof id !== "string" || !idPattern.test(id)))
        say(plural, i, "id", { code: "field.invalid_format" });
      return {
        id: typeof id === "string" && id ? id : uuidv7(),
        input: parsed.success ? parsed.data : input,
      };
    });
    const ids = new Set(rows.map((r) => r.id));
    created.set(spec.table, new Set([...(created.get(spec.table) ?? []), ...ids]));
    for (const [name, f] of Object.entries(spec.fields)) {
      const values = rows.map((r) => r.input[name]).filter((v) => v !== null && v !== undefined);
      if (!values.length) continue;
      if (f.type.kind === "vocab") {
        const list = f.type.list;
        const active = await repo.activeTerms(list);
        rows.forEach((r, i) => {
          const v = r.input[name];
          if (v !== null && v !== undefined && !active.has(String(v)))
            say(plural, i, name, { code: "field.unknown_term", params: { list } });
        });
      } else if (f.type.kind === "ref") {
        const table = f.type.table;
        const fresh = created.get(table) ?? new Set();
        const outside = [...new Set(values.map(String).filter((v) => !fresh.has(v)))];
        const facts = await loadAccessFacts(untyped(db), actor, table, outside, {
          builtIn: f.type.builtIn === true,
        });
        rows.forEach((r, i) => {
          const v = r.input[name];
          if (v === null || v === undefined || fresh.has(String(v))) return;
          const target = facts.get(String(v));
          if (!target || !abilitiesOn(actor, target).read)
            say(plural, i, name, { code: "field.unknown_reference" });
          else if (!target.builtIn && target.mandateId !== mandateId)
            say(plural, i, name, { code: "field.other_mandate" });
        });
      }
    }
    for (const name of spec.unique ?? []) {
      const column = spec.fields[name]?.column ?? name;
      const seen = new Set<string>();
      const taken = await repo.takenValues(
        spec.table,
        mandateId,
        column,
        rows.map((r) => String(r.input[name])),
      );
      rows.forEach((r, i) => {
        const v = String(r.input[name]);
        if (seen.has(v) || taken.has(v)) say(plural, i, name, { code: "field.taken" });
        seen.add(v);
      });
    }
    for (const [i, r] of rows.entries()) {
      const extra = (await spec.check?.(r.input, { db, actor, mandateId })) ?? {};
      for (const [field, p] of Object.entries(extra)) say(plural, i, field, p);
    }
    prepared.push({ spec, plural, rows });
  }
  return { problems, prepared };
}

/**
 * Writes a batch of new records in one transaction: all of them or, at the first problem found anywhere in the
 * batch, none. Each record gets its audit row and its search document in the same transaction.
 */
export async function importRecords({
  db,
  actor,
  mandateId,
  batch,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  batch: ImportBatch;
}): Promise<Record<ImportType, number>> {
  if (!writableUpTo(actor, mandateId)) throw forbidden();
  return inTransaction(db, async (trx) => {
    const { problems, prepared } = await checkBatch(trx, actor, mandateId, batch);
    if (Object.keys(problems).length) throw validationFailed({}, problems);
    const repo = createBulkImportRepository({ db: trx });
    const now = nowIso();
    const counts = {} as Record<ImportType, number>;
    for (const { spec, plural, rows } of prepared) {
      counts[plural] = rows.length;
      await repo.insertRows(
        spec.table,
        rows.map((r) => ({
          ...toColumns(spec, r.input),
          id: r.id,
          mandate_id: mandateId,
          confidentiality: String(r.input.confidentiality ?? spec.defaultConfidentiality),
          restricted: 0,
          version: 1,
          created_by: actor.userId,
          created_at: now,
          updated_by: actor.userId,
          updated_at: now,
        })),
      );
      const audit: AuditEntry[] = rows.map((r) => ({
        action: "create",
        recordType: spec.type,
        recordId: r.id,
        mandateId,
        fields: Object.keys(spec.fields).filter((k) => r.input[k] !== undefined && r.input[k] !== null),
      }));
      for (let i = 0; i < audit.length; i += 1000) await writeAudit(trx, actor, audit.slice(i, i + 1000));
    }
    for (const { plural, rows } of prepared) {
      const type = ({ persons: "person", sources: "source", events: "event", acts: "act" } as const)[
        plural as Exclude<ImportType, "involvements">
      ];
      if (type)
        await indexNewRecords(
          trx,
          type,
          rows.map((r) => r.id),
        );
    }
    return counts;
  });
}
