import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleRules } from "../../platform/access/access.policies.js";
import { verifyAuditChain } from "../../platform/audit/audit-chain.usecases.js";
import { forbidden } from "../../platform/errors/app-error.js";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { createAuditQueryRepository } from "./audit.repository.js";

const auditQuery = z.strictObject({
  recordId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  mandateId: z.string().max(64).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  mandateId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  fields: z.array(z.string()).nullable(),
});

const chainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  unsealed: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string(), keyId: z.string().nullable() }),
  firstBreak: z
    .object({
      kind: z.enum(["altered", "missing", "reordered", "unsealed", "duplicate", "head", "key"]),
      seq: z.number().int(),
      id: z.string().nullable(),
      detail: z.string(),
    })
    .nullable(),
});

/** The audit trail per record, per user or per mandate: holders see their mandates', admins everything. */
export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit/chain",
    {
      schema: {
        tags: ["audit"],
        summary: "Whether the tamper-evident audit chain verifies (admins); walks the whole chain",
        response: { 200: chainReport },
      },
    },
    async (req) => {
      if (!requireActor(req).isAdmin) throw forbidden();
      const { expectedHead: _, ...report } = await verifyAuditChain(deps.readDb, deps.masterKey);
      return report;
    },
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit trail (holders: their mandates; admins: all), newest first",
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const held = [...actor.memberships].filter(([, role]) => roleRules[role].viewAudit).map(([m]) => m);
      if (!actor.isAdmin && !held.length) throw forbidden();
      const limit = req.query.limit ?? 100;
      const rows = await createAuditQueryRepository({ db: deps.db }).list({
        ...req.query,
        mandateScope: actor.isAdmin ? null : held,
        beforeId: req.query.cursor,
        limit,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          action: r.action,
          recordType: r.record_type,
          recordId: r.record_id,
          mandateId: r.mandate_id,
          ip: r.ip,
          userAgent: r.user_agent,
          fields: r.fields ? (JSON.parse(r.fields) as string[]) : null,
        })),
        nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
  );
}
