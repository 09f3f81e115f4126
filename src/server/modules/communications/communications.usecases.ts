import { type Actor, abilitiesOn } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { addDays, nowIso, today } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError, defineError } from "../../platform/errors/app-error.js";
import { cancelJobs, notify, registerJobHandler, scheduleJob } from "../../platform/jobs/jobs.usecases.js";
import { refuseMove } from "../../platform/records/lifecycle.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { factsOfRow, getRecord } from "../../platform/records/records.usecases.js";
import { indexRecords } from "../search/search-index.usecases.js";
import {
  addresseeCodeOf,
  awaitingReply,
  embargoed,
  formatReference,
  openTransitions,
  type TransitionAction,
  transitionRules,
} from "./communications.policies.js";
import { createCommunicationsRepository } from "./communications.repository.js";
import { communicationSpec } from "./communications.schemas.js";

export const transitionNotAllowed = defineError("communications.transition_not_allowed", 409);
const notFound = () => new AppError("communications.not_found", 404);

/** Days and offsets the communications follow; set from the configuration when the application is built. */
export const communicationSettings = { replyDeadlineDays: 60, replyReminderDays: 7, embargoDays: 60 };

const startOf = (day: string) => `${day}T00:00:00.000Z`;
const jobKey = (id: string, what: string) => `communication:${id}:${what}`;
const shareable = new Set(["public", "internal"]);

async function readable(trx: Tx, actor: Actor, id: string) {
  const row = await createRecordsRepository({ db: trx }).findReadable(actor, communicationSpec, id);
  if (!row) throw notFound();
  const facts = {
    mandateId: String(row.mandate_id),
    status: String(row.status),
    canUpdate: abilitiesOn(actor, factsOfRow(row)).update,
    publishOn: (row.publish_on as string | null) ?? null,
  };
  return { spec: communicationSpec, row, facts };
}

/** The moves the actor may make on a communication now. */
export async function communicationActions({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return inTransaction(db, async (trx) =>
    openTransitions(actor, (await readable(trx, actor, id)).facts, today()),
  );
}

/**
 * Moves a communication one step of its lifecycle. Sending numbers it (`UA CHN 3/2017`), dates it, sets the reply
 * deadline and the publication day, and schedules the reminders; the move and its audit row commit together.
 * @example await transitionCommunication({ db, actor, id, action: "send" });
 */
export async function transitionCommunication({
  db,
  actor,
  id,
  action,
  on,
}: {
  db: Db;
  actor: Actor;
  id: string;
  action: TransitionAction;
  /** The day the step happens, when it is recorded after the fact (a letter sent before it was entered here). */
  on?: string | undefined;
}) {
  const spec = await inTransaction(db, async (trx) => {
    const { spec, row, facts } = await readable(trx, actor, id);
    const day = on ?? today();
    const rule = transitionRules[action];
    if (!openTransitions(actor, facts, day).includes(action))
      refuseMove(actor, rule, facts, () => transitionNotAllowed({ status: facts.status, action }));
    const repo = createCommunicationsRepository({ db: trx });
    const values: Record<string, unknown> = {
      status: rule.to,
      updated_by: actor.userId,
      updated_at: nowIso(),
    };
    const fields = ["status"];
    if (action === "send") {
      const year = Number(day.slice(0, 4));
      const code = addresseeCodeOf(row as { addressee_kind: string; addressee_country: string | null });
      const n = await repo.nextNumber(code, year);
      const joint = JSON.parse(String(row.joint_mandates ?? "[]")).length > 0;
      const publishOn = (row.publish_on as string | null) ?? addDays(day, communicationSettings.embargoDays);
      Object.assign(values, {
        reference: formatReference(String(row.kind), joint, code, n, year),
        reference_year: year,
        reference_number: n,
        sent_on: day,
        reply_due_on:
          (row.reply_due_on as string | null) ?? addDays(day, communicationSettings.replyDeadlineDays),
        // Days as YYYY-MM-DD text compare in calendar order; never before the day it is sent.
        publish_on: [day, publishOn].sort()[1],
      });
      fields.push("reference", "sentOn", "replyDueOn", "publishOn");
    }
    if (action === "publish") {
      values.published_at = nowIso();
      fields.push("publishedAt");
    }
    if (!(await createRecordsRepository({ db: trx }).moveStatus(spec, id, rule.from, values)))
      throw transitionNotAllowed({ status: "", action });
    await writeAudit(trx, actor, [
      {
        action: `communication.${action}`,
        recordType: "communication",
        recordId: id,
        mandateId: String(row.mandate_id),
        fields,
      },
    ]);
    await followCommunication(trx, id);
    return spec;
  });
  return getRecord({ db, actor, spec, id });
}

/**
 * Keeps what follows a communication in step after any change: its counts, `replied` once a reply is recorded,
 * the reply reminders while a reply is awaited, the publication job while it is embargoed.
 */
export async function followCommunication(db: Tx, id: string, options: { replied?: boolean } = {}) {
  const repo = createCommunicationsRepository({ db });
  await repo.refreshCounts(id);
  if (options.replied)
    await createRecordsRepository({ db }).moveStatus(communicationSpec, id, ["sent", "no_reply"], {
      status: "replied",
    });
  const c = await repo.find(id);
  if (!c) return;
  await indexRecords(db, "communication", [id]);
  if (awaitingReply.has(c.status) && c.reply_count === 0 && c.reply_due_on) {
    const before = addDays(c.reply_due_on, -communicationSettings.replyReminderDays);
    if (communicationSettings.replyReminderDays > 0 && before > today())
      await scheduleJob(db, {
        kind: "communication.reply-reminder",
        runAt: startOf(before),
        payload: { communicationId: id, when: "before" },
        key: jobKey(id, "reminder-before"),
      });
    else await cancelJobs(db, jobKey(id, "reminder-before"));
    await scheduleJob(db, {
      kind: "communication.reply-reminder",
      runAt: startOf(c.reply_due_on),
      payload: { communicationId: id, when: "due" },
      key: jobKey(id, "reminder-due"),
    });
  } else await cancelJobs(db, jobKey(id, "reminder-"));
  if (embargoed.has(c.status) && c.publish_on)
    await scheduleJob(db, {
      kind: "communication.publish",
      runAt: startOf(c.publish_on),
      payload: { communicationId: id },
      key: jobKey(id, "publish"),
    });
  else await cancelJobs(db, jobKey(id, "publish"));
}

/** The embargo lifts on the publication day: the communication becomes public, by the system, audited. */
export async function liftEmbargo(db: Tx, id: string) {
  const repo = createCommunicationsRepository({ db });
  const c = await repo.find(id);
  if (!c || !embargoed.has(c.status) || !c.publish_on || c.publish_on > today()) return false;
  const moved = await createRecordsRepository({ db }).moveStatus(communicationSpec, id, [...embargoed], {
    status: "published",
    published_at: nowIso(),
  });
  if (!moved) return false;
  await writeAudit(db, null, [
    {
      action: "communication.publish",
      recordType: "communication",
      recordId: id,
      mandateId: c.mandate_id,
      fields: ["status"],
    },
  ]);
  await notify(db, {
    userIds: c.created_by ? [c.created_by] : [],
    mandateId: c.mandate_id,
    kind: "embargo_lifted",
    params: { reference: c.reference ?? "" },
    link: `/app/communications/${id}`,
    email: false,
  });
  return true;
}

registerJobHandler("communication.publish", async ({ db, payload }) => {
  await liftEmbargo(db, String(payload.communicationId));
});

registerJobHandler("communication.reply-reminder", async ({ db, payload }) => {
  const repo = createCommunicationsRepository({ db });
  const c = await repo.find(String(payload.communicationId));
  if (!c?.reply_due_on || !awaitingReply.has(c.status) || c.reply_count > 0) return;
  const due = payload.when === "due";
  const days = Math.max(
    0,
    Math.round((Date.parse(startOf(c.reply_due_on)) - Date.parse(startOf(today()))) / 86_400_000),
  );
  await notify(db, {
    userIds: [...new Set([...(await repo.followers(c.mandate_id)), ...(c.created_by ? [c.created_by] : [])])],
    mandateId: c.mandate_id,
    kind: due ? "reply_due_today" : "reply_due_soon",
    // The subject of a confidential letter stays inside the system, behind the link.
    params: {
      reference: c.reference ?? "",
      subject: shareable.has(c.confidentiality) ? c.subject : "",
      dueOn: c.reply_due_on,
      days,
    },
    link: `/app/communications/${c.id}`,
    email: true,
  });
});
