import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { registerRawUpload } from "../../platform/http/raw-upload.js";
import { recordResponseSchema } from "../../platform/records/record-schemas.js";
import { idParams, registerRecordRoutes } from "../../platform/records/records.routes.js";
import { createBlobStore } from "../../platform/storage/blob-store.js";
import { attachmentSpec, contentQuery, uploadQuery } from "./attachments.schemas.js";
import { downloadAttachment, uploadAttachment } from "./attachments.usecases.js";

export function registerAttachmentRoutes(app: FastifyInstance, deps: AppDeps) {
  registerRecordRoutes(app, deps, attachmentSpec, { create: false });
  const blobs = createBlobStore(deps.config.dataDir);
  const tags = ["attachments"];

  // Only this route accepts arbitrary content types: the file's bytes as they were sent.
  registerRawUpload(app, deps.config.maxAttachmentBytes, (scope) =>
    scope.post(
      "/api/v1/attachments",
      {
        bodyLimit: deps.config.maxAttachmentBytes,
        schema: {
          tags,
          summary: "Upload a file (raw body; Content-Type is its MIME type); stored by SHA-256",
          querystring: uploadQuery,
          response: { 201: recordResponseSchema(attachmentSpec) },
        },
      },
      async (req, reply) => {
        const content = Buffer.isBuffer(req.body)
          ? req.body
          : Buffer.from(typeof req.body === "string" ? req.body : JSON.stringify(req.body ?? ""));
        const record = await uploadAttachment({
          db: deps.db,
          blobs,
          actor: requireWriter(req),
          content,
          mimeType: String(req.headers["content-type"] ?? "application/octet-stream"),
          meta: req.query,
        });
        return reply.status(201).send(record);
      },
    ),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/attachments/:id/content",
    {
      schema: {
        tags,
        summary:
          "Download the file (hash re-checked); `inline=1` shows images and PDFs in the page, anything else stays a download",
        params: idParams,
        querystring: contentQuery,
      },
    },
    async (req, reply) => {
      const { record, content } = await downloadAttachment({
        db: deps.db,
        blobs,
        actor: requireActor(req),
        id: req.params.id,
      });
      const name = encodeURIComponent(String(record.filename));
      const mime = String(record.mimeType);
      // Only types the browser renders itself, never as a page that runs script (no SVG, no HTML is accepted).
      const inline = req.query.inline === "1" && (mime.startsWith("image/") || mime === "application/pdf");
      return reply
        .header("content-type", mime)
        .header("content-disposition", `${inline ? "inline" : "attachment"}; filename*=UTF-8''${name}`)
        .header("x-content-type-options", "nosniff")
        .header("x-checksum-sha256", String(record.sha256))
        .send(content);
    },
  );
}
