import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import { seal } from "../../platform/crypto/envelope.js";
import type { Tx } from "../../platform/db/any-db.js";
import { isoFromNow, nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { registerJobHandler, scheduleJob } from "../../platform/jobs/jobs.usecases.js";
import { createAuthRepository } from "../auth/auth.repository.js";
import { withinRateLimit } from "../auth/auth.usecases.js";
import {
  confirmDays,
  type MailingLanguage,
  type MailingTopic,
  mailingLanguageOf,
  mailingLanguages,
  mailingTopics,
  topicColumn,
  topicsOf,
} from "./mailing.policies.js";
import { type Notice, noticeJobKind } from "./mailing-sender.js";
import { addressHash, mailingKeys, verifyToken } from "./mailing-tokens.js";
import { createSubscribersRepository } from "./subscribers.repository.js";

/** The rate-limit buckets of the mailing list all start so: the daily purge finds them by it. */
const rateBucketPrefix = "mailing:";
const purgeJobKind = "mailing.purge";
const purgeJobKey = "mailing:purge";
const dayMs = 86_400_000;

/** What a subscriber chooses: the language of the e-mail and its topics. */
export interface Choices {
  language: MailingLanguage;
  topics: MailingTopic[];
}

/** Problems of a form, as keys of the page's words. */
export type FormProblems = Partial<
  Record<
    "email" | "language" | "topics",
    "emailRequired" | "emailInvalid" | "languageInvalid" | "topicsRequired"
  >
>;

const emailSchema = z.email().max(254);

/** Checks the language and topics a form sent (unknown topics are ignored). */
export function checkChoices(form: {
  language: string;
  topics: string[];
}): { ok: true; choices: Choices } | { ok: false; problems: FormProblems } {
  const problems: FormProblems = {};
  const topics = mailingTopics.filter((t) => form.topics.includes(t));
  if (!(mailingLanguages as readonly string[]).includes(form.language)) problems.language = "languageInvalid";
  if (!topics.length) problems.topics = "topicsRequired";
  return Object.keys(problems).length
    ? { ok: false, problems }
    : { ok: true, choices: { language: form.language as MailingLanguage, topics } };
}

const topicValues = (topics: readonly MailingTopic[]) =>
  Object.fromEntries(mailingTopics.map((t) => [topicColumn[t], topics.includes(t) ? 1 : 0])) as Record<
    (typeof topicColumn)[MailingTopic],
    number
  >;

async function queueNotice(db: Tx, subscriberId: string, notice: Notice) {
  await scheduleJob(db, { kind: noticeJobKind, runAt: nowIso(), payload: { subscriberId, notice } });
}

/** The daily purge runs while some address waits for its confirmation (a pending one stays as it is). */
async function ensurePurgeScheduled(db: Tx) {
  await scheduleJob(db, {
    kind: purgeJobKind,
    runAt: isoFromNow(dayMs),
    payload: {},
    key: purgeJobKey,
    keepPending: true,
  });
}

export type SubscribeOutcome =
  | { kind: "sent" }
  | { kind: "rate_limited" }
  | { kind: "invalid"; problems: FormProblems };

/**
 * A sign-up from the portal. The answer never depends on whether the address is known: a new address gets the double
 * opt-in message, a pending one gets it again (with the new choices), a confirmed one is told it is subscribed already,
 * and a sign-up caught by the honeypot or over the address's daily limit does nothing at all. Only the client's own
 * limit shows (429), as it says nothing about any address.
 * @example await subscribe({ deps, mandateId, ip, form: { email, language: "ko", topics: ["press_releases"], trap: "" } })
 */
export async function subscribe({
  deps,
  mandateId,
  ip,
  form,
}: {
  deps: AppDeps;
  mandateId: string;
  ip: string;
  form: { email: string; language: string; topics: string[]; trap: string };
}): Promise<SubscribeOutcome> {
  const now = nowIso();
  const hour = `${now.slice(0, 13)}:00:00Z`;
  const clientBucket = `${rateBucketPrefix}ip:${ip}`;
  if (!(await withinRateLimit(deps.db, clientBucket, hour, deps.config.subscribePerIpPerHour)))
    return { kind: "rate_limited" };
  if (form.trap.trim() !== "") return { kind: "sent" };
  const email = form.email.trim();
  const checked = checkChoices(form);
  const problems: FormProblems = checked.ok ? {} : { ...checked.problems };
  if (!email) problems.email = "emailRequired";
  else if (!emailSchema.safeParse(email).success) problems.email = "emailInvalid";
  if (Object.keys(problems).length || !checked.ok) return { kind: "invalid", problems };
  const { choices } = checked;

  const hash = addressHash(mailingKeys(deps.masterKey), email);
  const day = `${now.slice(0, 10)}T00:00:00Z`;
  const addressBucket = `${rateBucketPrefix}address:${hash}`;
  if (!(await withinRateLimit(deps.db, addressBucket, day, deps.config.subscribePerAddressPerDay)))
    return { kind: "sent" };
  const confirmBy = isoFromNow(confirmDays * dayMs);
  await inTransaction(deps.db, async (trx) => {
    const repo = createSubscribersRepository({ db: trx });
    const id = uuidv7();
    const sealed = seal(deps.masterKey, id, { email });
    const inserted = await repo.insert({
      id,
      mandate_id: mandateId,
      email_hash: hash,
      key_id: sealed.keyId,
      wrapped_key: sealed.wrappedKey,
      ciphertext: sealed.ciphertext,
      language: choices.language,
      ...topicValues(choices.topics),
      status: "pending",
      confirm_by: confirmBy,
      confirmed_at: null,
      created_at: now,
      updated_at: now,
    });
    const existing = inserted ? undefined : await repo.findByHash(mandateId, hash);
    if (existing?.status === "confirmed") {
      // Nothing changes without the owner's consent: they get their preferences link instead.
      await queueNotice(trx, existing.id, "already");
      return;
    }
    if (existing)
      await repo.update(existing.id, {
        language: choices.language,
        ...topicValues(choices.topics),
        confirm_by: confirmBy,
        updated_at: now,
      });
    await queueNotice(trx, existing?.id ?? id, "confirm");
    await ensurePurgeScheduled(trx);
  });
  return { kind: "sent" };
}

export type ConfirmState = "invalid" | "expired" | "pending" | "confirmed";

/** Where a confirmation link stands (read only: a GET never confirms, so mail scanners that open links do not). */
export async function confirmationState(
  deps: AppDeps,
  token: string | undefined,
): Promise<{ state: ConfirmState; subscriberId?: string }> {
  const check = verifyToken(mailingKeys(deps.masterKey), "confirm", token);
  if (!check.ok) return { state: check.problem };
  const sub = await createSubscribersRepository({ db: deps.db }).find(check.subscriberId);
  // Purged (it was never confirmed) or unsubscribed since: the link is over either way.
  if (!sub) return { state: "expired" };
  return { state: sub.status === "confirmed" ? "confirmed" : "pending", subscriberId: sub.id };
}

/** Confirms the address of a confirmation link (its button's POST); returns what the page then says. */
export async function confirmSubscription(
  deps: AppDeps,
  token: string | undefined,
): Promise<{ state: ConfirmState; subscriberId?: string }> {
  const check = verifyToken(mailingKeys(deps.masterKey), "confirm", token);
  if (!check.ok) return { state: check.problem };
  const repo = createSubscribersRepository({ db: deps.db });
  if (await repo.confirm(check.subscriberId, nowIso()))
    return { state: "confirmed", subscriberId: check.subscriberId };
  const sub = await repo.find(check.subscriberId);
  return sub ? { state: "confirmed", subscriberId: sub.id } : { state: "expired" };
}

export type Subscription = { state: "invalid" } | { state: "gone" } | ({ state: "ok"; id: string } & Choices);

/** The subscription a preferences or unsubscribe link names (confirmed subscribers only). */
export async function subscriptionOf(deps: AppDeps, token: string | undefined): Promise<Subscription> {
  const check = verifyToken(mailingKeys(deps.masterKey), "manage", token);
  if (!check.ok) return { state: "invalid" };
  const sub = await createSubscribersRepository({ db: deps.db }).find(check.subscriberId);
  if (sub?.status !== "confirmed") return { state: "gone" };
  return { state: "ok", id: sub.id, language: mailingLanguageOf(sub.language), topics: topicsOf(sub) };
}

/** Saves a subscriber's new choices from their preferences page. */
export async function changeSubscription(deps: AppDeps, subscriberId: string, choices: Choices) {
  await createSubscribersRepository({ db: deps.db }).update(subscriberId, {
    language: choices.language,
    ...topicValues(choices.topics),
    updated_at: nowIso(),
  });
}

/** Deletes a subscriber and their address at once; the mailings' logs keep their lines without the link. */
export async function removeSubscription(deps: AppDeps, subscriberId: string) {
  await inTransaction(deps.db, (trx) => createSubscribersRepository({ db: trx }).remove(subscriberId));
}

/**
 * Unsubscribes the subscriber of an unsubscribe link (one-click or its button) at once. Returns the language they
 * read, for the page that answers.
 */
export async function unsubscribe(
  deps: AppDeps,
  token: string | undefined,
): Promise<{ state: "invalid" } | { state: "done"; language: MailingLanguage | null }> {
  const check = verifyToken(mailingKeys(deps.masterKey), "manage", token);
  if (!check.ok) return { state: "invalid" };
  const sub = await createSubscribersRepository({ db: deps.db }).find(check.subscriberId);
  if (sub) await removeSubscription(deps, sub.id);
  return { state: "done", language: sub ? mailingLanguageOf(sub.language) : null };
}

// Daily while addresses wait: those unconfirmed after their days are deleted, and old sign-up counts with them.
registerJobHandler(purgeJobKind, async ({ db }) => {
  const repo = createSubscribersRepository({ db });
  await repo.purgeUnconfirmed(nowIso());
  await createAuthRepository({ db }).purgeRateLimits(isoFromNow(-2 * dayMs), rateBucketPrefix);
  if ((await repo.countPending()) > 0)
    await scheduleJob(db, { kind: purgeJobKind, runAt: isoFromNow(dayMs), payload: {}, key: purgeJobKey });
});
