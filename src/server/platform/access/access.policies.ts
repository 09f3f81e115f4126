/** Who may do what, as one small rule table. Everything that decides access reads from here. */

export const mandateRoles = ["mandate_holder", "officer", "analyst", "readonly"] as const;
export type MandateRole = (typeof mandateRoles)[number];
export const allRoles = ["admin", ...mandateRoles] as const;

export const confidentialityLevels = ["public", "internal", "confidential", "strictly_confidential"] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

export type Ability =
  | "read"
  | "update"
  | "export"
  | "readIdentity"
  | "updateIdentity"
  | "restrict"
  | "viewAudit";

interface RoleRule {
  /** Highest confidentiality the role reads on records that are not restricted. */
  readUpTo: Confidentiality;
  /** Highest confidentiality the role creates or changes; null: never writes. */
  writeUpTo: Confidentiality | null;
  identity: boolean;
  export: boolean;
  restrict: boolean;
  viewAudit: boolean;
  manageMembers: boolean;
}

export const roleRules: Record<MandateRole, RoleRule> = {
  mandate_holder: {
    readUpTo: "strictly_confidential",
    writeUpTo: "strictly_confidential",
    identity: true,
    export: true,
    restrict: true,
    viewAudit: true,
    manageMembers: true,
  },
  officer: {
    readUpTo: "strictly_confidential",
    writeUpTo: "strictly_confidential",
    identity: true,
    export: true,
    restrict: true,
    viewAudit: false,
    manageMembers: false,
  },
  analyst: {
    readUpTo: "confidential",
    writeUpTo: "confidential",
    identity: false,
    export: true,
    restrict: false,
    viewAudit: false,
    manageMembers: false,
  },
  readonly: {
    readUpTo: "confidential",
    writeUpTo: null,
    identity: false,
    export: false,
    restrict: false,
    viewAudit: false,
    manageMembers: false,
  },
};

const rank = (level: Confidentiality) => confidentialityLevels.indexOf(level);

/** Levels at or below `level`. */
export const levelsUpTo = (level: Confidentiality): Confidentiality[] =>
  confidentialityLevels.filter((l) => rank(l) <= rank(level));

/** Reads of these levels are audited. */
export const isAuditedLevel = (level: string) =>
  level === "confidential" || level === "strictly_confidential";

export interface Actor {
  userId: string;
  isAdmin: boolean;
  memberships: ReadonlyMap<string, MandateRole>;
  /** null for a browser session; the scopes of an API token otherwise. */
  scopes: ReadonlySet<"read" | "write"> | null;
  ip: string | null;
  userAgent: string | null;
}

/** What access rules need to know of one record. */
export interface AccessFacts {
  mandateId: string | null;
  confidentiality: string;
  restricted: boolean;
  /** Whether the actor is on the record's restricted-to list. */
  actorListed: boolean;
  /** Built-in reference data (countries, gazetteer): readable by every signed-in user, changed by no one. */
  builtIn?: boolean;
}

const canWriteScope = (actor: Actor) => actor.scopes === null || actor.scopes.has("write");

/**
 * The abilities of an actor on one record. A record on a restricted-to list is readable by listed members only,
 * whatever their role; otherwise the role's level decides.
 * @example abilitiesOn(actor, { mandateId, confidentiality: "confidential", restricted: false, actorListed: false })
 */
export function abilitiesOn(actor: Actor, facts: AccessFacts): Record<Ability, boolean> {
  const none = {
    read: false,
    update: false,
    export: false,
    readIdentity: false,
    updateIdentity: false,
    restrict: false,
    viewAudit: false,
  };
  if (facts.builtIn) return { ...none, read: true, viewAudit: actor.isAdmin };
  const role = facts.mandateId ? actor.memberships.get(facts.mandateId) : undefined;
  if (!role) return none;
  const rule = roleRules[role];
  const level = facts.confidentiality as Confidentiality;
  const read = facts.restricted ? facts.actorListed : rank(level) <= rank(rule.readUpTo);
  if (!read) return none;
  // Being listed opens a record for reading only: a role never writes above its own level.
  const write = canWriteScope(actor) && rule.writeUpTo !== null && rank(level) <= rank(rule.writeUpTo);
  return {
    read,
    update: write,
    export: rule.export,
    readIdentity: rule.identity,
    updateIdentity: rule.identity && write,
    restrict: rule.restrict && write,
    viewAudit: rule.viewAudit || actor.isAdmin,
  };
}

/** The highest level the actor may give a record in this mandate, or null if they cannot write there. */
export function writableUpTo(actor: Actor, mandateId: string): Confidentiality | null {
  const role = actor.memberships.get(mandateId);
  if (!role || !canWriteScope(actor)) return null;
  return roleRules[role].writeUpTo;
}

/** Per mandate, the levels the actor reads on unrestricted records: the list filter is built from this. */
export function readableLevelsByMandate(actor: Actor): Map<string, Confidentiality[]> {
  const out = new Map<string, Confidentiality[]>();
  for (const [mandateId, role] of actor.memberships) out.set(mandateId, levelsUpTo(roleRules[role].readUpTo));
  return out;
}

/** Whether the actor manages members of the mandate (holders) or the whole instance (admins). */
export const canManageMembers = (actor: Actor, mandateId: string) => {
  const role = actor.memberships.get(mandateId);
  return actor.isAdmin || (role !== undefined && roleRules[role].manageMembers);
};

/** Who sees a mandate's member list: those who manage it, and those who restrict records to named members. */
export const canSeeMembers = (actor: Actor, mandateId: string) => {
  const role = actor.memberships.get(mandateId);
  return canManageMembers(actor, mandateId) || (role !== undefined && roleRules[role].restrict);
};

/** Whether the actor may export a mandate's records in bulk (search results as CSV): by role, as for each record. */
export const canExport = (actor: Actor, mandateId: string) => {
  const role = actor.memberships.get(mandateId);
  return role !== undefined && roleRules[role].export;
};
