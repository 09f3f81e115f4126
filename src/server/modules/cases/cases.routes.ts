import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idSchema } from "../../platform/records/record-schemas.js";
import { registerRecordRoutes } from "../../platform/records/records.routes.js";
import { caseLinkSpec, caseSpec, caseStatusChangeSpec } from "./cases.schemas.js";
import { caseFigures } from "./cases-figures.usecases.js";

/** Cases needing action, their status timeline and links, and counts by status and priority. */
export function registerCaseRoutes(app: FastifyInstance, deps: AppDeps) {
  for (const spec of [caseSpec, caseStatusChangeSpec, caseLinkSpec]) registerRecordRoutes(app, deps, spec);
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/cases/statistics",
    {
      schema: {
        tags: ["cases"],
        summary: "Cases the caller may read, counted by status and by priority",
        querystring: z.strictObject({ mandateId: idSchema }),
        response: {
          200: z.object({
            total: z.number().int(),
            byStatus: z.record(z.string(), z.number().int()),
            byPriority: z.record(z.string(), z.number().int()),
          }),
        },
      },
    },
    async (req) => caseFigures({ db: deps.db, actor: requireActor(req), mandateId: req.query.mandateId }),
  );
}
