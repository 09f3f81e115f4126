import { z } from "zod";

export const notificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(64).optional(),
});

export const notification = z.object({
  id: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  mandateId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationsPage = z.object({
  items: z.array(notification),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const outboxEntry = z.object({
  name: z.string(),
  date: z.string(),
  to: z.string(),
  subject: z.string(),
  size: z.number().int(),
});

/** Only names the outbox writes (`20260301T120000Z-<uuid>.eml`): no path ever reaches the file system. */
export const outboxParams = z.strictObject({
  // Any other name is simply not found: the file name is checked strictly before the disk is touched.
  name: z.string().min(1).max(80).describe("YYYYMMDDTHHMMSSZ-<job id>.eml"),
});
