import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { endMySessions, listMySessions } from "./sessions.usecases.js";

const tags = ["auth"];
const sessionItem = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
});

/** The caller's own sessions: list them, end one, or end all the others. */
export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/auth/sessions",
    {
      schema: {
        tags,
        summary: "My open sessions: where and when each was opened and last used; which one is this",
        response: { 200: z.object({ items: z.array(sessionItem) }) },
      },
    },
    async (req) => ({
      items: await listMySessions({
        db: deps.db,
        actor: requireActor(req),
        currentId: req.caller?.sessionId ?? null,
      }),
    }),
  );

  r.delete(
    "/api/v1/auth/sessions/:id",
    {
      schema: {
        tags,
        summary: "End one of my sessions (audited)",
        params: z.strictObject({ id: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      await endMySessions({
        db: deps.db,
        actor: requireActor(req),
        currentId: req.caller?.sessionId ?? null,
        handle: req.params.id,
      });
      return reply.status(204).send();
    },
  );

  r.post(
    "/api/v1/auth/sessions/end-others",
    {
      schema: {
        tags,
        summary: "Sign out everywhere else: end every session of mine but this one (audited)",
        response: { 200: z.object({ ended: z.number().int() }) },
      },
    },
    async (req) => ({
      ended: await endMySessions({
        db: deps.db,
        actor: requireActor(req),
        currentId: req.caller?.sessionId ?? null,
      }),
    }),
  );
}
