import { z } from "zod";

export const loginBody = z.strictObject({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const membershipShape = z.object({ mandateId: z.string(), role: z.string() });

export const sessionResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    isAdmin: z.boolean(),
    locale: z.string(),
  }),
  memberships: z.array(membershipShape),
  csrfToken: z.string().nullable(),
  enrolmentRequired: z.boolean().meta({
    description:
      "The user's role requires a second factor and none is set up: only enrolment is open until then.",
  }),
});

export const secondStepResponse = z.object({
  secondFactor: z
    .object({
      token: z.string(),
      methods: z.array(z.enum(["totp", "recovery_code", "passkey"])),
      expiresAt: z.string(),
    })
    .meta({
      description: "The password was right; send this token with a second factor to open the session.",
    }),
});

export const loginResponse = z.union([sessionResponse, secondStepResponse]);

export const tokenScopes = z.enum(["read", "write"]);

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(tokenScopes).min(1).max(2),
  expiresAt: z.iso.datetime().nullable().optional(),
});

export const tokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable().optional(),
  revokedAt: z.string().nullable().optional(),
  token: z.string().optional().meta({ description: "The secret, shown once at creation." }),
});
