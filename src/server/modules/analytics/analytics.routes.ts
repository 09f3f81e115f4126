import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { actsOverTimeQuery, actsOverTimeResponse, topPlacesResponse } from "./analytics.schemas.js";
import { actsOverTime, topPlaces } from "./analytics.usecases.js";

const tags = ["analytics"];

/** The dashboard's numbers: counted in the database over what the caller may read, with the search's filters. */
export function registerAnalyticsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/analytics/acts-over-time",
    {
      schema: {
        tags,
        summary:
          "Coded acts per month, quarter or year, split by type, place, sex of victim or perpetrator type",
        querystring: actsOverTimeQuery,
        response: { 200: actsOverTimeResponse },
      },
    },
    async (req) => actsOverTime({ db: deps.db, actor: requireActor(req), query: req.query }),
  );
  r.get(
    "/api/v1/analytics/top-places",
    {
      schema: {
        tags,
        summary: "Places with the most matching acts (provinces or counties), with coordinates for the map",
        querystring: actsOverTimeQuery.omit({ period: true, by: true, actTypeLevel: true }).extend({
          level: z.enum(["province", "county"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: { 200: topPlacesResponse },
      },
    },
    async (req) =>
      topPlaces({
        db: deps.db,
        actor: requireActor(req),
        query: req.query,
        level: req.query.level ?? "province",
        limit: req.query.limit ?? 20,
      }),
  );
}
