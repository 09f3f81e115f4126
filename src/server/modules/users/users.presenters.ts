import type { UsersTable } from "../../platform/db/schema.types.js";

/** A user account as administrators see it: never the password hash or failure counters. */
export const presentUser = (u: UsersTable, memberships: { mandate_id: string; role: string }[]) => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  isAdmin: u.is_admin === 1,
  disabled: u.disabled === 1,
  locale: u.locale,
  memberships: memberships.map((m) => ({ mandateId: m.mandate_id, role: m.role })),
});
