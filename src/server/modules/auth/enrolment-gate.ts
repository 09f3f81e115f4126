import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/deps.js";
import { enrolmentRequired } from "./auth.errors.js";
import { openBeforeEnrolment, secondFactorRequired } from "./second-factor.policies.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";

/**
 * Holds a user whose role requires a second factor, and who has none yet, to the enrolment endpoints: anything else
 * answers 403 `auth.enrolment_required`, which the web app turns into the enrolment page. Runs after the caller is
 * known (its hook is added after the caller's).
 */
export function registerEnrolmentGate(app: FastifyInstance, deps: AppDeps) {
  app.addHook("onRequest", async (req) => {
    const actor = req.caller?.actor;
    if (!actor || !req.url.startsWith("/api/")) return;
    if (!secondFactorRequired(actor, deps.config.secondFactorRequiredFor)) return;
    if (openBeforeEnrolment(req.method, req.url.split("?")[0] ?? "")) return;
    if (await createSecondFactorsRepository({ db: deps.readDb }).hasSecondFactor(actor.userId)) return;
    throw enrolmentRequired();
  });
}
