import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idParams } from "../../platform/records/records.routes.js";
import { createUserBody, updateUserBody, userResponse, usersQuery } from "./users.schemas.js";
import { createUser, listUsers, updateUser } from "./users.usecases.js";

const tags = ["users"];

export function registerUserRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db;

  r.get(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary:
          "Users (admins: all; holders: their mandates' members, or any one account by its exact e-mail address)",
        querystring: usersQuery,
        response: { 200: z.object({ items: z.array(userResponse) }) },
      },
    },
    async (req) => ({
      items: await listUsers({ db, actor: requireActor(req), email: req.query.email }),
    }),
  );

  r.post(
    "/api/v1/users",
    {
      schema: {
        tags,
        summary: "Create a local account (admins)",
        body: createUserBody,
        response: { 201: userResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createUser({ db, actor: requireWriter(req), input: req.body })),
  );

  r.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags,
        summary: "Change an account (self: name, language, password; admins: all)",
        params: idParams,
        body: updateUserBody,
        response: { 200: userResponse },
      },
    },
    async (req) => updateUser({ db, actor: requireWriter(req), id: req.params.id, input: req.body }),
  );
}
