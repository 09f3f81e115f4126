import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pressReleaseTransitions } from "../../../shared/press-releases.js";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { createBodySchema, recordResponseSchema } from "../../platform/records/record-schemas.js";
import { idParams, registerRecordRoutes } from "../../platform/records/records.routes.js";
import { registerPressReleaseImageRoutes } from "./press-release-images.routes.js";
import { isPublishAt } from "./press-releases.policies.js";
import { pressReleaseSpec } from "./press-releases.schemas.js";
import {
  createPressRelease,
  pressReleaseActions,
  transitionPressRelease,
} from "./press-releases.usecases.js";

const tags = ["press-releases"];
const publishAtSchema = z
  .string()
  .max(30)
  .refine(isPublishAt, { message: "field.invalid_format" })
  .meta({ description: "ISO 8601 in UTC: 2026-12-01T09:00:00Z" });

/** Press releases: the record (created with a slug made for it), its lifecycle moves and what the caller may do now. */
export function registerPressReleaseRoutes(app: FastifyInstance, deps: AppDeps) {
  registerRecordRoutes(app, deps, pressReleaseSpec, { create: false });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = recordResponseSchema(pressReleaseSpec);

  r.post(
    "/api/v1/press-releases",
    {
      schema: {
        tags,
        summary:
          "Create a press release (a draft); without a slug it gets one from its date and English title",
        body: createBodySchema(pressReleaseSpec),
        response: { 201: one },
      },
    },
    async (req, reply) => {
      const record = await createPressRelease({
        db: deps.db,
        actor: requireWriter(req),
        input: req.body as Record<string, unknown>,
      });
      return reply.status(201).send(record);
    },
  );

  r.get(
    "/api/v1/press-releases/:id/actions",
    {
      schema: {
        tags,
        summary: "The lifecycle moves open to the caller on this press release now",
        params: idParams,
        response: { 200: z.object({ actions: z.array(z.enum(pressReleaseTransitions)) }) },
      },
    },
    async (req) => ({
      actions: await pressReleaseActions({ db: deps.db, actor: requireActor(req), id: req.params.id }),
    }),
  );

  r.post(
    "/api/v1/press-releases/:id/transitions",
    {
      schema: {
        tags,
        summary:
          "Move a press release: submit, return, schedule (holder or officer; at a time to come), unschedule, publish now, unpublish",
        params: idParams,
        body: z.strictObject({
          action: z.enum(pressReleaseTransitions),
          publishAt: publishAtSchema
            .optional()
            .describe("For schedule: the publication time, saved with the move"),
        }),
        response: { 200: one },
      },
    },
    async (req) =>
      transitionPressRelease({
        db: deps.db,
        actor: requireWriter(req),
        id: req.params.id,
        action: req.body.action,
        publishAt: req.body.publishAt,
      }),
  );

  registerPressReleaseImageRoutes(app, deps);
}
