import { type MailingLanguage, mailingLanguageOf } from "../../../shared/mailing-languages.js";
import type { Actor, MandateRole } from "../../platform/access/access.policies.js";
import type { SubscribersTable } from "../../platform/db/schema-mailing.types.js";

export {
  type MailingLanguage,
  mailingLanguageOf,
  mailingLanguages,
} from "../../../shared/mailing-languages.js";

/** What a subscriber may ask for; each is a 0/1 column of `subscribers`. */
export const mailingTopics = ["press_releases", "reports", "communications"] as const;
export type MailingTopic = (typeof mailingTopics)[number];
export const topicColumn = {
  press_releases: "topic_press_releases",
  reports: "topic_reports",
  communications: "topic_communications",
} as const satisfies Record<MailingTopic, keyof SubscribersTable>;

/** Days an address waits for its confirmation before it is deleted. */
export const confirmDays = 7;

const senders: readonly MandateRole[] = ["mandate_holder", "officer"];
const isSender = (actor: Actor, mandateId: string) =>
  senders.includes(actor.memberships.get(mandateId) as MandateRole);

/** Who sends a press release to the list: the mandate holder or an officer. */
export const maySendMailing = isSender;

/** Who sees the recipient of each delivery in a mailing's log: those who send. */
export const maySeeRecipients = isSender;

/** Who sees the addresses on the list, exports it and erases an address on request: senders and admins. */
export const mayManageSubscribers = (actor: Actor, mandateId: string) =>
  actor.isAdmin || isSender(actor, mandateId);

/** Who sees how many subscribe (no address): any member, and admins. */
export const maySeeSubscriberCounts = (actor: Actor, mandateId: string) =>
  actor.isAdmin || actor.memberships.has(mandateId);

/** Who reads a mailing's progress (no address): any member of the release's mandate. */
export const mayReadMailings = (actor: Actor, mandateId: string) => actor.memberships.has(mandateId);

/** The topics a subscriber row asks for. */
export const topicsOf = (row: Pick<SubscribersTable, (typeof topicColumn)[MailingTopic]>): MailingTopic[] =>
  mailingTopics.filter((t) => row[topicColumn[t]] === 1);

/**
 * The language a release goes out in to one subscriber: theirs when the release has a title and body in it, else
 * the other one; null when the release has neither.
 */
export function deliveryLanguage(
  wanted: string,
  has: Record<MailingLanguage, boolean>,
): MailingLanguage | null {
  const first = mailingLanguageOf(wanted);
  const other: MailingLanguage = first === "ko" ? "en" : "ko";
  return has[first] ? first : has[other] ? other : null;
}
