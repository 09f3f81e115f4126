import { z } from "zod";

const code = z.string().trim().min(1).max(20).meta({ description: "Six digits from the authenticator app." });
const recoveryCode = z.string().trim().min(1).max(40).meta({ description: "One of the ten recovery codes." });
const pendingToken = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: "The token of the second step, from sign-in." });

export const totpStartResponse = z.object({
  secret: z.string().meta({ description: "The key in base32, for typing into the app by hand." }),
  uri: z.string(),
  qrSvg: z.string().meta({ description: "The otpauth:// address as a QR code (SVG)." }),
});
export const codeBody = z.strictObject({ code });
export const disableTotpBody = z.strictObject({
  code: code.optional(),
  password: z.string().min(1).max(1024).optional(),
});
export const recoveryCodesResponse = z.object({
  recoveryCodes: z.array(z.string()).meta({ description: "Shown this once; each works once." }),
});

export const passkeyItem = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const statusResponse = z.object({
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  passkeys: z.array(passkeyItem),
  required: z.boolean(),
});

export const secondStepBody = z
  .strictObject({ token: pendingToken, code: code.optional(), recoveryCode: recoveryCode.optional() })
  .meta({ description: "Either `code` or `recoveryCode`." });
export const pendingBody = z.strictObject({ token: pendingToken });

/** What @simplewebauthn/browser sends back; its own verification checks every part. */
const webauthnResponse = z.looseObject({
  id: z.string().max(1024),
  rawId: z.string().max(1024),
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: z.string().max(65_536) }),
  clientExtensionResults: z.looseObject({}),
});
export const passkeySignInBody = z.strictObject({ token: pendingToken, response: webauthnResponse });
export const addPasskeyBody = z.strictObject({
  response: webauthnResponse,
  name: z.string().trim().min(1).max(100).optional(),
});
export const renamePasskeyBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const webauthnOptions = z
  .looseObject({ challenge: z.string() })
  .meta({ description: "PublicKeyCredential options for @simplewebauthn/browser." });
export const addPasskeyResponse = z.object({
  passkey: passkeyItem,
  recoveryCodes: z
    .array(z.string())
    .nullable()
    .meta({ description: "Issued with the first second factor only." }),
});
