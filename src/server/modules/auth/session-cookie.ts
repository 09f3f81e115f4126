import type { FastifyReply, FastifyRequest } from "fastify";
import { sessionCookie } from "../../platform/http/caller.plugin.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { authRequired } from "./auth.errors.js";
import { presentSession } from "./auth.presenters.js";
import { createAuthRepository } from "./auth.repository.js";
import { secondFactorRequired } from "./second-factor.policies.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";

/** The session as the session endpoint shows it, with whether the user must still set up a second factor. */
export async function sessionOf(deps: AppDeps, userId: string, csrfToken: string | null) {
  const repo = createAuthRepository({ db: deps.db });
  const user = await repo.findUserById(userId);
  if (!user) throw authRequired();
  const memberships = await repo.membershipsOf(userId);
  const mustEnrol =
    secondFactorRequired(
      { isAdmin: user.is_admin === 1, memberships },
      deps.config.secondFactorRequiredFor,
    ) && !(await createSecondFactorsRepository({ db: deps.db }).hasSecondFactor(userId));
  return presentSession(user, memberships, csrfToken, mustEnrol);
}

/** Sets the session cookie of a completed sign-in and answers with the session. */
export async function sendSession(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  result: { sessionToken: string; csrfToken: string; userId: string; maxAgeSeconds: number },
) {
  const secure =
    deps.config.secureCookies === "true" ||
    (deps.config.secureCookies === "auto" && req.protocol === "https");
  reply.setCookie(sessionCookie, result.sessionToken, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure,
    maxAge: result.maxAgeSeconds,
  });
  return sessionOf(deps, result.userId, result.csrfToken);
}
