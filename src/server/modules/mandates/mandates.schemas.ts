import { z } from "zod";
import { mandateRoles } from "../../platform/access/access.policies.js";

export const mandateKinds = ["country", "thematic"] as const;

/** The mandate's own words for the portal's about page, in one language. */
const aboutSchema = z
  .string()
  .max(20_000)
  .nullable()
  .optional()
  .describe("About the mandate, for the public portal (Markdown)");

export const createMandateBody = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "field.invalid_format"),
  nameEn: z.string().trim().min(1).max(300),
  nameKo: z.string().max(300).nullable().optional(),
  kind: z.enum(mandateKinds),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/, "field.invalid_format")
    .nullable()
    .optional(),
  holder: z.string().max(200).nullable().optional(),
  startDate: z.iso.date().nullable().optional(),
  aboutEn: aboutSchema,
  aboutKo: aboutSchema,
});

export const updateMandateBody = createMandateBody.omit({ code: true }).partial();

export const mandateResponse = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameKo: z.string().nullable(),
  kind: z.string(),
  country: z.string().nullable(),
  holder: z.string().nullable(),
  startDate: z.string().nullable(),
  aboutEn: z.string().nullable().describe("About the mandate in English (Markdown)"),
  aboutKo: z.string().nullable().describe("About the mandate in Korean (Markdown)"),
  myRole: z.string().nullable(),
  abilities: z.object({
    update: z.boolean(),
    manageMembers: z.boolean(),
    createRecords: z.boolean().describe("Creates records in the mandate (not read-only)"),
    export: z.boolean().describe("Exports records in bulk, e.g. search results as CSV"),
    restrict: z.boolean().describe("Restricts records to named members"),
    viewAudit: z.boolean(),
    sendMailing: z.boolean().describe("Sends published press releases to the mailing list"),
    manageSubscribers: z
      .boolean()
      .describe("Sees the mailing list's addresses, exports them and erases one on request"),
  }),
});

export const memberResponse = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  disabled: z.boolean(),
});

export const setRoleBody = z.strictObject({ role: z.enum(mandateRoles) });
