import type { FastifyInstance } from "fastify";
import { csrfFailed } from "../../modules/auth/auth.errors.js";
import { resolveCaller } from "../../modules/auth/auth.usecases.js";
import { sameSecret } from "../auth/secret-tokens.js";
import { clientInfo } from "./caller.js";
import type { AppDeps } from "./deps.js";

export const sessionCookie = "rapporteur_session";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Resolves the caller of every API request, and refuses cookie-authenticated writes without the CSRF token. */
export function registerCaller(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest("caller", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith("Bearer ") ? auth.slice(7).trim() : undefined;
    const sessionToken = bearer ? undefined : req.cookies[sessionCookie];
    req.caller = await resolveCaller({
      db: deps.db,
      readDb: deps.readDb,
      idleMinutes: deps.config.sessionIdleMinutes,
      sessionToken,
      bearer,
      client: clientInfo(req),
    });
    if (req.caller?.csrfToken && !safeMethods.has(req.method)) {
      const sent = req.headers["x-csrf-token"];
      if (typeof sent !== "string" || !sameSecret(sent, req.caller.csrfToken)) throw csrfFailed();
    }
  });
}
