import { z } from "zod";

/** The rules (length in code points, common passwords, not the e-mail) are checked by the use case, for the CLI too. */
const password = z.string().min(1).max(1024);

export const createUserBody = z.strictObject({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  password,
  isAdmin: z.boolean().optional(),
  locale: z.enum(["en", "ko"]).optional(),
});

export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(["en", "ko"]).optional(),
  password: password.optional(),
  disabled: z.boolean().optional(),
  isAdmin: z.boolean().optional(),
});

/** `email`: one account by its exact address, so a holder can give a role to someone not yet in their mandates. */
export const usersQuery = z.strictObject({ email: z.email().max(320).optional() });

export const userResponse = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  locale: z.string(),
  memberships: z.array(z.object({ mandateId: z.string(), role: z.string() })),
});
