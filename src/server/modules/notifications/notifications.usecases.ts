import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../platform/access/access.policies.js";
import type { Tx } from "../../platform/db/any-db.js";
import { nowIso } from "../../platform/db/time.js";
import { defineError } from "../../platform/errors/app-error.js";
import { queueTemplatedEmail } from "../../platform/jobs/job-queue.js";
import { presentNotification } from "./notifications.presenters.js";
import { createNotificationsRepository } from "./notifications.repository.js";

export const notificationNotFound = defineError("notifications.not_found", 404);

export interface NewNotification {
  userIds: string[];
  mandateId: string | null;
  /** `reply_due_soon`, `reply_due_today`, `case_next_action`, `embargo_lifted`; others get a generic text. */
  kind: string;
  params: Record<string, string | number>;
  /** A path of the staff application (`/app/cases/…`); e-mail makes it absolute with RAPPORTEUR_PUBLIC_URL. */
  link: string | null;
  email: boolean;
}

/**
 * Notifies users in the caller's transaction: one in-app notification each and, with `email`, one e-mail each in
 * their own language (disabled accounts get none). Unknown user ids are skipped.
 * @example await notify(trx, { userIds: [ownerId], mandateId, kind: "embargo_lifted", params: { reference }, link: `/app/communications/${id}`, email: true });
 */
export async function notify(db: Tx, n: NewNotification): Promise<void> {
  const repo = createNotificationsRepository({ db });
  const users = await repo.recipients([...new Set(n.userIds)]);
  const now = nowIso();
  const params = JSON.stringify(n.params);
  await repo.insert(
    users.map((u) => ({
      id: uuidv7(),
      user_id: u.id,
      mandate_id: n.mandateId,
      kind: n.kind,
      params,
      link: n.link,
      created_at: now,
      read_at: null,
    })),
  );
  if (!n.email) return;
  for (const u of users.filter((r) => r.disabled === 0))
    await queueTemplatedEmail(db, {
      to: u.email,
      locale: u.locale,
      template: n.kind,
      params: n.params,
      link: n.link,
    });
}

/** The caller's own notifications, newest first, with how many are unread. */
export async function listNotifications(
  db: Tx,
  actor: Actor,
  page: { limit?: number | undefined; cursor?: string | undefined },
) {
  const repo = createNotificationsRepository({ db });
  const limit = page.limit ?? 50;
  const rows = await repo.listOf(actor.userId, limit, page.cursor);
  const items = rows.slice(0, limit);
  return {
    items: items.map(presentNotification),
    unread: await repo.unreadCount(actor.userId),
    nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null,
  };
}

/** Marks one of the caller's notifications read; anyone else's is "not found". */
export async function markNotificationRead(db: Tx, actor: Actor, id: string) {
  const repo = createNotificationsRepository({ db });
  await repo.markRead(actor.userId, nowIso(), id);
  const row = await repo.findOf(actor.userId, id);
  if (!row) throw notificationNotFound();
  return presentNotification(row);
}

/** Marks all the caller's notifications read; returns how many were unread. */
export async function markAllNotificationsRead(db: Tx, actor: Actor) {
  return { marked: await createNotificationsRepository({ db }).markRead(actor.userId, nowIso()) };
}
