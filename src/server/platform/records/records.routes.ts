import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";
import { requireActor, requireWriter } from "../http/caller.js";
import type { AppDeps } from "../http/deps.js";
import {
  createBodySchema,
  idSchema,
  listQuerySchema,
  listResponseSchema,
  recordResponseSchema,
  updateBodySchema,
} from "./record-schemas.js";
import type { RecordSpec } from "./record-spec.js";
import { createRecord, getRecord, type ListQuery, listRecords, updateRecord } from "./records.usecases.js";

const noun = (spec: RecordSpec) => spec.type.replaceAll("_", " ");
const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;

export const idParams = z.strictObject({ id: idSchema });

/**
 * Registers list, get, create and update for a record type under `/api/v1/{plural}`; routes stay thin,
 * the record use cases hold the rules.
 */
export function registerRecordRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  spec: RecordSpec,
  options: { extraResponse?: Record<string, ZodType>; create?: boolean } = {},
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/v1/${spec.plural}`;
  const tags = [spec.plural];
  const one = recordResponseSchema(spec, options.extraResponse);

  r.get(
    base,
    {
      schema: {
        tags,
        summary: `List ${spec.plural.replaceAll("-", " ")} the caller may read (keyset pages)`,
        querystring: listQuerySchema(spec),
        response: { 200: listResponseSchema(one) },
      },
    },
    async (req) =>
      listRecords({ db: deps.db, actor: requireActor(req), spec, query: req.query as ListQuery }),
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: `One ${noun(spec)}`, params: idParams, response: { 200: one } } },
    async (req) => getRecord({ db: deps.db, actor: requireActor(req), spec, id: req.params.id }),
  );

  if (options.create !== false) {
    r.post(
      base,
      {
        schema: {
          tags,
          summary: `Create ${withArticle(noun(spec))}`,
          body: createBodySchema(spec),
          response: { 201: one },
        },
      },
      async (req, reply) => {
        const record = await createRecord({
          db: deps.db,
          actor: requireWriter(req),
          spec,
          input: req.body as Record<string, unknown>,
        });
        return reply.status(201).send(record);
      },
    );
  }

  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `Change ${withArticle(noun(spec))}`,
        params: idParams,
        body: updateBodySchema(spec),
        response: { 200: one },
      },
    },
    async (req) =>
      updateRecord({
        db: deps.db,
        actor: requireWriter(req),
        spec,
        id: req.params.id,
        input: req.body as Record<string, unknown>,
      }),
  );
}
