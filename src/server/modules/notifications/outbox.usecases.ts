import { readFileSync } from "node:fs";
import type { Actor } from "../../platform/access/access.policies.js";
import { defineError, forbidden } from "../../platform/errors/app-error.js";
import { listOutbox, outboxFilePath } from "../../platform/mail/outbox.js";

export const outboxMessageNotFound = defineError("outbox.not_found", 404);

const requireAdmin = (actor: Actor) => {
  if (!actor.isAdmin) throw forbidden();
};

/** The newest e-mails written to the outbox (no SMTP_URL): instance admins only. */
export function listOutboxMessages(dataDir: string, actor: Actor) {
  requireAdmin(actor);
  return { items: listOutbox(dataDir, 500) };
}

/** One outbox e-mail as it would have been sent: instance admins only. */
export function readOutboxMessage(dataDir: string, actor: Actor, name: string): Buffer {
  requireAdmin(actor);
  const file = outboxFilePath(dataDir, name);
  if (!file) throw outboxMessageNotFound();
  return readFileSync(file);
}
