import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { canSeeMembers } from "../../platform/access/access.policies.js";
import { forbidden } from "../../platform/errors/app-error.js";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idParams } from "../../platform/records/records.routes.js";
import { presentMandate, presentMember } from "./mandates.presenters.js";
import { createMandatesRepository } from "./mandates.repository.js";
import {
  createMandateBody,
  mandateResponse,
  memberResponse,
  setRoleBody,
  updateMandateBody,
} from "./mandates.schemas.js";
import {
  createMandate,
  getMandate,
  listMandates,
  removeMembership,
  setMembership,
  updateMandate,
} from "./mandates.usecases.js";

const tags = ["mandates"];
const memberParams = z.strictObject({ id: z.string().max(64), userId: z.string().max(64) });

export function registerMandateRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db;

  r.get(
    "/api/v1/mandates",
    {
      schema: {
        tags,
        summary: "My mandates (all, for admins)",
        response: { 200: z.object({ items: z.array(mandateResponse) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return { items: (await listMandates({ db, actor })).map((m) => presentMandate(m, actor)) };
    },
  );

  r.get(
    "/api/v1/mandates/:id",
    { schema: { tags, summary: "One mandate", params: idParams, response: { 200: mandateResponse } } },
    async (req) => {
      const actor = requireActor(req);
      return presentMandate(await getMandate({ db, actor, id: req.params.id }), actor);
    },
  );

  r.post(
    "/api/v1/mandates",
    {
      schema: {
        tags,
        summary: "Create a mandate (admins)",
        body: createMandateBody,
        response: { 201: mandateResponse },
      },
    },
    async (req, reply) => {
      const actor = requireWriter(req);
      return reply
        .status(201)
        .send(presentMandate(await createMandate({ db, actor, input: req.body }), actor));
    },
  );

  r.patch(
    "/api/v1/mandates/:id",
    {
      schema: {
        tags,
        summary: "Change a mandate (admins, holder)",
        params: idParams,
        body: updateMandateBody,
        response: { 200: mandateResponse },
      },
    },
    async (req) => {
      const actor = requireWriter(req);
      return presentMandate(await updateMandate({ db, actor, id: req.params.id, input: req.body }), actor);
    },
  );

  r.get(
    "/api/v1/mandates/:id/members",
    {
      schema: {
        tags,
        summary: "Members and roles (admins, holders, and officers who restrict records to members)",
        params: idParams,
        response: { 200: z.object({ items: z.array(memberResponse) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await getMandate({ db, actor, id: req.params.id });
      if (!canSeeMembers(actor, req.params.id)) throw forbidden();
      return { items: (await createMandatesRepository({ db }).members(req.params.id)).map(presentMember) };
    },
  );

  r.put(
    "/api/v1/mandates/:id/members/:userId",
    {
      schema: { tags, summary: "Give a user a role in the mandate", params: memberParams, body: setRoleBody },
    },
    async (req, reply) => {
      await setMembership({
        db,
        actor: requireWriter(req),
        mandateId: req.params.id,
        userId: req.params.userId,
        role: req.body.role,
      });
      return reply.status(204).send();
    },
  );

  r.delete(
    "/api/v1/mandates/:id/members/:userId",
    { schema: { tags, summary: "Remove a user from the mandate", params: memberParams } },
    async (req, reply) => {
      await removeMembership({
        db,
        actor: requireWriter(req),
        mandateId: req.params.id,
        userId: req.params.userId,
      });
      return reply.status(204).send();
    },
  );
}
