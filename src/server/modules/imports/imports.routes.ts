import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { localeOf, requireActor, requireWriter } from "../../platform/http/caller.js";
import { csvText } from "../../platform/http/csv.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { registerRawUpload } from "../../platform/http/raw-upload.js";
import { idParams } from "../../platform/records/records.routes.js";
import { exportRecords } from "./exports.usecases.js";
import { importTypes } from "./import-fields.js";
import {
  getImportRun,
  listImportMappings,
  listImportRuns,
  saveImportMapping,
} from "./import-runs.usecases.js";
import { presentMapping, presentRowError, presentRun, presentTargets } from "./imports.presenters.js";
import {
  commitBody,
  dryRunBody,
  dryRunResponse,
  exportQuery,
  mappingBody,
  mappingListQuery,
  mappingResponse,
  personsExportQuery,
  previewQuery,
  previewResponse,
  runListQuery,
  runResponse,
} from "./imports.schemas.js";
import { dryRunImport, importsSettled, previewImport, startImport } from "./imports.usecases.js";
import { xlsxOf } from "./table-writer.js";
import { createUploadStore } from "./upload-store.js";

/** Imports (preview, dry run, commit, runs and their reports), saved column mappings, and exports as CSV or XLSX. */
export function registerImportRoutes(app: FastifyInstance, deps: AppDeps) {
  const uploads = createUploadStore(deps.config.dataDir);
  const tags = ["imports"];
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A run in the background finishes (or fails and says so) before the database closes.
  app.addHook("onClose", async () => {
    await importsSettled();
  });

  // The file is the raw body: no parser may decode it, since its encoding is what the preview finds out.
  registerRawUpload(app, deps.config.maxAttachmentBytes, (scope) =>
    scope.post(
      "/api/v1/imports/preview",
      {
        bodyLimit: deps.config.maxAttachmentBytes,
        schema: {
          tags,
          summary:
            "Upload a CSV or XLSX file (raw body) to import: its encoding, line ending, delimiter, headers and first rows; kept 24 hours",
          querystring: previewQuery,
          response: { 200: previewResponse },
        },
      },
      async (req) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const preview = await previewImport({
          db: deps.db,
          uploads,
          actor: requireWriter(req),
          mandateId: req.query.mandateId,
          type: req.query.type,
          filename: req.query.filename ?? "upload",
          bytes,
          encoding: req.query.encoding,
        });
        return { ...preview, targets: presentTargets(preview.type) };
      },
    ),
  );

  r.post(
    "/api/v1/imports/dry-run",
    {
      schema: {
        tags,
        summary:
          "Check an uploaded file through a mapping, writing nothing: every error by line, column and field",
        body: dryRunBody,
        response: { 200: dryRunResponse },
      },
    },
    async (req) => {
      const outcome = await dryRunImport({
        db: deps.db,
        uploads,
        actor: requireWriter(req),
        uploadId: req.body.uploadId,
        mapping: req.body.mapping,
      });
      const locale = localeOf(req);
      return {
        ok: outcome.ok,
        rows: outcome.rows,
        counts: outcome.counts as Record<string, number>,
        errors: outcome.errors.map((e) => presentRowError(e, locale)),
        truncated: outcome.truncated,
      };
    },
  );

  r.post(
    "/api/v1/imports",
    {
      schema: {
        tags,
        summary:
          "Commit an uploaded file: all its records in one transaction, or none; answers the run to follow",
        body: commitBody,
        response: { 202: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const run = await startImport({
        db: deps.db,
        uploads,
        actor: requireWriter(req),
        uploadId: req.body.uploadId,
        mapping: req.body.mapping,
        mappingName: req.body.mappingName,
      });
      return reply.status(202).send(run);
    },
  );

  r.get(
    "/api/v1/imports",
    {
      schema: {
        tags,
        summary: "Import runs of the caller's mandates, newest first",
        querystring: runListQuery,
        response: { 200: z.object({ items: z.array(runResponse) }) },
      },
    },
    async (req) => {
      const locale = localeOf(req);
      const runs = await listImportRuns({
        db: deps.readDb,
        actor: requireActor(req),
        mandateId: req.query.mandateId,
        limit: req.query.limit ?? 50,
      });
      return { items: runs.map((run) => presentRun(run, locale, { ids: false })) };
    },
  );

  r.get(
    "/api/v1/imports/:id",
    {
      schema: {
        tags,
        summary:
          "An import run: its progress while it runs, then its report (counts, ids created, mapping, who, when)",
        params: idParams,
        response: { 200: runResponse },
      },
    },
    async (req) =>
      presentRun(
        await getImportRun({ db: deps.readDb, actor: requireActor(req), id: req.params.id }),
        localeOf(req),
        {
          ids: true,
        },
      ),
  );

  r.get(
    "/api/v1/import-mappings",
    {
      schema: {
        tags,
        summary: "Saved column mappings of a mandate",
        querystring: mappingListQuery,
        response: { 200: z.object({ items: z.array(mappingResponse) }) },
      },
    },
    async (req) => {
      const rows = await listImportMappings({
        db: deps.db,
        actor: requireActor(req),
        mandateId: req.query.mandateId,
        type: req.query.type,
      });
      return { items: rows.map(presentMapping) };
    },
  );

  r.post(
    "/api/v1/import-mappings",
    {
      schema: {
        tags,
        summary:
          "Save a column mapping under a name (replacing one of the same name) for a mandate and record type",
        body: mappingBody,
        response: { 201: mappingResponse },
      },
    },
    async (req, reply) => {
      const row = await saveImportMapping({ db: deps.db, actor: requireWriter(req), input: req.body });
      return reply.status(201).send(presentMapping(row));
    },
  );

  for (const type of importTypes)
    for (const format of ["csv", "xlsx"] as const)
      r.get(
        `/api/v1/exports/${type}.${format}`,
        {
          schema: {
            tags: ["exports"],
            summary: `The ${type} of a mandate you may read, as ${format.toUpperCase()} (roles that export; audited)${
              type === "persons"
                ? "; identifying data only with includeIdentity=1 and the right to read it"
                : ""
            }`,
            querystring: type === "persons" ? personsExportQuery : exportQuery,
            produces: [
              format === "csv"
                ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ],
          },
        },
        async (req, reply) => {
          const query = req.query as { mandateId: string; includeIdentity?: "0" | "1" };
          const { header, rows } = await exportRecords({
            db: deps.db,
            masterKey: deps.masterKey,
            actor: requireActor(req),
            mandateId: query.mandateId,
            type,
            format,
            includeIdentity: query.includeIdentity === "1",
          });
          const name = `${type}.${format}`;
          reply
            .header("content-disposition", `attachment; filename="${name}"`)
            .header("x-content-type-options", "nosniff")
            .header("cache-control", "no-store");
          if (format === "csv")
            return reply.header("content-type", "text/csv; charset=utf-8").send(csvText(header, rows));
          return reply
            .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .send(await xlsxOf(type, header, rows));
        },
      );
}
