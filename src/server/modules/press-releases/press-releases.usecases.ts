import type { PressReleaseTransition } from "../../../shared/press-releases.js";
import { type Actor, abilitiesOn } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso, today } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { invalidField } from "../../platform/errors/app-error.js";
import { refuseMove } from "../../platform/records/lifecycle.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { createRecord, factsOfRow, getRecord } from "../../platform/records/records.usecases.js";
import { indexRecords } from "../search/search-index.usecases.js";
import { followPressRelease } from "./press-release-schedule.js";
import { baseSlug, numberedSlug } from "./press-release-slugs.js";
import {
  pressReleaseNotFound,
  pressReleaseTransitionNotAllowed,
  restrictedRelease,
} from "./press-releases.errors.js";
import {
  isPublishAt,
  openPressReleaseTransitions,
  pressReleaseTransitionRules,
  publishedColumns,
} from "./press-releases.policies.js";
import { createPressReleasesRepository } from "./press-releases.repository.js";
import { pressReleaseSpec } from "./press-releases.schemas.js";

type Row = Record<string, unknown>;

/**
 * A press release the actor may read, and whether they may change it; one they may not read is not found.
 * @example const { row, canUpdate } = await findReadablePressRelease(trx, actor, id);
 */
export async function findReadablePressRelease(trx: Tx, actor: Actor, id: string) {
  const row = await createRecordsRepository({ db: trx }).findReadable(actor, pressReleaseSpec, id);
  if (!row) throw pressReleaseNotFound();
  return { row, canUpdate: abilitiesOn(actor, factsOfRow(row)).update };
}

/** A readable release with where it stands in its lifecycle, as the moves' rules see it. */
async function readable(trx: Tx, actor: Actor, id: string) {
  const { row, canUpdate } = await findReadablePressRelease(trx, actor, id);
  const facts = { mandateId: String(row.mandate_id), status: String(row.status), canUpdate };
  return { row, facts, open: openPressReleaseTransitions(actor, facts) };
}

/** The first of `base`, `base-2`, `base-3`… the mandate does not use yet. */
async function freeSlug(db: Db, mandateId: string, base: string) {
  const repo = createPressReleasesRepository({ db });
  for (let from = 1; from < 1000; from += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => numberedSlug(base, from + i));
    const taken = await repo.slugsTaken(mandateId, candidates);
    const free = candidates.find((c) => !taken.has(c));
    if (free) return free;
  }
  return baseSlug(base.slice(0, 10), null);
}

/**
 * Creates a press release; without a slug it gets one from its date (the publication time's, else today's) and its
 * English title, or a short random part when the title is Korean only, numbered when the mandate uses it already.
 * @example await createPressRelease({ db, actor, input: { mandateId, titleEn: "UN expert…", bodyEn: "…" } });
 */
export async function createPressRelease({ db, actor, input }: { db: Db; actor: Actor; input: Row }) {
  const mandateId = String(input.mandateId);
  // Slugs are looked up only in a mandate the actor writes in; the record engine refuses any other.
  if ((input.slug === undefined || input.slug === null) && actor.memberships.has(mandateId)) {
    const publishAt =
      typeof input.publishAt === "string" && isPublishAt(input.publishAt) ? input.publishAt : null;
    const day = publishAt?.slice(0, 10) ?? today();
    const title = typeof input.titleEn === "string" ? input.titleEn : null;
    input = { ...input, slug: await freeSlug(db, mandateId, baseSlug(day, title)) };
  }
  return createRecord({ db, actor, spec: pressReleaseSpec, input });
}

/** The moves the actor may make on a press release now. */
export async function pressReleaseActions({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return inTransaction(db, async (trx) => (await readable(trx, actor, id)).open);
}

/** The columns a move sets beyond the status, and the fields the audit row names. */
function moveValues(
  action: PressReleaseTransition,
  row: Row,
  when: { publishAt?: string | undefined; at?: string | undefined },
): { values: Row; fields: string[] } {
  const restricted = Number(row.restricted) === 1;
  if (action === "schedule") {
    const at = when.publishAt ?? (row.publish_at as string | null);
    if (!at) throw invalidField("publishAt", "field.required");
    if (Date.parse(at) <= Date.now()) throw invalidField("publishAt", "press-releases.publish_at_past");
    if (restricted) throw restrictedRelease();
    return { values: { publish_at: at }, fields: ["status", "publishAt"] };
  }
  if (action === "publish") {
    if (restricted) throw restrictedRelease();
    return {
      values: publishedColumns(when.at ?? nowIso()),
      fields: ["status", "publishedAt", "confidentiality"],
    };
  }
  if (action === "unpublish")
    return {
      values: { confidentiality: "internal", published_at: null },
      fields: ["status", "publishedAt", "confidentiality"],
    };
  return { values: {}, fields: ["status"] };
}

/**
 * Moves a press release one step: submit for review, return to draft, schedule (at its publication time, which must
 * be to come; a job publishes it then), unschedule, publish now, unpublish (withdrawn to draft, internal again).
 * Going public sets the status, the publication time and the public level in one transaction with its audit row; a
 * release restricted to named members never goes public.
 * @example await transitionPressRelease({ db, actor, id, action: "schedule", publishAt: "2026-12-01T09:00:00Z" });
 */
export async function transitionPressRelease({
  db,
  actor,
  id,
  action,
  publishAt,
  at,
}: {
  db: Db;
  actor: Actor;
  id: string;
  action: PressReleaseTransition;
  /** For `schedule`: the publication time, saved with the move (else the release's own). */
  publishAt?: string | undefined;
  /** When the step happened, for a release published before it was entered here. */
  at?: string | undefined;
}) {
  await inTransaction(db, async (trx) => {
    const { row, facts, open } = await readable(trx, actor, id);
    const rule = pressReleaseTransitionRules[action];
    if (!open.includes(action))
      refuseMove(actor, rule, facts, () =>
        pressReleaseTransitionNotAllowed({ status: facts.status, action }),
      );
    if (publishAt !== undefined && action !== "schedule") throw invalidField("publishAt", "field.invalid");
    const { values, fields } = moveValues(action, row, { publishAt, at });
    const moved = await createRecordsRepository({ db: trx }).moveStatus(pressReleaseSpec, id, rule.from, {
      ...values,
      status: rule.to,
      updated_by: actor.userId,
      updated_at: nowIso(),
    });
    if (!moved) throw pressReleaseTransitionNotAllowed({ status: facts.status, action });
    // Its level changes with publication: the search index follows in the same transaction.
    await indexRecords(trx, "press_release", [id]);
    await writeAudit(trx, actor, [
      {
        action: `press_release.${action}`,
        recordType: "press_release",
        recordId: id,
        mandateId: String(row.mandate_id),
        fields,
      },
    ]);
    await followPressRelease(trx, id);
  });
  return getRecord({ db, actor, spec: pressReleaseSpec, id });
}
