import { z } from "zod";
import { confidentialitySchema, idSchema } from "../../platform/records/record-schemas.js";
import { defineRecordSpec } from "../../platform/records/record-spec.js";

export const allowedMimeTypes = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "audio/mpeg",
  "audio/ogg",
  "audio/wav",
  "audio/mp4",
  "video/mp4",
  "text/plain",
  "text/csv",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "application/octet-stream",
] as const;

/** An attached file: its bytes are stored by SHA-256; this record carries what it is and who may see it. */
export const attachmentSpec = defineRecordSpec({
  type: "attachment",
  plural: "attachments",
  table: "attachments",
  defaultConfidentiality: "confidential",
  quickSearch: ["filename"],
  fields: {
    sourceId: { column: "source_id", type: { kind: "ref", table: "sources" }, filter: true },
    filename: { column: "filename", type: { kind: "text", max: 255, required: true }, sort: true },
    sha256: {
      column: "sha256",
      type: { kind: "text", max: 64, required: true },
      immutable: true,
      filter: true,
    },
    size: { column: "size", type: { kind: "int", min: 0, max: 2 ** 31 }, immutable: true },
    mimeType: {
      column: "mime_type",
      type: { kind: "enum", values: allowedMimeTypes, required: true },
      immutable: true,
      filter: true,
    },
  },
});

export const uploadQuery = z.strictObject({
  mandateId: idSchema,
  filename: z.string().trim().min(1).max(255),
  sourceId: idSchema.optional(),
  confidentiality: confidentialitySchema.optional(),
});

/** `inline=1` asks for an image or a PDF to be shown in the page (a preview) rather than saved. */
export const contentQuery = z.strictObject({
  inline: z.enum(["1"]).optional(),
});
