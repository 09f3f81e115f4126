import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { nowIso } from "../../platform/db/time.js";
import { AppError } from "../../platform/errors/app-error.js";
import { clientInfo, requireActor } from "../../platform/http/caller.js";
import { sessionCookie } from "../../platform/http/caller.plugin.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { presentToken } from "./auth.presenters.js";
import { createAuthRepository } from "./auth.repository.js";
import { createTokenBody, loginBody, loginResponse, sessionResponse, tokenResponse } from "./auth.schemas.js";
import { createApiToken, login, logout } from "./auth.usecases.js";
import { sendSession, sessionOf } from "./session-cookie.js";

const tags = ["auth"];

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags,
        summary:
          "Sign in; sets the session cookie, or, when the account has a second factor, answers with the token of the second step",
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (req, reply) => {
      const result = await login({
        db: deps.db,
        settings: deps.authSettings,
        ...req.body,
        client: clientInfo(req),
      });
      if (result.secondStep) return { secondFactor: result.secondStep };
      return sendSession(req, reply, deps, result.session);
    },
  );

  r.post(
    "/api/v1/auth/logout",
    { schema: { tags, summary: "Sign out of this session" } },
    async (req, reply) => {
      const token = req.cookies[sessionCookie];
      if (token) await logout({ db: deps.db, sessionToken: token });
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send();
    },
  );

  r.get(
    "/api/v1/auth/session",
    {
      schema: {
        tags,
        summary: "Who is signed in, in which mandates, and the CSRF token",
        response: { 200: sessionResponse },
      },
    },
    async (req) => sessionOf(deps, requireActor(req).userId, req.caller?.csrfToken ?? null),
  );

  r.post(
    "/api/v1/auth/tokens",
    {
      schema: {
        tags,
        summary: "Create an API token for scripts",
        body: createTokenBody,
        response: { 201: tokenResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const token = await createApiToken({
        db: deps.db,
        actor,
        name: req.body.name,
        scopes: req.body.scopes,
        expiresAt: req.body.expiresAt ?? null,
      });
      return reply.status(201).send(token);
    },
  );

  r.get(
    "/api/v1/auth/tokens",
    {
      schema: {
        tags,
        summary: "My API tokens",
        response: { 200: z.object({ items: z.array(tokenResponse) }) },
      },
    },
    async (req) => {
      const rows = await createAuthRepository({ db: deps.db }).listTokens(requireActor(req).userId);
      return { items: rows.map(presentToken) };
    },
  );

  r.delete(
    "/api/v1/auth/tokens/:id",
    { schema: { tags, summary: "Revoke an API token", params: z.strictObject({ id: z.string().max(64) }) } },
    async (req, reply) => {
      const res = await createAuthRepository({ db: deps.db }).revokeToken(
        requireActor(req).userId,
        req.params.id,
        nowIso(),
      );
      if (Number(res.numUpdatedRows) !== 1) throw new AppError("tokens.not_found", 404);
      return reply.status(204).send();
    },
  );
}
