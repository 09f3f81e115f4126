import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { clientInfo, requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { deleteSavedSearch, listSavedSearches, saveSearch } from "./saved-searches.usecases.js";
import { savedSearch, savedSearchInput, searchQuery, searchResponse } from "./search.schemas.js";
import { exportSearch, search } from "./search.usecases.js";

const tags = ["search"];

/** One search across a mandate's records, its CSV export, and saved searches. */
export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/search",
    {
      schema: {
        tags,
        summary: "Search sources, events, acts and persons in Korean or English, with facet counts",
        description:
          "Korean runs are matched as character bigrams (`구금` finds `구금시설에서`), other words by stem " +
          "(`detain` finds `detained`). Only what the caller may read is returned, counted or highlighted.",
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
    },
    async (req) => search({ db: deps.db, actor: requireActor(req), query: req.query }),
  );

  r.get(
    "/api/v1/search/export.csv",
    {
      schema: {
        tags,
        summary: "The results of a search as CSV (roles that export; audited)",
        querystring: searchQuery.omit({ limit: true, offset: true }),
        produces: ["text/csv"],
      },
    },
    async (req, reply) => {
      const actor = { ...requireActor(req), ...clientInfo(req) };
      const csv = await exportSearch({ db: deps.db, actor, query: req.query });
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="search.csv"')
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  r.get(
    "/api/v1/saved-searches",
    {
      schema: {
        tags,
        summary: "The caller's saved searches in a mandate",
        querystring: z.strictObject({ mandateId: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(savedSearch) }) },
      },
    },
    async (req) => ({ items: await listSavedSearches(deps.db, requireActor(req), req.query.mandateId) }),
  );

  r.post(
    "/api/v1/saved-searches",
    {
      schema: {
        tags,
        summary: "Save a search under a name (visible to the caller only)",
        body: savedSearchInput,
        response: { 201: savedSearch },
      },
    },
    async (req, reply) => reply.status(201).send(await saveSearch(deps.db, requireWriter(req), req.body)),
  );

  r.delete(
    "/api/v1/saved-searches/:id",
    {
      schema: { tags, summary: "Delete a saved search", params: z.strictObject({ id: z.string().max(64) }) },
    },
    async (req, reply) => {
      await deleteSavedSearch(deps.db, requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
