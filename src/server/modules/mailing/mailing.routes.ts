import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idParams } from "../../platform/records/records.routes.js";
import {
  deliveriesPage,
  deliveriesQuery,
  eraseBody,
  eraseResult,
  mailing,
  mailingsList,
  mailingsQuery,
  sendMailingBody,
  subscribersExportQuery,
  subscribersPage,
  subscribersQuery,
} from "./mailing.schemas.js";
import { getMailing, listDeliveries, listMailings, sendReleaseToList } from "./mailings.usecases.js";
import { eraseSubscriber, exportSubscribers, listSubscribers } from "./subscribers.usecases.js";
import { registerSubscriptionPages } from "./subscription.routes.js";

const tags = ["mailing"];

/** The mailing list: staff send press releases and manage subscribers; the public pages subscribe and unsubscribe. */
export function registerMailingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/press-releases/:id/mailings",
    {
      schema: {
        tags,
        summary:
          "Send a published press release to the list's confirmed subscribers (mandate holder or officer; in batches)",
        params: idParams,
        body: sendMailingBody,
        response: { 201: mailing },
      },
    },
    async (req, reply) => {
      const created = await sendReleaseToList({
        deps,
        actor: requireWriter(req),
        releaseId: req.params.id,
        again: req.body.again === true,
      });
      return reply.status(201).send(created);
    },
  );

  r.get(
    "/api/v1/mailings",
    {
      schema: {
        tags,
        summary: "The mailings of a press release, newest first, with their progress",
        querystring: mailingsQuery,
        response: { 200: mailingsList },
      },
    },
    async (req) => listMailings({ deps, actor: requireActor(req), pressReleaseId: req.query.pressReleaseId }),
  );

  r.get(
    "/api/v1/mailings/:id",
    {
      schema: {
        tags,
        summary: "One mailing's progress: total, sent, failed, skipped, pending",
        params: idParams,
        response: { 200: mailing },
      },
    },
    async (req) => getMailing({ deps, actor: requireActor(req), id: req.params.id }),
  );

  r.get(
    "/api/v1/mailings/:id/deliveries",
    {
      schema: {
        tags,
        summary:
          "A mailing's delivery log, page by page (addresses for the mandate holder and officers only)",
        params: idParams,
        querystring: deliveriesQuery,
        response: { 200: deliveriesPage },
      },
    },
    async (req) => listDeliveries({ deps, actor: requireActor(req), id: req.params.id, ...req.query }),
  );

  r.get(
    "/api/v1/subscribers",
    {
      schema: {
        tags,
        summary:
          "The mandate's mailing list: counts for members; subscribers with addresses for the holder, officers and admins",
        querystring: subscribersQuery,
        response: { 200: subscribersPage },
      },
    },
    async (req) => listSubscribers({ deps, actor: requireActor(req), ...req.query }),
  );

  r.get(
    "/api/v1/subscribers/export.csv",
    {
      schema: {
        tags,
        summary: "The mailing list as CSV (holder, officers, admins; audited)",
        querystring: subscribersExportQuery,
        produces: ["text/csv"],
      },
    },
    async (req, reply) => {
      const csv = await exportSubscribers({ deps, actor: requireActor(req), mandateId: req.query.mandateId });
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="subscribers.csv"')
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  r.post(
    "/api/v1/subscribers/erase",
    {
      schema: {
        tags,
        summary: "Delete an address from the list on its owner's request (holder, officers, admins; audited)",
        body: eraseBody,
        response: { 200: eraseResult },
      },
    },
    async (req) => eraseSubscriber({ deps, actor: requireWriter(req), ...req.body }),
  );

  registerSubscriptionPages(app, deps);
}
