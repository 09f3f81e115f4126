import { type ReportBody, reportBodySchema, type StatisticBlock } from "../../../shared/report-body.js";
import { numberReport } from "../../../shared/report-numbering.js";
import { type Actor, abilitiesOn, isAuditedLevel } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import type { ReportsTable } from "../../platform/db/schema-reports.types.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import {
  AppError,
  conflict,
  defineError,
  type FieldProblem,
  forbidden,
  validationFailed,
} from "../../platform/errors/app-error.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { factsOfRow } from "../../platform/records/records.usecases.js";
import { excerptOf, fingerprint, quotationsOf, resolveQuotations } from "./report-quotations.js";
import { computeStatistic } from "./report-statistics.js";
import { writeReport } from "./report-writes.js";
import { editableStatuses, openReportTransitions } from "./reports.policies.js";
import { presentContent } from "./reports.presenters.js";
import { createReportsRepository } from "./reports.repository.js";
import { reportSpec } from "./reports.schemas.js";

export const reportNotFound = () => new AppError("reports.not_found", 404);
export const reportLocked = defineError("reports.locked", 409);

/** A stored body; a body written by an older version of the schema is read as far as it still fits. */
export function parseBody(text: string): ReportBody {
  const parsed = reportBodySchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : { summary: "", sections: [], recommendationsIntro: null };
}

/** The report if the actor may read it (the access filter decides), with the actor's abilities on it. */
export async function readableReport(trx: Tx, actor: Actor, id: string) {
  const row = (await createRecordsRepository({ db: trx }).findReadable(actor, reportSpec, id)) as
    | ReportsTable
    | undefined;
  if (!row) throw reportNotFound();
  return {
    row,
    abilities: abilitiesOn(actor, factsOfRow(row as unknown as Record<string, unknown>)),
    body: parseBody(row.body),
  };
}

/** The report, which the actor must be allowed to change now: readable, writable, not final. */
export async function changeableReport(trx: Tx, actor: Actor, id: string, version?: number) {
  const r = await readableReport(trx, actor, id);
  if (!r.abilities.update) throw forbidden();
  if (!editableStatuses.has(r.row.status)) throw reportLocked({ status: r.row.status });
  if (version !== undefined && version !== r.row.version) throw conflict();
  return r;
}

/** Everything the editor shows: body, numbers, quotations read from their sources, the report's recommendations. */
export async function contentOf(trx: Tx, actor: Actor, row: ReportsTable, body: ReportBody) {
  const repo = createReportsRepository({ db: trx });
  const abilities = abilitiesOn(actor, factsOfRow(row as unknown as Record<string, unknown>));
  const quotations = await resolveQuotations(repo, actor, body);
  const recommendations = await repo.recommendations(actor, row.id);
  const userIds = body.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === "statistic" && b.table?.computedBy ? [b.table.computedBy] : [])),
  );
  return presentContent({
    row,
    body,
    numbers: numberReport(body),
    abilities,
    actions: openReportTransitions(actor, {
      mandateId: row.mandate_id,
      status: row.status,
      canUpdate: abilities.update,
    }),
    quotations,
    recommendations,
    users: await repo.userNames(userIds),
  });
}

/** The report's body as its editor shows it; reading a confidential one is audited like a record read. */
export async function reportContent({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return inTransaction(db, async (trx) => {
    const { row, body } = await readableReport(trx, actor, id);
    if (isAuditedLevel(row.confidentiality))
      await writeAudit(trx, actor, [
        { action: "read", recordType: "report", recordId: id, mandateId: row.mandate_id, fields: ["body"] },
      ]);
    return contentOf(trx, actor, row, body);
  });
}

const sameQuery = (a: StatisticBlock, b: StatisticBlock) =>
  JSON.stringify(a.query) === JSON.stringify(b.query);

/**
 * Checks and completes a body before it is stored: a quotation new or moved must point into a source the actor may
 * read, of the same mandate, and gets the fingerprint of its excerpt; a statistic new or with other filters is
 * computed now under the actor's access; unchanged ones keep what they had (a client cannot write a table).
 */
async function settleBody(trx: Tx, actor: Actor, row: ReportsTable, before: ReportBody, next: ReportBody) {
  const repo = createReportsRepository({ db: trx });
  const old = new Map(before.sections.flatMap((s) => s.blocks.map((b) => [b.id, b] as const)));
  const fresh = quotationsOf(next).filter((q) => {
    const o = old.get(q.id);
    return !(
      o?.kind === "quotation" &&
      o.sourceId === q.sourceId &&
      o.field === q.field &&
      o.start === q.start &&
      o.end === q.end
    );
  });
  const ids = fresh.map((q) => q.sourceId);
  const sources = new Map((await repo.sources(ids)).map((s) => [s.id, s]));
  const readable = await repo.readableSources(actor, ids);
  const problems: Record<string, FieldProblem> = {};
  const settled: ReportBody = {
    ...next,
    sections: await Promise.all(
      next.sections.map(async (s, i) => ({
        ...s,
        blocks: await Promise.all(
          s.blocks.map(async (b, j) => {
            const at = `body.sections.${i}.blocks.${j}`;
            const o = old.get(b.id);
            if (b.kind === "quotation") {
              if (!fresh.includes(b))
                return { ...b, excerptHash: o?.kind === "quotation" ? (o.excerptHash ?? null) : null };
              const source = sources.get(b.sourceId);
              if (!source || !readable.has(b.sourceId))
                problems[`${at}.sourceId`] = { code: "field.unknown_reference" };
              else if (source.mandate_id !== row.mandate_id)
                problems[`${at}.sourceId`] = { code: "field.other_mandate" };
              else {
                const text = excerptOf(source, b);
                if (text === null) problems[`${at}.end`] = { code: "field.invalid" };
                else return { ...b, excerptHash: fingerprint(text) };
              }
              return b;
            }
            if (b.kind === "statistic") {
              if (o?.kind === "statistic" && sameQuery(o, b)) return { ...b, table: o.table ?? null };
              const table = await computeStatistic({
                db: trx,
                actor,
                mandateId: row.mandate_id,
                query: b.query,
                language: row.language === "ko" ? "ko" : "en",
              }).catch((e: unknown) => {
                if (e instanceof AppError && e.status === 400) {
                  for (const [field, p] of Object.entries(e.fields)) problems[`${at}.query.${field}`] = p;
                  return null;
                }
                throw e;
              });
              return { ...b, table };
            }
            return b;
          }),
        ),
      })),
    ),
  };
  if (Object.keys(problems).length) throw validationFailed({}, problems);
  return settled;
}

/**
 * Saves the report's body (summary, sections, paragraphs, footnotes, quotations, statistics) if it is still at
 * the version the caller saw; the write and its audit row commit together.
 * @example await saveReportBody({ db, actor, id, version: 3, body });
 */
export async function saveReportBody({
  db,
  actor,
  id,
  version,
  body,
}: {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
  body: ReportBody;
}) {
  return inTransaction(db, async (trx) => {
    const { row, body: before } = await changeableReport(trx, actor, id, version);
    const settled = await settleBody(trx, actor, row, before, body);
    const values = { body: JSON.stringify(settled), updated_by: actor.userId, updated_at: nowIso() };
    if (!(await writeReport(trx, id, row.version, values))) throw conflict();
    await writeAudit(trx, actor, [
      { action: "update", recordType: "report", recordId: id, mandateId: row.mandate_id, fields: ["body"] },
    ]);
    return contentOf(trx, actor, { ...row, ...values, version: row.version + 1 }, settled);
  });
}

/** Recomputes the statistics of a body (or one of them) under the actor's access now. */
export async function refreshedBody(
  trx: Tx,
  actor: Actor,
  row: ReportsTable,
  body: ReportBody,
  only?: string,
) {
  return {
    ...body,
    sections: await Promise.all(
      body.sections.map(async (s) => ({
        ...s,
        blocks: await Promise.all(
          s.blocks.map(async (b) =>
            b.kind === "statistic" && (!only || b.id === only)
              ? {
                  ...b,
                  table: await computeStatistic({
                    db: trx,
                    actor,
                    mandateId: row.mandate_id,
                    query: b.query,
                    language: row.language === "ko" ? "ko" : "en",
                  }),
                }
              : b,
          ),
        ),
      })),
    ),
  };
}

/** Recomputes the report's live statistics (all, or one block) under the access of the actor refreshing; audited. */
export async function refreshReportStatistics({
  db,
  actor,
  id,
  blockId,
}: {
  db: Db;
  actor: Actor;
  id: string;
  blockId?: string | undefined;
}) {
  return inTransaction(db, async (trx) => {
    const { row, body } = await changeableReport(trx, actor, id);
    const refreshed = await refreshedBody(trx, actor, row, body, blockId);
    const values = { body: JSON.stringify(refreshed), updated_by: actor.userId, updated_at: nowIso() };
    if (!(await writeReport(trx, id, row.version, values))) throw conflict();
    await writeAudit(trx, actor, [
      {
        action: "report.refresh",
        recordType: "report",
        recordId: id,
        mandateId: row.mandate_id,
        fields: ["statistics"],
      },
    ]);
    return contentOf(trx, actor, { ...row, ...values, version: row.version + 1 }, refreshed);
  });
}
