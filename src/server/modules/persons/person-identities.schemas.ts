import { z } from "zod";

/** Identifying data of a person: stored only encrypted, shown only to those with need-to-know, never indexed or logged. */
export const identityBody = z.strictObject({
  legalName: z.string().max(300).nullable().optional(),
  aliases: z.array(z.string().min(1).max(300)).max(20).optional(),
  contacts: z
    .array(
      z.strictObject({
        kind: z.enum(["phone", "email", "messenger", "other"]),
        value: z.string().min(1).max(300),
      }),
    )
    .max(20)
    .optional(),
  address: z.string().max(2000).nullable().optional(),
  idNumbers: z
    .array(z.strictObject({ kind: z.string().min(1).max(100), number: z.string().min(1).max(100) }))
    .max(20)
    .optional(),
  notes: z.string().max(5000).nullable().optional(),
});
export type Identity = z.infer<typeof identityBody>;

export const identityResponse = z.object({
  personId: z.string(),
  identity: identityBody,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
