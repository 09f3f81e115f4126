import { type Actor, abilitiesOn } from "../access/access.policies.js";
import { loadAccessFacts } from "../access/access.repository.js";
import { type Tx, untyped } from "../db/any-db.js";
import type { FieldProblem } from "../errors/app-error.js";
import type { RecordSpec } from "./record-spec.js";
import type { RecordsRepository } from "./records.repository.js";

type Row = Record<string, unknown>;

/**
 * Checks what zod cannot: vocabulary terms exist and are not retired, referenced records exist, are readable
 * by the caller and belong to the same mandate, unique fields are free. Only fields present in `input` are checked.
 */
export async function checkFieldValues(
  db: Tx,
  repo: RecordsRepository,
  actor: Actor,
  spec: RecordSpec,
  mandateId: string,
  input: Row,
  existingId?: string,
): Promise<Record<string, FieldProblem>> {
  const problems: Record<string, FieldProblem> = {};
  for (const [name, f] of Object.entries(spec.fields)) {
    const value = input[name];
    if (value === null || value === undefined) continue;
    if (f.type.kind === "vocab") {
      const terms = await repo.existingTerms(f.type.list, [String(value)]);
      const retired = terms.get(String(value));
      if (retired === undefined)
        problems[name] = { code: "field.unknown_term", params: { list: f.type.list } };
      else if (retired) problems[name] = { code: "field.retired_term" };
    } else if (f.type.kind === "ref") {
      const facts = await loadAccessFacts(untyped(db), actor, f.type.table, [String(value)], {
        builtIn: f.type.builtIn === true,
      });
      const target = facts.get(String(value));
      if (!target || !abilitiesOn(actor, target).read) problems[name] = { code: "field.unknown_reference" };
      else if (!target.builtIn && target.mandateId !== mandateId)
        problems[name] = { code: "field.other_mandate" };
    }
  }
  for (const name of spec.unique ?? []) {
    const f = spec.fields[name];
    if (!f || input[name] === undefined || problems[name]) continue;
    if (await repo.findDuplicate(spec, mandateId, f.column, input[name], existingId)) {
      problems[name] = { code: "field.taken" };
    }
  }
  return problems;
}
