import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { reportBodySchema } from "../../../shared/report-body.js";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idSchema, recordResponseSchema } from "../../platform/records/record-schemas.js";
import { idParams, registerRecordRoutes } from "../../platform/records/records.routes.js";
import { overridePublicationProblem, publicationCheck } from "./publication-check.usecases.js";
import { exportFormats, exportReport } from "./report-export.usecases.js";
import { reportActions, transitionReport } from "./report-lifecycle.usecases.js";
import {
  compareReportVersions,
  listReportVersions,
  restoreReportVersion,
  saveReportVersion,
} from "./report-versions.usecases.js";
import { reportTransitions } from "./reports.policies.js";
import { reportSpec } from "./reports.schemas.js";
import { refreshReportStatistics, reportContent, saveReportBody } from "./reports.usecases.js";

const tags = ["reports"];
const versionParams = idParams.extend({ versionId: idSchema });

/** Reports: the record, its body, statistics, lifecycle, versions, publication check with overrides, and exports. */
export function registerReportRoutes(app: FastifyInstance, deps: AppDeps) {
  registerRecordRoutes(app, deps, reportSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/v1/reports/:id";

  r.get(
    `${base}/content`,
    {
      schema: {
        tags,
        summary:
          "The report's body as the editor shows it: numbered paragraphs, quotations read from their sources, statistics, its recommendations",
        params: idParams,
      },
    },
    async (req) => reportContent({ db: deps.db, actor: requireActor(req), id: req.params.id }),
  );

  r.put(
    `${base}/body`,
    {
      schema: {
        tags,
        summary:
          "Save the body (summary, sections, paragraphs, footnotes, quotations by reference, statistics); new statistics are computed",
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1), body: reportBodySchema }),
      },
    },
    async (req) =>
      saveReportBody({
        db: deps.db,
        actor: requireWriter(req),
        id: req.params.id,
        version: req.body.version,
        body: req.body.body,
      }),
  );

  r.post(
    `${base}/statistics/refresh`,
    {
      schema: {
        tags,
        summary: "Recompute the live statistics (all, or one block) over what the caller may read now",
        params: idParams,
        body: z.strictObject({
          blockId: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,40}$/, "field.invalid_format")
            .optional(),
        }),
      },
    },
    async (req) =>
      refreshReportStatistics({
        db: deps.db,
        actor: requireWriter(req),
        id: req.params.id,
        blockId: req.body.blockId,
      }),
  );

  r.get(
    `${base}/actions`,
    {
      schema: {
        tags,
        summary: "The lifecycle moves open to the caller on this report now",
        params: idParams,
        response: { 200: z.object({ actions: z.array(z.enum(reportTransitions)) }) },
      },
    },
    async (req) => ({
      actions: await reportActions({ db: deps.db, actor: requireActor(req), id: req.params.id }),
    }),
  );

  r.post(
    `${base}/transitions`,
    {
      schema: {
        tags,
        summary:
          "Move a report: submit, return, finalise (mandate holder; freezes the statistics into a version), reopen, publish (mandate holder; needs a clean publication check)",
        params: idParams,
        body: z.strictObject({ action: z.enum(reportTransitions) }),
        response: { 200: recordResponseSchema(reportSpec) },
      },
    },
    async (req) =>
      transitionReport({
        db: deps.db,
        masterKey: deps.masterKey,
        actor: requireWriter(req),
        id: req.params.id,
        action: req.body.action,
      }),
  );

  r.get(
    `${base}/versions`,
    { schema: { tags, summary: "The report's saved versions, newest first", params: idParams } },
    async (req) => listReportVersions({ db: deps.db, actor: requireActor(req), id: req.params.id }),
  );

  r.post(
    `${base}/versions`,
    {
      schema: {
        tags,
        summary: "Save the report as it is now as a new version (audited)",
        params: idParams,
        body: z.strictObject({ label: z.string().trim().max(200).nullable().optional() }),
      },
    },
    async (req) =>
      saveReportVersion({ db: deps.db, actor: requireWriter(req), id: req.params.id, label: req.body.label }),
  );

  r.get(
    `${base}/versions/compare`,
    {
      schema: {
        tags,
        summary:
          "What changed, paragraph by paragraph, from one version to another (or to the report as it is now)",
        params: idParams,
        querystring: z.strictObject({
          from: idSchema.optional().describe("A version id; the latest saved version when left out"),
          to: idSchema.optional().describe("A version id, or `current` (the default)"),
        }),
      },
    },
    async (req) =>
      compareReportVersions({
        db: deps.db,
        actor: requireActor(req),
        id: req.params.id,
        from: req.query.from,
        to: req.query.to,
      }),
  );

  r.post(
    `${base}/versions/:versionId/restore`,
    {
      schema: {
        tags,
        summary: "Restore a version: its text becomes the report's, saved as a new version (audited)",
        params: versionParams,
        body: z.strictObject({
          version: z.number().int().min(1).describe("The report's version the caller saw"),
        }),
      },
    },
    async (req) =>
      restoreReportVersion({
        db: deps.db,
        actor: requireWriter(req),
        id: req.params.id,
        versionId: req.params.versionId,
        version: req.body.version,
      }),
  );

  r.get(
    `${base}/publication-check`,
    {
      schema: {
        tags,
        summary:
          "Every problem standing between the report and the public (consent, identifying data, reprisal risk, small cells, confidential records), each with a link",
        params: idParams,
      },
    },
    async (req) =>
      publicationCheck({
        db: deps.db,
        masterKey: deps.masterKey,
        actor: requireActor(req),
        id: req.params.id,
      }),
  );

  r.post(
    `${base}/overrides`,
    {
      schema: {
        tags,
        summary: "The mandate holder publishes despite one problem, for a stated reason (audited)",
        params: idParams,
        body: z.strictObject({
          key: z.string().min(1).max(300),
          reason: z.string().trim().min(3).max(2000),
        }),
      },
    },
    async (req) =>
      overridePublicationProblem({
        db: deps.db,
        masterKey: deps.masterKey,
        actor: requireWriter(req),
        id: req.params.id,
        key: req.body.key,
        reason: req.body.reason,
      }),
  );

  for (const format of exportFormats)
    r.get(
      `${base}/export.${format}`,
      {
        schema: {
          tags,
          summary: `The report as ${format.toUpperCase()}: a marked staff copy, or with public=1 the public document once the publication check is clean (audited)`,
          params: idParams,
          querystring: z.strictObject({
            public: z
              .enum(["0", "1"])
              .optional()
              .describe("1: the public document (refused with 409 and the problems)"),
          }),
        },
      },
      async (req, reply) => {
        const file = await exportReport({
          db: deps.db,
          masterKey: deps.masterKey,
          actor: requireActor(req),
          id: req.params.id,
          format,
          public: req.query.public === "1",
        });
        return reply
          .header("content-type", file.contentType)
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          .header("cache-control", "no-store")
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
          .send(file.content);
      },
    );
}
