import { z } from "zod";
import { idSchema } from "../../platform/records/record-schemas.js";
import { mailingLanguages, mailingTopics } from "./mailing.policies.js";

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(64).optional().describe("nextCursor of the previous page"),
};

export const sendMailingBody = z.strictObject({
  again: z.boolean().optional().describe("Send a release that went to the list before once more"),
});

export const mailing = z.object({
  id: z.string(),
  mandateId: z.string(),
  pressReleaseId: z.string(),
  status: z.enum(["sending", "done", "withdrawn"]),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int().describe("Left the list, or the release was unpublished, before their turn"),
  pending: z.number().int(),
});

export const mailingsQuery = z.strictObject({ pressReleaseId: idSchema });
export const mailingsList = z.object({ items: z.array(mailing) });

export const deliveriesQuery = z.strictObject(pageQuery);
export const deliveriesPage = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["pending", "sending", "sent", "failed", "skipped"]),
      language: z.string(),
      attempts: z.number().int(),
      sentAt: z.string().nullable(),
      error: z.string().nullable().describe("Short; never an address"),
      recipient: z.string().nullable().describe("The address, for the mandate holder and officers only"),
      recipientLeft: z.boolean().describe("The subscriber left the list or was erased since"),
    }),
  ),
  recipientsShown: z.boolean(),
  nextCursor: z.string().nullable(),
});

export const subscribersQuery = z.strictObject({ mandateId: idSchema, ...pageQuery });
export const subscribersExportQuery = z.strictObject({ mandateId: idSchema });

const language = z.enum(mailingLanguages);
export const subscribersPage = z.object({
  counts: z.object({
    total: z.number().int(),
    confirmed: z.number().int(),
    pending: z.number().int().describe("Waiting for the double opt-in (deleted after 7 days)"),
    byLanguage: z.object({ en: z.number().int(), ko: z.number().int() }).describe("Confirmed subscribers"),
    byStatusAndLanguage: z.array(
      z.object({ status: z.string(), language: z.string(), count: z.number().int() }),
    ),
  }),
  items: z
    .array(
      z.object({
        id: z.string(),
        email: z.string(),
        language,
        topics: z.array(z.enum(mailingTopics)),
        status: z.enum(["pending", "confirmed"]),
        createdAt: z.string(),
        confirmedAt: z.string().nullable(),
      }),
    )
    .nullable()
    .describe("Null for members who may not see addresses"),
  nextCursor: z.string().nullable(),
});

export const eraseBody = z.strictObject({ mandateId: idSchema, email: z.email().max(320) });
export const eraseResult = z.object({ erased: z.boolean() });
