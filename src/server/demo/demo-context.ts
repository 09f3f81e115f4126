import type { OpenedDeps } from "../bootstrap.js";
import { actSpec } from "../modules/acts/acts.schemas.js";
import { caseLinkSpec, caseSpec, caseStatusChangeSpec } from "../modules/cases/cases.schemas.js";
import {
  communicationLinkSpec,
  communicationReplySpec,
  communicationSpec,
} from "../modules/communications/communications.schemas.js";
import { eventSpec } from "../modules/events/events.schemas.js";
import { informationLinkSpec } from "../modules/information-links/information-links.schemas.js";
import { involvementSpec } from "../modules/involvements/involvements.schemas.js";
import { personSpec } from "../modules/persons/persons.schemas.js";
import {
  recommendationFollowUpSpec,
  recommendationSpec,
} from "../modules/recommendations/recommendations.schemas.js";
import { relationSpec } from "../modules/relations/relations.schemas.js";
import { sourceSpec } from "../modules/sources/sources.schemas.js";
import {
  meetingSpec,
  visitRequestEntrySpec,
  visitRequestSpec,
  visitSpec,
} from "../modules/visits/visits.schemas.js";
import type { Actor, MandateRole } from "../platform/access/access.policies.js";
import { createBodySchema } from "../platform/records/record-schemas.js";
import { createRecord } from "../platform/records/records.usecases.js";
import type { DemoRandom } from "./demo-random.js";

/** The record types the demo writes, by the name its counts use. */
export const demoSpecs = {
  persons: personSpec,
  relations: relationSpec,
  sources: sourceSpec,
  events: eventSpec,
  acts: actSpec,
  involvements: involvementSpec,
  links: informationLinkSpec,
  cases: caseSpec,
  caseStatusChanges: caseStatusChangeSpec,
  caseLinks: caseLinkSpec,
  communications: communicationSpec,
  communicationLinks: communicationLinkSpec,
  communicationReplies: communicationReplySpec,
  visitRequests: visitRequestSpec,
  visitRequestEntries: visitRequestEntrySpec,
  visits: visitSpec,
  meetings: meetingSpec,
  recommendations: recommendationSpec,
  recommendationFollowUps: recommendationFollowUpSpec,
} as const;
export type DemoKind = keyof typeof demoSpecs;
type CoreKind = "persons" | "relations" | "sources" | "events" | "acts" | "involvements" | "links";

export interface DemoContext {
  deps: OpenedDeps;
  mandateId: string;
  /** The human-rights officer who codes the demo's testimony. */
  actor: Actor;
  holderId: string;
  rnd: DemoRandom;
  /** Built-in place ids by code (PRK, CHN, KP0220…). */
  places: Map<string, string>;
  counts: Partial<Record<DemoKind | "identities", number>> & Record<CoreKind | "identities", number>;
}

/** An actor built the way sign-in builds one, for a demo account with one membership. */
export function demoActor(userId: string, mandateId: string, role: MandateRole): Actor {
  return {
    userId,
    isAdmin: false,
    memberships: new Map([[mandateId, role]]),
    scopes: null,
    ip: null,
    userAgent: "rapporteur demo",
  };
}

/**
 * Creates one record as the API would: the body passes the same zod schema, then the same use case.
 * @example const p = await createDemoRecord(ctx, "persons", { kind: "individual", code: "W-2017-014" });
 */
export async function createDemoRecord(ctx: DemoContext, kind: DemoKind, fields: Record<string, unknown>) {
  const spec = demoSpecs[kind];
  const input = createBodySchema(spec).parse({ mandateId: ctx.mandateId, ...fields }) as Record<
    string,
    unknown
  >;
  const record = await createRecord({ db: ctx.deps.db, actor: ctx.actor, spec, input });
  ctx.counts[kind] = (ctx.counts[kind] ?? 0) + 1;
  return record;
}

/** The id of a built-in place; the demo only names places the gazetteer ships. */
export function placeId(ctx: DemoContext, code: string): string {
  const id = ctx.places.get(code);
  if (!id) throw new Error(`demo: unknown built-in place ${code}`);
  return id;
}
