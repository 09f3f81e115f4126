import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idParams, registerRecordRoutes } from "../../platform/records/records.routes.js";
import { identityBody, identityResponse } from "./person-identities.schemas.js";
import { createPersonsRepository } from "./persons.repository.js";
import { personSpec } from "./persons.schemas.js";
import { revealIdentity, saveIdentity } from "./persons.usecases.js";

const withIdentityFlag = {
  ...personSpec,
  enrich: async (db: Parameters<NonNullable<typeof personSpec.enrich>>[0], ids: string[]) => {
    const has = await createPersonsRepository({ db }).withIdentity(ids);
    return new Map(ids.map((id) => [id, { hasIdentity: has.has(id) }]));
  },
};

export function registerPersonRoutes(app: FastifyInstance, deps: AppDeps) {
  registerRecordRoutes(app, deps, withIdentityFlag, { extraResponse: { hasIdentity: z.boolean() } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["persons"];

  r.get(
    "/api/v1/persons/:id/identity",
    {
      schema: {
        tags,
        summary: "Reveal identifying data (audited)",
        params: idParams,
        response: { 200: identityResponse },
      },
    },
    async (req) =>
      revealIdentity({
        db: deps.db,
        masterKey: deps.masterKey,
        actor: requireActor(req),
        personId: req.params.id,
      }),
  );

  r.put(
    "/api/v1/persons/:id/identity",
    {
      schema: {
        tags,
        summary: "Replace identifying data (encrypted at rest, audited)",
        params: idParams,
        body: identityBody,
        response: { 200: identityResponse },
      },
    },
    async (req) =>
      saveIdentity({
        db: deps.db,
        masterKey: deps.masterKey,
        actor: requireWriter(req),
        personId: req.params.id,
        identity: req.body,
      }),
  );
}
