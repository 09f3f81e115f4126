import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idSchema, recordResponseSchema } from "../../platform/records/record-schemas.js";
import { idParams, registerRecordRoutes } from "../../platform/records/records.routes.js";
import { createBlobStore } from "../../platform/storage/blob-store.js";
import { transitionActions } from "./communications.policies.js";
import {
  communicationLinkSpec,
  communicationReplySpec,
  communicationSpec,
} from "./communications.schemas.js";
import {
  communicationActions,
  communicationSettings,
  transitionCommunication,
} from "./communications.usecases.js";
import {
  communicationStatistics,
  publicCommunications,
  publicReplyDocument,
} from "./communications-figures.usecases.js";
import { publicLetter, staffLetter } from "./letters.usecases.js";

const tags = ["communications"];
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
// Any text: a reference that is not a published one is simply not found.
const referenceParams = z.strictObject({ reference: z.string().min(1).max(40) });
const statisticsResponse = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  total: z.number().int(),
  joint: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
  byAddressee: z.array(
    z.object({
      code: z.string(),
      kind: z.string(),
      count: z.number().int(),
      replied: z.number().int(),
      victims: z.number().int(),
    }),
  ),
  states: z.number().int(),
  allegedVictims: z.number().int(),
  replied: z.number().int(),
  replyRate: z.number().nullable(),
});
const publicItem = z.object({
  reference: z.string(),
  kind: z.string(),
  joint: z.boolean(),
  sentOn: z.string(),
  addressee: z.object({ kind: z.string(), country: z.string().nullable(), name: z.string().nullable() }),
  publicSummary: z.string(),
  publishedAt: z.string(),
  letterUrl: z.string(),
  replies: z.array(
    z.object({ receivedOn: z.string(), summary: z.string(), documentUrl: z.string().nullable() }),
  ),
});

/** Communications to states: records, lifecycle moves, the letter, the year's figures and the public view. */
export function registerCommunicationRoutes(app: FastifyInstance, deps: AppDeps) {
  Object.assign(communicationSettings, {
    replyDeadlineDays: deps.config.replyDeadlineDays,
    replyReminderDays: deps.config.replyReminderDays,
    embargoDays: deps.config.embargoDays,
  });
  for (const spec of [communicationSpec, communicationLinkSpec, communicationReplySpec])
    registerRecordRoutes(app, deps, spec);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const blobs = createBlobStore(deps.config.dataDir);

  r.get(
    "/api/v1/communications/statistics",
    {
      schema: {
        tags,
        summary:
          "Facts and figures of a year: communications by type and addressee, alleged victims, reply rate",
        querystring: z.strictObject({
          mandateId: idSchema,
          year: z.coerce.number().int().min(1990).max(2200).optional(),
        }),
        response: { 200: statisticsResponse },
      },
    },
    async (req) =>
      communicationStatistics({
        db: deps.db,
        actor: requireActor(req),
        mandateId: req.query.mandateId,
        year: req.query.year,
      }),
  );

  r.get(
    "/api/v1/communications/:id/actions",
    {
      schema: {
        tags,
        summary: "The lifecycle moves open to the caller on this communication now",
        params: idParams,
        response: { 200: z.object({ actions: z.array(z.enum(transitionActions)) }) },
      },
    },
    async (req) => ({
      actions: await communicationActions({ db: deps.db, actor: requireActor(req), id: req.params.id }),
    }),
  );

  r.post(
    "/api/v1/communications/:id/transitions",
    {
      schema: {
        tags,
        summary:
          "Move a communication: submit, return, approve (mandate holder), send (assigns the reference), markNoReply, publish",
        params: idParams,
        body: z.strictObject({ action: z.enum(transitionActions) }),
        response: { 200: recordResponseSchema(communicationSpec) },
      },
    },
    async (req) =>
      transitionCommunication({
        db: deps.db,
        actor: requireWriter(req),
        id: req.params.id,
        action: req.body.action,
      }),
  );

  r.get(
    "/api/v1/communications/:id/letter.docx",
    {
      schema: {
        tags,
        summary:
          "The letter as a Word document, with an annex of the persons and cases the caller may see (audited)",
        params: idParams,
        produces: [docxType],
      },
    },
    async (req, reply) => {
      const { fileName, docx } = await staffLetter({
        db: deps.db,
        actor: requireActor(req),
        id: req.params.id,
      });
      return reply
        .header("content-type", docxType)
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(docx);
    },
  );

  r.get(
    "/api/v1/public/communications",
    {
      schema: {
        tags: ["public"],
        summary:
          "Published communications (past their embargo): reference, type, date, addressee, public summary, replies",
        security: [],
        querystring: z.strictObject({
          mandateId: idSchema.optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: { 200: z.object({ items: z.array(publicItem) }) },
      },
    },
    async (req) =>
      publicCommunications({ db: deps.db, mandateId: req.query.mandateId, limit: req.query.limit ?? 100 }),
  );

  r.get(
    "/api/v1/public/communications/:reference/letter.docx",
    {
      schema: {
        tags: ["public"],
        summary: "The letter of a published communication",
        security: [],
        params: referenceParams,
        produces: [docxType],
      },
    },
    async (req, reply) => {
      const { fileName, docx } = await publicLetter({ db: deps.db, reference: req.params.reference });
      return reply
        .header("content-type", docxType)
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(docx);
    },
  );

  r.get(
    "/api/v1/public/communications/:reference/replies/:n/document",
    {
      schema: {
        tags: ["public"],
        summary: "The document of a published communication's reply",
        security: [],
        params: referenceParams.extend({ n: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      const file = await publicReplyDocument({
        db: deps.db,
        blobs,
        reference: req.params.reference,
        n: Number(req.params.n),
      });
      return reply
        .header("content-type", file.mimeType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header("x-content-type-options", "nosniff")
        .send(file.content);
    },
  );
}
