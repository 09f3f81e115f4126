import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { outboxEntry, outboxParams } from "./notifications.schemas.js";
import { listOutboxMessages, readOutboxMessage } from "./outbox.usecases.js";

const tags = ["admin"];

/** E-mail written to the data directory's outbox when no SMTP server is configured: admins read it here. */
export function registerOutboxRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/admin/outbox",
    {
      schema: {
        tags,
        summary: "E-mail in the outbox (no SMTP_URL), newest first (admins)",
        response: { 200: z.object({ items: z.array(outboxEntry) }) },
      },
    },
    async (req) => listOutboxMessages(deps.config.dataDir, requireActor(req)),
  );

  r.get(
    "/api/v1/admin/outbox/:name",
    {
      schema: {
        tags,
        summary: "One outbox e-mail as message/rfc822 (admins)",
        params: outboxParams,
        produces: ["message/rfc822"],
      },
    },
    async (req, reply) => {
      const raw = readOutboxMessage(deps.config.dataDir, requireActor(req), req.params.name);
      return reply
        .header("content-type", "message/rfc822")
        .header("content-disposition", `attachment; filename="${req.params.name}"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(raw);
    },
  );
}
