import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../platform/errors/app-error.js";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { presentList, presentTerm } from "./vocabularies.presenters.js";
import { createVocabulariesRepository } from "./vocabularies.repository.js";
import { listResponse, termPatch, termResponse, termsQuery, thesauriFile } from "./vocabularies.schemas.js";
import { importVocabularies, updateTerm } from "./vocabularies.usecases.js";

const tags = ["vocabularies"];
const listParams = z.strictObject({ list: z.string().max(80) });

export function registerVocabularyRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/vocabularies",
    {
      schema: {
        tags,
        summary: "Vocabulary lists",
        response: { 200: z.object({ items: z.array(listResponse) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return { items: (await createVocabulariesRepository({ db: deps.db }).listLists()).map(presentList) };
    },
  );

  r.get(
    "/api/v1/vocabularies/:list/terms",
    {
      schema: {
        tags,
        summary: "Terms of a list, in tree order; q matches any language's label or the code",
        params: listParams,
        querystring: termsQuery,
        response: { 200: z.object({ items: z.array(termResponse) }) },
      },
    },
    async (req) => {
      requireActor(req);
      const repo = createVocabulariesRepository({ db: deps.db });
      if (!(await repo.findList(req.params.list))) throw new AppError("vocabularies.not_found", 404);
      const q = req.query.q?.trim().toLowerCase();
      const items = (await repo.termsOf(req.params.list))
        .map(presentTerm)
        .filter((t) => req.query.includeRetired === "true" || !t.retired)
        .filter(
          (t) =>
            !q || t.code.startsWith(q) || Object.values(t.labels).some((l) => l.toLowerCase().includes(q)),
        );
      return { items };
    },
  );

  r.patch(
    "/api/v1/vocabularies/:list/terms/:code",
    {
      schema: {
        tags,
        summary: "Translate or retire a term (admins)",
        params: z.strictObject({ list: z.string().max(80), code: z.string().max(20) }),
        body: termPatch,
        response: { 200: termResponse },
      },
    },
    async (req) =>
      presentTerm(
        await updateTerm({
          db: deps.db,
          actor: requireWriter(req),
          list: req.params.list,
          code: req.params.code,
          patch: req.body,
        }),
      ),
  );

  r.post(
    "/api/v1/vocabularies/import",
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: "Import HURIDOCS micro-thesauri (admins); adds and updates, never removes",
        body: thesauriFile,
        response: { 200: z.object({ lists: z.number(), added: z.number(), updated: z.number() }) },
      },
    },
    async (req) => importVocabularies({ db: deps.db, actor: requireWriter(req), file: req.body }),
  );
}
