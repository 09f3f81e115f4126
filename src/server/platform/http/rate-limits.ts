import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config/config.js";
import { defineError } from "../errors/app-error.js";

/** The same code and message as the sign-in and sign-up limits: one 429 for the client to handle. */
export const tooManyRequests = defineError("rate_limited", 429);

const minute = 60_000;
/** The API only: health checks, the staff application's files and the portal's cached pages are not counted. */
const counted = (req: FastifyRequest) => req.url.startsWith("/api/");

type Limiter = (
  req: FastifyRequest,
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

async function check(limiter: Limiter | null, req: FastifyRequest) {
  if (!limiter) return;
  const outcome = await limiter(req);
  if (!outcome.isAllowed && outcome.isExceeded)
    throw tooManyRequests({ seconds: Math.max(1, outcome.ttlInSeconds ?? 60) });
}

/**
 * Limits API requests per client address (before the session is looked up, so a flood costs no database work) and
 * per signed-in account (whatever address it comes from). Counters live in this process's memory: with several
 * servers behind one address, each counts its own share. A limit of 0 is off.
 * @example await registerRateLimits(app, config); // before registerCaller, so the address limit runs first
 */
export async function registerRateLimits(
  app: FastifyInstance,
  config: Pick<Config, "rateLimitPerMinute" | "accountRateLimitPerMinute">,
) {
  const perAddress = config.rateLimitPerMinute;
  const perAccount = config.accountRateLimitPerMinute ?? perAddress;
  if (!perAddress && !perAccount) return;
  await app.register(rateLimit, { global: false });
  const byAddress = perAddress
    ? app.createRateLimit({ max: perAddress, timeWindow: minute, keyGenerator: (req) => `ip:${req.ip}` })
    : null;
  const byAccount = perAccount
    ? app.createRateLimit({
        max: perAccount,
        timeWindow: minute,
        keyGenerator: (req) => `user:${req.caller?.actor.userId ?? ""}`,
      })
    : null;
  app.addHook("onRequest", async (req) => {
    if (counted(req)) await check(byAddress, req);
  });
  // After onRequest, so the caller is known; before the body is read, so a refused upload is not received.
  app.addHook("preParsing", async (req, _reply, payload) => {
    if (counted(req) && req.caller) await check(byAccount, req);
    return payload;
  });
}
