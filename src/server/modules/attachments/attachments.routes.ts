import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { handleError } from "../../platform/http/error-handler.js";
import { registerRawUpload } from "../../platform/http/raw-upload.js";
import { recordResponseSchema } from "../../platform/records/record-schemas.js";
import { idParams, registerRecordRoutes } from "../../platform/records/records.routes.js";
import { createBlobStore } from "../../platform/storage/blob-store.js";
import { fileTooLarge } from "./attachments.errors.js";
import { contentDisposition, previewHeaders } from "./attachments.presenters.js";
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
        // A body over the limit is refused by the parser (before it is read, when its length is declared).
        errorHandler: (err, req, reply) =>
          handleError(
            err.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? fileTooLarge(deps.config.maxAttachmentBytes) : err,
            req,
            reply,
          ),
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
      const mime = String(record.mimeType);
      // Only types the browser renders itself, never as a page that runs script (no SVG, no HTML is accepted),
      // and only bytes that were checked to be of that type on upload.
      const inline = req.query.inline === "1" && (mime.startsWith("image/") || mime === "application/pdf");
      if (inline) reply.headers(previewHeaders(mime));
      return reply
        .header("content-type", mime)
        .header("content-disposition", contentDisposition(inline, String(record.filename)))
        .header("x-checksum-sha256", String(record.sha256))
        .send(content);
    },
  );
}
