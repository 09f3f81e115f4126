import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor, requireWriter } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idParams } from "../../platform/records/records.routes.js";
import { notification, notificationsPage, notificationsQuery } from "./notifications.schemas.js";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./notifications.usecases.js";
import { registerOutboxRoutes } from "./outbox.routes.js";

const tags = ["notifications"];

/** The caller's own notifications, and (admins) the outbox of e-mail written to files. */
export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/notifications",
    {
      schema: {
        tags,
        summary: "The caller's notifications, newest first, with the number unread",
        querystring: notificationsQuery,
        response: { 200: notificationsPage },
      },
    },
    async (req) => listNotifications(deps.db, requireActor(req), req.query),
  );

  r.post(
    "/api/v1/notifications/read-all",
    {
      schema: {
        tags,
        summary: "Mark all the caller's notifications read",
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (req) => markAllNotificationsRead(deps.db, requireWriter(req)),
  );

  r.post(
    "/api/v1/notifications/:id/read",
    {
      schema: {
        tags,
        summary: "Mark one of the caller's notifications read",
        params: idParams,
        response: { 200: notification },
      },
    },
    async (req) => markNotificationRead(deps.db, requireWriter(req), req.params.id),
  );

  registerOutboxRoutes(app, deps);
}
