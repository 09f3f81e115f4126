import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idSchema } from "../../platform/records/record-schemas.js";
import { registerRecordRoutes } from "../../platform/records/records.routes.js";
import { recommendationFollowUpSpec, recommendationSpec } from "./recommendations.schemas.js";
import { exportRegistry } from "./recommendations.usecases.js";

const types = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
const filterNames = Object.entries(recommendationSpec.fields)
  .filter(([, f]) => f.filter)
  .map(([n]) => n);
const exportQuery = z.strictObject({
  mandateId: idSchema,
  lang: z.enum(["en", "ko"]).optional(),
  ...Object.fromEntries(filterNames.map((n) => [n, z.string().max(200).optional()])),
});

/** The recommendations registry: records, follow-ups, and the registry as CSV or XLSX. */
export function registerRecommendationRoutes(app: FastifyInstance, deps: AppDeps) {
  registerRecordRoutes(app, deps, recommendationSpec);
  registerRecordRoutes(app, deps, recommendationFollowUpSpec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ["csv", "xlsx"] as const)
    r.get(
      `/api/v1/recommendations/export.${format}`,
      {
        schema: {
          tags: ["recommendations"],
          summary: `The registry as ${format.toUpperCase()}, filtered like the list, with each one's follow-up history (roles that export; audited)`,
          querystring: exportQuery,
          produces: [types[format]],
        },
      },
      async (req, reply) => {
        const { mandateId, lang, ...filters } = req.query as Record<string, string>;
        const body = await exportRegistry({
          db: deps.db,
          actor: requireActor(req),
          request: {
            mandateId: String(mandateId),
            format,
            lang: lang === "ko" ? "ko" : "en",
            filters,
          },
        });
        return reply
          .header("content-type", types[format])
          .header("content-disposition", `attachment; filename="recommendations.${format}"`)
          .send(body);
      },
    );
}
