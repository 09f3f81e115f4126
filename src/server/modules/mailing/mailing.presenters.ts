import type {
  MailingDeliveriesTable,
  MailingsTable,
  SubscribersTable,
} from "../../platform/db/schema-mailing.types.js";
import { mailingLanguageOf, topicsOf } from "./mailing.policies.js";

export interface Progress {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Not yet sent (a delivery being sent right now included). */
  pending: number;
}

/** Progress from counts of deliveries by status. */
export function progressOf(counts: { status: string; count: number }[]): Progress {
  const n = (...statuses: string[]) =>
    counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + Number(c.count), 0);
  return {
    total: n("pending", "sending", "sent", "failed", "skipped"),
    sent: n("sent"),
    failed: n("failed"),
    skipped: n("skipped"),
    pending: n("pending", "sending"),
  };
}

/** A mailing with its progress; never a recipient. */
export const presentMailing = (m: MailingsTable, progress: Progress) => ({
  id: m.id,
  mandateId: m.mandate_id,
  pressReleaseId: m.press_release_id,
  status: m.status,
  createdAt: m.created_at,
  createdBy: m.created_by,
  finishedAt: m.finished_at,
  ...progress,
});

/** One line of a mailing's log; `recipient` only for those allowed to see it, null once the subscriber left. */
export const presentDelivery = (
  d: Pick<
    MailingDeliveriesTable,
    "id" | "subscriber_id" | "language" | "status" | "attempts" | "sent_at" | "last_error"
  >,
  recipient: string | null,
) => ({
  id: d.id,
  status: d.status,
  language: d.language,
  attempts: d.attempts,
  sentAt: d.sent_at,
  error: d.last_error,
  recipient,
  recipientLeft: d.subscriber_id === null,
});

/** A subscriber as list managers see them. */
export const presentSubscriber = (s: SubscribersTable, email: string) => ({
  id: s.id,
  email,
  language: mailingLanguageOf(s.language),
  topics: topicsOf(s),
  status: s.status,
  createdAt: s.created_at,
  confirmedAt: s.confirmed_at,
});
