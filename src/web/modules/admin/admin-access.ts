import type { Session } from "../../api/types.js";

export const holderRole = "mandate_holder";

/**
 * What the signed-in user may administer, read from the session: admins manage accounts and vocabularies; a
 * mandate holder manages the members of the mandates they hold. The API checks again; this only decides what to show.
 */
export function adminAccess(session: Session | null | undefined) {
  const isAdmin = session?.user.isAdmin === true;
  const held = new Set(
    (session?.memberships ?? []).filter((m) => m.role === holderRole).map((m) => m.mandateId),
  );
  return {
    isAdmin,
    createAccounts: isAdmin,
    disableAccounts: isAdmin,
    users: isAdmin || held.size > 0,
    vocabularies: isAdmin,
    membersOf: (mandateId: string | undefined) => isAdmin || (mandateId !== undefined && held.has(mandateId)),
  };
}
