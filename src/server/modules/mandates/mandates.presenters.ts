import {
  type Actor,
  canExport,
  canManageMembers,
  roleRules,
  writableUpTo,
} from "../../platform/access/access.policies.js";
import type { MandatesTable } from "../../platform/db/schema.types.js";
import { mayManageSubscribers, maySendMailing } from "../mailing/mailing.policies.js";

export function presentMandate(row: MandatesTable, actor: Actor) {
  const manage = canManageMembers(actor, row.id);
  const role = actor.memberships.get(row.id);
  const rule = role ? roleRules[role] : null;
  return {
    id: row.id,
    code: row.code,
    nameEn: row.name_en,
    nameKo: row.name_ko,
    kind: row.kind,
    country: row.country,
    holder: row.holder,
    startDate: row.start_date,
    aboutEn: row.about_en,
    aboutKo: row.about_ko,
    myRole: actor.memberships.get(row.id) ?? null,
    abilities: {
      update: manage,
      manageMembers: manage,
      createRecords: writableUpTo(actor, row.id) !== null,
      export: canExport(actor, row.id),
      restrict: rule?.restrict ?? false,
      viewAudit: rule?.viewAudit ?? false,
      sendMailing: maySendMailing(actor, row.id),
      manageSubscribers: mayManageSubscribers(actor, row.id),
    },
  };
}

export const presentMember = (r: {
  id: string;
  email: string;
  display_name: string;
  role: string;
  disabled: number;
}) => ({
  userId: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
});
