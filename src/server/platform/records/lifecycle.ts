import type { Actor, MandateRole } from "../access/access.policies.js";
import { forbidden } from "../errors/app-error.js";

/** One move of a record's lifecycle: the statuses it leaves, the one it reaches, the roles that make it. */
export interface TransitionRule {
  from: readonly string[];
  to: string;
  roles: readonly MandateRole[];
}

/** What decides whether a move is open: the record's mandate and status, and whether the actor may change it. */
export interface LifecycleFacts {
  mandateId: string;
  status: string;
  canUpdate: boolean;
}

const byRole = (actor: Actor, rule: TransitionRule, facts: LifecycleFacts) => {
  const role = actor.memberships.get(facts.mandateId);
  return role !== undefined && rule.roles.includes(role) && facts.canUpdate;
};

/**
 * The moves open to the actor on a record now, in the order the rules list them: by role and status, and by any
 * further gate of the record type (`allow`).
 * @example openTransitionsOf(reportTransitionRules, actor, { mandateId, status: "review", canUpdate: true }) // ["return", "finalise"]
 */
export function openTransitionsOf<A extends string>(
  rules: Readonly<Record<A, TransitionRule>>,
  actor: Actor,
  facts: LifecycleFacts,
  allow: (action: A) => boolean = () => true,
): A[] {
  return (Object.keys(rules) as A[]).filter((a) => {
    const rule = rules[a];
    return byRole(actor, rule, facts) && rule.from.includes(facts.status) && allow(a);
  });
}

/**
 * Refuses a move that is not open: 403 when the actor may not make it at all (not their role, or not a record they
 * may change), else the record type's own answer (`notAllowed`, a 409: not from this status, or not yet).
 * @example if (!open.includes(action)) refuseMove(actor, rules[action], facts, () => transitionNotAllowed({ status, action }));
 */
export function refuseMove(
  actor: Actor,
  rule: TransitionRule,
  facts: LifecycleFacts,
  notAllowed: () => Error,
): never {
  if (!byRole(actor, rule, facts)) throw forbidden();
  throw notAllowed();
}
