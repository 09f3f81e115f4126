import type { Actor, MandateRole } from "../../platform/access/access.policies.js";
import { type LifecycleFacts, openTransitionsOf } from "../../platform/records/lifecycle.js";

export const communicationStatuses = [
  "draft",
  "in_review",
  "approved",
  "sent",
  "replied",
  "no_reply",
  "published",
] as const;
export type CommunicationStatus = (typeof communicationStatuses)[number];

/** The letter itself: fixed once approved (return it to draft to change it). Field → column. */
export const letterFields: Record<string, string> = {
  kind: "kind",
  subject: "subject",
  addresseeKind: "addressee_kind",
  addresseeCountry: "addressee_country",
  addresseeName: "addressee_name",
  jointMandates: "joint_mandates",
  language: "language",
  body: "body",
};

const writers: MandateRole[] = ["mandate_holder", "officer", "analyst"];

/** Who may move a communication, from where, to where. The mandate holder alone approves a letter. */
export const transitionRules = {
  submit: { from: ["draft"], to: "in_review", roles: writers },
  return: { from: ["in_review", "approved"], to: "draft", roles: writers },
  approve: { from: ["in_review"], to: "approved", roles: ["mandate_holder"] },
  send: { from: ["approved"], to: "sent", roles: ["mandate_holder", "officer"] },
  markNoReply: { from: ["sent"], to: "no_reply", roles: writers },
  publish: { from: ["sent", "replied", "no_reply"], to: "published", roles: ["mandate_holder", "officer"] },
} as const satisfies Record<
  string,
  { from: readonly CommunicationStatus[]; to: CommunicationStatus; roles: readonly MandateRole[] }
>;
export type TransitionAction = keyof typeof transitionRules;
export const transitionActions = Object.keys(transitionRules) as [TransitionAction, ...TransitionAction[]];

/** The status in which the reply deadline still runs (once marked "no reply", nobody needs reminding). */
export const awaitingReply = new Set<string>(["sent"]);
/** Statuses that wait for the publication day. */
export const embargoed = new Set<string>(["sent", "replied", "no_reply"]);

/**
 * The moves open to the actor on a communication right now: by role, by status, and for `publish` only once the
 * publication day has come.
 */
export const openTransitions = (
  actor: Actor,
  c: LifecycleFacts & { publishOn: string | null },
  today: string,
): TransitionAction[] =>
  openTransitionsOf(
    transitionRules,
    actor,
    c,
    (a) => a !== "publish" || (c.publishOn !== null && c.publishOn <= today),
  );

/** `UA CHN 3/2017`; a joint letter is marked `JUA`. Non-state addressees count together under `OTH`. */
export function formatReference(
  kind: string,
  joint: boolean,
  addresseeCode: string,
  n: number,
  year: number,
) {
  return `${joint ? "J" : ""}${kind} ${addresseeCode} ${n}/${year}`;
}

export const addresseeCodeOf = (c: { addressee_kind: string; addressee_country: string | null }) =>
  c.addressee_kind === "state" && c.addressee_country ? c.addressee_country : "OTH";
