import { z } from "zod";
import { idSchema } from "../../platform/records/record-schemas.js";
import { importTypes } from "./import-fields.js";
import { importEncodings } from "./table-encoding.js";

export const importTypeSchema = z.enum(importTypes).describe("Record type the rows become");
export const encodingSchema = z.enum(importEncodings);

export const previewQuery = z.strictObject({
  mandateId: idSchema,
  type: importTypeSchema,
  encoding: encodingSchema
    .optional()
    .describe(
      "Read the file in this encoding instead of the detected one (Mac Roman and Windows-1252 look alike)",
    ),
  filename: z.string().max(255).optional().describe("The file's name, kept in the report"),
});

const mappingSchema = z
  .strictObject({
    columns: z
      .array(
        z.strictObject({
          column: z.string().max(200).describe("A column header of the file"),
          field: z
            .string()
            .min(1)
            .max(100)
            .describe("The field it fills: `text`, `confidentiality`, `event.title`…"),
        }),
      )
      .max(200),
    eventKey: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .describe("Acts files: rows with the same value in this column belong to one event"),
  })
  .meta({ description: "Which column fills which field" });

export const dryRunBody = z.strictObject({ uploadId: idSchema, mapping: mappingSchema });
export const commitBody = z.strictObject({
  uploadId: idSchema,
  mapping: mappingSchema,
  mappingName: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe("The saved mapping used, for the report"),
});

const targetSchema = z.object({
  name: z.string(),
  record: z.enum(["main", "event"]),
  kind: z.string(),
  required: z.boolean(),
  list: z.string().nullable(),
  values: z.array(z.string()).nullable(),
});

export const previewResponse = z.object({
  uploadId: z.string(),
  filename: z.string(),
  type: importTypeSchema,
  format: z.enum(["csv", "xlsx"]),
  encoding: encodingSchema.nullable(),
  detectedEncoding: encodingSchema.nullable(),
  encodingCertain: z.boolean(),
  lineEnding: z.enum(["crlf", "lf", "cr"]).nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  rowCount: z.number().int(),
  expiresAt: z.string(),
  targets: z.array(targetSchema).describe("The fields a column may fill"),
});

export const rowErrorSchema = z.object({
  line: z
    .number()
    .int()
    .nullable()
    .describe("Line in the file, the header being line 1 (XLSX: the row number)"),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const dryRunResponse = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  errors: z.array(rowErrorSchema),
  truncated: z.boolean().describe("More errors than listed were found"),
});

const mappingResponseFields = {
  columns: z.array(z.object({ column: z.string(), field: z.string() })),
  eventKey: z.string().nullable(),
};

export const runResponse = z.object({
  id: z.string(),
  mandateId: z.string(),
  type: z.string(),
  filename: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  status: z.enum(["running", "succeeded", "failed"]),
  progress: z.object({
    phase: z.enum(["reading", "checking", "writing", "done"]),
    done: z.number().int(),
    total: z.number().int(),
    percent: z.number().int(),
  }),
  rowsTotal: z.number().int(),
  mapping: z.object({ name: z.string().nullable(), ...mappingResponseFields }),
  counts: z.record(z.string(), z.number().int()),
  createdIds: z.record(z.string(), z.array(z.string())).optional(),
  errors: z.array(rowErrorSchema),
  startedBy: z.string(),
  startedByName: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const runListQuery = z.strictObject({
  mandateId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const mappingListQuery = z.strictObject({ mandateId: idSchema, type: importTypeSchema.optional() });
export const mappingBody = z.strictObject({
  mandateId: idSchema,
  type: importTypeSchema,
  name: z.string().trim().min(1).max(100),
  ...mappingSchema.shape,
});
export const mappingResponse = z.object({
  id: z.string(),
  mandateId: z.string(),
  type: z.string(),
  name: z.string(),
  ...mappingResponseFields,
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const exportQuery = z.strictObject({ mandateId: idSchema });
export const personsExportQuery = z.strictObject({
  mandateId: idSchema,
  includeIdentity: z
    .enum(["0", "1"])
    .optional()
    .describe("1: add identifying data (roles with the right only; each person's reveal is audited)"),
});
