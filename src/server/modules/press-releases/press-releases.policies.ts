import type { PressReleaseStatus, PressReleaseTransition } from "../../../shared/press-releases.js";
import type { Actor, MandateRole } from "../../platform/access/access.policies.js";
import { type LifecycleFacts, openTransitionsOf } from "../../platform/records/lifecycle.js";

/** The words of a release and its address: fixed once it is scheduled or published. Field → column. */
export const textFields: Record<string, string> = {
  slug: "slug",
  location: "location",
  titleEn: "title_en",
  titleKo: "title_ko",
  summaryEn: "summary_en",
  summaryKo: "summary_ko",
  bodyEn: "body_en",
  bodyKo: "body_ko",
};

/** Title and body of each language: a language with one needs the other. */
export const languageFields = [
  { title: "titleEn", body: "bodyEn" },
  { title: "titleKo", body: "bodyKo" },
] as const;

const writers: MandateRole[] = ["mandate_holder", "officer", "analyst"];
const publishers: MandateRole[] = ["mandate_holder", "officer"];

/** Who publishes on the mandate's behalf: schedules, unschedules, publishes, unpublishes, moves a scheduled time. */
export const mayPublish = (actor: Actor, mandateId: string) =>
  (publishers as readonly string[]).includes(actor.memberships.get(mandateId) ?? "");

/**
 * Who may move a press release, from where, to where. Any writer submits and returns; the mandate holder or an
 * officer schedules, publishes and withdraws.
 */
export const pressReleaseTransitionRules = {
  submit: { from: ["draft"], to: "review", roles: writers },
  return: { from: ["review", "scheduled"], to: "draft", roles: writers },
  schedule: { from: ["review"], to: "scheduled", roles: publishers },
  unschedule: { from: ["scheduled"], to: "review", roles: publishers },
  publish: { from: ["review", "scheduled"], to: "published", roles: publishers },
  unpublish: { from: ["published"], to: "draft", roles: publishers },
} as const satisfies Record<
  PressReleaseTransition,
  { from: readonly PressReleaseStatus[]; to: PressReleaseStatus; roles: readonly MandateRole[] }
>;

/** The moves open to the actor on a press release now, by role and status. */
export const openPressReleaseTransitions = (actor: Actor, r: LifecycleFacts): PressReleaseTransition[] =>
  openTransitionsOf(pressReleaseTransitionRules, actor, r);

/** A publication time as stored: UTC, to the second (`2026-12-01T09:00:00Z`, milliseconds allowed). */
const publishAtPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * Whether a text is a publication time in the one form stored: ISO 8601 in UTC, a real instant.
 * @example isPublishAt("2026-12-01T09:00:00Z") // true; isPublishAt("2026-02-30T09:00:00Z") // false
 */
export function isPublishAt(value: string): boolean {
  if (!publishAtPattern.test(value)) return false;
  const at = new Date(value);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 19) === value.slice(0, 19);
}

/** The columns a release takes on going out: public, so the portal may read it, and dated. */
export const publishedColumns = (at: string) => ({
  status: "published",
  published_at: new Date(at).toISOString(),
  confidentiality: "public",
});
