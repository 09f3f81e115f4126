import type { Actor } from "../../platform/access/access.policies.js";

/** The roles an actor holds anywhere: `admin` for instance admins, and each mandate role. */
export const rolesOf = (actor: Pick<Actor, "isAdmin" | "memberships">): Set<string> =>
  new Set([...(actor.isAdmin ? ["admin"] : []), ...actor.memberships.values()]);

/** Whether the configuration requires a second factor of someone with these roles. */
export const secondFactorRequired = (
  actor: Pick<Actor, "isAdmin" | "memberships">,
  requiredFor: readonly string[],
) => requiredFor.some((role) => rolesOf(actor).has(role));

/** What a user who must still enrol may call: who they are, signing out, and setting up a second factor. */
const openDuringEnrolment: { method: string; path: RegExp }[] = [
  { method: "GET", path: /^\/api\/v1\/auth\/session$/ },
  { method: "POST", path: /^\/api\/v1\/auth\/logout$/ },
  { method: "*", path: /^\/api\/v1\/auth\/second-factor(\/|$)/ },
  { method: "*", path: /^\/api\/v1\/auth\/passkeys(\/|$)/ },
];

/** Whether a request stays open to a user who has not enrolled yet. */
export const openBeforeEnrolment = (method: string, path: string) =>
  openDuringEnrolment.some((r) => (r.method === "*" || r.method === method) && r.path.test(path));
