import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { forbidden } from "../../platform/errors/app-error.js";
import { csvText } from "../../platform/http/csv.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { createMandatesRepository } from "../mandates/mandates.repository.js";
import { mandateNotFound } from "./mailing.errors.js";
import {
  mailingLanguages,
  mayManageSubscribers,
  maySeeSubscriberCounts,
  topicsOf,
} from "./mailing.policies.js";
import { presentSubscriber } from "./mailing.presenters.js";
import { addressOf } from "./mailing-sender.js";
import { addressHash, mailingKeys } from "./mailing-tokens.js";
import { createSubscribersRepository } from "./subscribers.repository.js";

/** Members (and admins) see the list's figures; anyone else is told the mandate does not exist. */
async function checkMandate(deps: AppDeps, actor: Actor, mandateId: string) {
  const mandate = await createMandatesRepository({ db: deps.db }).findById(mandateId);
  if (!mandate || !maySeeSubscriberCounts(actor, mandateId)) throw mandateNotFound();
}

async function checkManager(deps: AppDeps, actor: Actor, mandateId: string) {
  await checkMandate(deps, actor, mandateId);
  if (!mayManageSubscribers(actor, mandateId)) throw forbidden();
}

/**
 * The mandate's list: counts by status and language for every member; the subscribers themselves, addresses included,
 * only for the mandate holder, officers and admins (`items` is null for the others).
 */
export async function listSubscribers({
  deps,
  actor,
  mandateId,
  limit = 50,
  cursor,
}: {
  deps: AppDeps;
  actor: Actor;
  mandateId: string;
  limit?: number | undefined;
  cursor?: string | undefined;
}) {
  await checkMandate(deps, actor, mandateId);
  const repo = createSubscribersRepository({ db: deps.db });
  const counts = (await repo.counts(mandateId)).map((c) => ({ ...c, count: Number(c.count) }));
  const sum = (match: (c: (typeof counts)[number]) => boolean) =>
    counts.filter(match).reduce((n, c) => n + c.count, 0);
  const figures = {
    total: sum(() => true),
    confirmed: sum((c) => c.status === "confirmed"),
    pending: sum((c) => c.status === "pending"),
    byLanguage: Object.fromEntries(
      mailingLanguages.map((l) => [l, sum((c) => c.status === "confirmed" && c.language === l)]),
    ) as Record<(typeof mailingLanguages)[number], number>,
    byStatusAndLanguage: counts,
  };
  if (!mayManageSubscribers(actor, mandateId)) return { counts: figures, items: null, nextCursor: null };
  const rows = await repo.page(mandateId, limit, cursor);
  const page = rows.slice(0, limit);
  return {
    counts: figures,
    items: page.map((s) => presentSubscriber(s, addressOf(deps, s))),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** The whole list as CSV (holder, officers, admins); the export is audited, without any address. */
export async function exportSubscribers({
  deps,
  actor,
  mandateId,
}: {
  deps: AppDeps;
  actor: Actor;
  mandateId: string;
}) {
  await checkManager(deps, actor, mandateId);
  return inTransaction(deps.db, async (trx) => {
    const rows = await createSubscribersRepository({ db: trx }).all(mandateId);
    await writeAudit(trx, actor, [
      { action: "export", recordType: "subscriber", recordId: null, mandateId, fields: ["csv"] },
    ]);
    return csvText(
      ["email", "language", "topics", "status", "subscribed_at", "confirmed_at"],
      rows.map((s) => [
        addressOf(deps, s),
        s.language,
        topicsOf(s).join(" "),
        s.status,
        s.created_at,
        s.confirmed_at,
      ]),
    );
  });
}

/**
 * Deletes an address from the list on its owner's request (holder, officers, admins): the subscriber goes, and the
 * mailings' logs lose their link to it. Audited with the subscriber's id, never the address.
 */
export async function eraseSubscriber({
  deps,
  actor,
  mandateId,
  email,
}: {
  deps: AppDeps;
  actor: Actor;
  mandateId: string;
  email: string;
}) {
  await checkManager(deps, actor, mandateId);
  const hash = addressHash(mailingKeys(deps.masterKey), email);
  return inTransaction(deps.db, async (trx) => {
    const repo = createSubscribersRepository({ db: trx });
    const sub = await repo.findByHash(mandateId, hash);
    if (sub) await repo.remove(sub.id);
    await writeAudit(trx, actor, [
      { action: "erase", recordType: "subscriber", recordId: sub?.id ?? null, mandateId },
    ]);
    return { erased: Boolean(sub) };
  });
}
