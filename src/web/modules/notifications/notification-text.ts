import type { AppNotification } from "./use-notifications.js";

const filled = (v: string | number | undefined) => v !== undefined && String(v).trim() !== "";

/**
 * The message key of a notification: its kind, in a variant that leaves out what its sender withheld (the subject of
 * a confidential communication, the title of a confidential case). Unknown kinds read as a generic notice.
 */
export function notificationKey(n: Pick<AppNotification, "kind" | "params">): string {
  const p = n.params;
  switch (n.kind) {
    case "reply_due_soon":
    case "reply_due_today":
      return `notifications.kind.${n.kind}${filled(p.subject) ? "_subject" : ""}`;
    case "case_next_action":
      if (!filled(p.title)) return "notifications.kind.case_next_action_withheld";
      return `notifications.kind.case_next_action${filled(p.action) ? "" : "_title"}`;
    case "embargo_lifted":
      return "notifications.kind.embargo_lifted";
    default:
      return "notifications.kind.generic";
  }
}

/** A stored link (`/app/cases/…`) as a route of this application, or null when it is not one of ours. */
export const routeOf = (link: string | null) =>
  link?.startsWith("/app/")
    ? link.slice("/app".length)
    : link?.startsWith("/") && !link.startsWith("//")
      ? link
      : null;
