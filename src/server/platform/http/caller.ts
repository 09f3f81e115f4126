import type {} from "@fastify/cookie";
import type { FastifyRequest } from "fastify";
import { authRequired, tokenScope } from "../../modules/auth/auth.errors.js";
import type { ResolvedCaller } from "../../modules/auth/auth.usecases.js";
import type { Actor } from "../access/access.policies.js";
import { pickLocale } from "../i18n/messages.js";

declare module "fastify" {
  interface FastifyRequest {
    caller: ResolvedCaller | null;
  }
}

/** The signed-in actor, or 401 `auth.required`. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.caller) throw authRequired();
  return req.caller.actor;
}

/** The actor, who must be allowed to write (API tokens need the `write` scope). */
export function requireWriter(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.scopes && !actor.scopes.has("write")) throw tokenScope();
  return actor;
}

export const clientInfo = (req: FastifyRequest) => ({
  ip: req.ip ?? null,
  userAgent: typeof req.headers["user-agent"] === "string" ? req.headers["user-agent"] : null,
});

export const localeOf = (req: FastifyRequest) => pickLocale(req.headers["accept-language"]);
