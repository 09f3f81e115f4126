import type { UsersTable } from "../../platform/db/schema.types.js";

/** The signed-in user as the session endpoint shows it. */
export function presentSession(
  user: UsersTable,
  memberships: Map<string, string>,
  csrfToken: string | null,
  enrolmentRequired = false,
) {
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      isAdmin: user.is_admin === 1,
      locale: user.locale,
    },
    memberships: [...memberships].map(([mandateId, role]) => ({ mandateId, role })),
    csrfToken,
    enrolmentRequired,
  };
}

/** An API token without its secret. */
export function presentToken(row: {
  id: string;
  name: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.split(","),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
