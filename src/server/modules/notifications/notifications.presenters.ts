import type { NotificationsTable } from "../../platform/db/schema-jobs.types.js";

/** A notification as its recipient sees it: the client renders `kind` and `params` in the user's language. */
export const presentNotification = (n: NotificationsTable) => ({
  id: n.id,
  kind: n.kind,
  params: JSON.parse(n.params) as Record<string, string | number>,
  link: n.link,
  mandateId: n.mandate_id,
  createdAt: n.created_at,
  readAt: n.read_at,
});
