import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { clientInfo, requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { sessionResponse } from "./auth.schemas.js";
import { registerEnrolmentGate } from "./enrolment-gate.js";
import { completeWithPasskey, passkeySignInOptions } from "./passkeys.usecases.js";
import { secondFactorRequired } from "./second-factor.policies.js";
import {
  codeBody,
  disableTotpBody,
  passkeySignInBody,
  pendingBody,
  recoveryCodesResponse,
  secondStepBody,
  statusResponse,
  totpStartResponse,
  webauthnOptions,
} from "./second-factor.schemas.js";
import { sendSession } from "./session-cookie.js";
import { completeWithCode } from "./sign-in-steps.usecases.js";
import {
  confirmTotp,
  disableTotp,
  regenerateRecoveryCodes,
  secondFactorStatus,
  startTotp,
} from "./totp.usecases.js";

const tags = ["auth"];

/** The second step of sign-in, and the caller's authenticator app and recovery codes. */
export function registerSecondFactorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, masterKey } = deps;
  registerEnrolmentGate(app, deps);

  r.post(
    "/api/v1/auth/login/second-factor",
    {
      schema: {
        tags,
        summary:
          "Second step of sign-in with an authenticator code or a recovery code; sets the session cookie",
        body: secondStepBody,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const result = await completeWithCode({
        db,
        settings: deps.authSettings,
        masterKey,
        ...req.body,
        client: clientInfo(req),
      });
      return sendSession(req, reply, deps, result);
    },
  );

  r.post(
    "/api/v1/auth/login/passkey/options",
    {
      schema: {
        tags,
        summary: "Second step of sign-in: a passkey challenge",
        body: pendingBody,
        response: { 200: webauthnOptions },
      },
    },
    async (req) => passkeySignInOptions({ db, token: req.body.token, publicUrl: deps.config.publicUrl }),
  );

  r.post(
    "/api/v1/auth/login/passkey",
    {
      schema: {
        tags,
        summary: "Second step of sign-in with a passkey; sets the session cookie",
        body: passkeySignInBody,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const result = await completeWithPasskey({
        db,
        settings: deps.authSettings,
        token: req.body.token,
        publicUrl: deps.config.publicUrl,
        // biome-ignore lint/suspicious/noExplicitAny: the shape is checked by @simplewebauthn's verification.
        response: req.body.response as any,
        client: clientInfo(req),
      });
      return sendSession(req, reply, deps, result);
    },
  );

  r.get(
    "/api/v1/auth/second-factor",
    {
      schema: {
        tags,
        summary:
          "My second factors: authenticator app, recovery codes left, passkeys; whether one is required",
        response: { 200: statusResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const required = secondFactorRequired(actor, deps.config.secondFactorRequiredFor);
      return secondFactorStatus({ db, actor, required });
    },
  );

  r.post(
    "/api/v1/auth/second-factor/totp",
    {
      schema: {
        tags,
        summary: "Start setting up an authenticator app: a new key, its QR code (confirm with a first code)",
        response: { 200: totpStartResponse },
      },
    },
    async (req) => startTotp({ db, masterKey, actor: requireWriter(req) }),
  );

  r.post(
    "/api/v1/auth/second-factor/totp/confirm",
    {
      schema: {
        tags,
        summary:
          "Confirm the authenticator app with its first code; answers with ten recovery codes, shown once",
        body: codeBody,
        response: { 200: recoveryCodesResponse },
      },
    },
    async (req) => confirmTotp({ db, masterKey, actor: requireWriter(req), code: req.body.code }),
  );

  r.post(
    "/api/v1/auth/second-factor/totp/disable",
    {
      schema: {
        tags,
        summary: "Turn the authenticator app off, with a current code or the password",
        body: disableTotpBody,
      },
    },
    async (req, reply) => {
      await disableTotp({ db, masterKey, actor: requireWriter(req), ...req.body });
      return reply.status(204).send();
    },
  );

  r.post(
    "/api/v1/auth/second-factor/recovery-codes",
    {
      schema: {
        tags,
        summary: "Replace my recovery codes with ten new ones, shown once",
        response: { 200: recoveryCodesResponse },
      },
    },
    async (req) => regenerateRecoveryCodes({ db, actor: requireWriter(req) }),
  );
}
