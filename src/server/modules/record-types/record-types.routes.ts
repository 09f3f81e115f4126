import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import { recordSpecs } from "../record-specs.js";
import { presentRecordType } from "./record-types.presenters.js";

const fieldShape = z.object({
  name: z.string(),
  kind: z.string(),
  required: z.boolean(),
  filter: z.boolean(),
  sort: z.boolean(),
  immutable: z.boolean(),
  readOnly: z.boolean(),
  values: z.array(z.string()).optional(),
  list: z.string().optional(),
  refTable: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const recordTypeShape = z.object({
  type: z.string(),
  plural: z.string(),
  defaultConfidentiality: z.string(),
  quickSearch: z.boolean(),
  fields: z.array(fieldShape),
});

/** The record model as data, so the web client builds its forms and lists from the same specs the server checks. */
export function registerRecordTypeRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/record-types",
    {
      schema: {
        tags: ["record-types"],
        summary: "Record types with their fields, kinds, vocabularies, filters and sorts",
        response: { 200: z.object({ items: z.array(recordTypeShape) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return { items: recordSpecs.all.map(presentRecordType) };
    },
  );
}
