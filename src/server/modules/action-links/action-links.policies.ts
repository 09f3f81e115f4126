import {
  abilitiesOn,
  type Confidentiality,
  confidentialityLevels,
} from "../../platform/access/access.policies.js";
import { loadAccessFacts } from "../../platform/access/access.repository.js";
import { untyped } from "../../platform/db/any-db.js";
import type { Problems, RecordSpec } from "../../platform/records/record-spec.js";
import { createActionLinksRepository } from "./action-links.repository.js";

/** What a case or a communication may be linked to, by target type. */
export const actionLinkTargets = {
  person: "persons",
  act: "acts",
  event: "events",
  source: "sources",
  case: "cases",
} as const;
export type ActionLinkTarget = keyof typeof actionLinkTargets;

type Check = NonNullable<RecordSpec["check"]>;
const rank = (c: string) => confidentialityLevels.indexOf(c as Confidentiality);

/** The target must exist, be readable by the caller and belong to the same mandate; it is not changed afterwards. */
export const checkLinkTarget: Check = async (
  input,
  { db, actor, mandateId, existing },
): Promise<Problems> => {
  if (existing) return {};
  const table = actionLinkTargets[input.targetType as ActionLinkTarget];
  const facts = await loadAccessFacts(untyped(db), actor, table, [String(input.targetId)]);
  const target = facts.get(String(input.targetId));
  if (!target || !abilitiesOn(actor, target).read) return { targetId: { code: "field.unknown_reference" } };
  return target.mandateId === mandateId ? {} : { targetId: { code: "field.other_mandate" } };
};

/**
 * After a link is written: it takes the level and restriction of what it points to, so a reader who may not see a
 * strictly confidential source does not learn from the link that the source exists.
 */
export async function inheritTargetAccess(
  db: Parameters<NonNullable<RecordSpec["afterWrite"]>>[0],
  spec: { table: string; type: string },
  linkId: string,
) {
  const repo = createActionLinksRepository({ db });
  const target = await repo.targetOf(spec.table, linkId);
  if (!target) return;
  const link = await repo.accessOf(spec.table, linkId);
  const of = await repo.accessOf(actionLinkTargets[target.type as ActionLinkTarget], target.id);
  if (!link || !of) return;
  const level =
    rank(of.confidentiality) > rank(link.confidentiality) ? of.confidentiality : link.confidentiality;
  const users = of.users ? (link.users ?? of.users).filter((u) => of.users?.includes(u)) : link.users;
  if (level === link.confidentiality && JSON.stringify(users) === JSON.stringify(link.users)) return;
  await repo.setAccess(spec.table, spec.type, linkId, level, users);
}

/** The link fields shared by case links and communication links. */
export const linkFields = (targets: readonly [ActionLinkTarget, ...ActionLinkTarget[]]) => ({
  targetType: {
    column: "target_type",
    type: { kind: "enum" as const, values: targets, required: true },
    filter: true,
    immutable: true,
  },
  targetId: {
    column: "target_id",
    type: { kind: "text" as const, max: 64, required: true },
    filter: true,
    immutable: true,
  },
  note: { column: "note", type: { kind: "text" as const, max: 2000 } },
});
