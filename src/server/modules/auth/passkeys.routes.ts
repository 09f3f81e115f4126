import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { changePasskey, passkeyRegistrationOptions, registerPasskey } from "./passkeys.usecases.js";
import {
  addPasskeyBody,
  addPasskeyResponse,
  renamePasskeyBody,
  statusResponse,
  webauthnOptions,
} from "./second-factor.schemas.js";
import { secondFactorStatus } from "./totp.usecases.js";

const tags = ["auth"];
const params = z.strictObject({ id: z.string().max(64) });

/** The caller's passkeys: register, list, rename, remove. */
export function registerPasskeyRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    "/api/v1/auth/passkeys",
    {
      schema: {
        tags,
        summary: "My passkeys",
        response: { 200: z.object({ items: statusResponse.shape.passkeys }) },
      },
    },
    async (req) => ({
      items: (await secondFactorStatus({ db, actor: requireActor(req), required: false })).passkeys,
    }),
  );

  r.post(
    "/api/v1/auth/passkeys/options",
    {
      schema: {
        tags,
        summary: "Start registering a passkey: options for the browser",
        response: { 200: webauthnOptions },
      },
    },
    async (req) =>
      passkeyRegistrationOptions({ db, actor: requireWriter(req), publicUrl: deps.config.publicUrl }),
  );

  r.post(
    "/api/v1/auth/passkeys",
    {
      schema: {
        tags,
        summary: "Register the passkey the browser created (audited)",
        body: addPasskeyBody,
        response: { 201: addPasskeyResponse },
      },
    },
    async (req, reply) => {
      const added = await registerPasskey({
        db,
        actor: requireWriter(req),
        publicUrl: deps.config.publicUrl,
        // biome-ignore lint/suspicious/noExplicitAny: the shape is checked by @simplewebauthn's verification.
        response: req.body.response as any,
        name: req.body.name ?? "Passkey",
      });
      return reply.status(201).send(added);
    },
  );

  r.patch(
    "/api/v1/auth/passkeys/:id",
    { schema: { tags, summary: "Rename one of my passkeys (audited)", params, body: renamePasskeyBody } },
    async (req, reply) => {
      await changePasskey({ db, actor: requireWriter(req), id: req.params.id, name: req.body.name });
      return reply.status(204).send();
    },
  );

  r.delete(
    "/api/v1/auth/passkeys/:id",
    { schema: { tags, summary: "Remove one of my passkeys (audited)", params } },
    async (req, reply) => {
      await changePasskey({ db, actor: requireWriter(req), id: req.params.id });
      return reply.status(204).send();
    },
  );
}
