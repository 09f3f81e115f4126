import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import { csvText } from "../../platform/http/csv.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idSchema } from "../../platform/records/record-schemas.js";
import { registerRecordRoutes } from "../../platform/records/records.routes.js";
import { statusTableCsv } from "./visits.presenters.js";
import { meetingSpec, visitRequestEntrySpec, visitRequestSpec, visitSpec } from "./visits.schemas.js";
import { visitStatusTable } from "./visits.usecases.js";

const tags = ["visits"];
const statusRow = z.object({
  requestId: z.string().nullable().describe("null for a visit made without a request (a mission)"),
  country: z.string(),
  countryName: z.object({ en: z.string(), ko: z.string() }),
  firstRequestedOn: z.string().nullable(),
  reminders: z.array(z.string()),
  status: z.string(),
  statusOn: z.string().nullable(),
  visits: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      startOn: z.string().nullable(),
      endOn: z.string().nullable(),
      status: z.string(),
      reportSymbol: z.string().nullable(),
    }),
  ),
});

/** Country visits: requests and their entries, visits and missions, meetings, and the status table. */
export function registerVisitRoutes(app: FastifyInstance, deps: AppDeps) {
  for (const spec of [visitRequestSpec, visitRequestEntrySpec, visitSpec, meetingSpec])
    registerRecordRoutes(app, deps, spec);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/visit-requests/status-table",
    {
      schema: {
        tags,
        summary: "Status of country visits: state, first request, reminders, status, visits",
        querystring: z.strictObject({ mandateId: idSchema }),
        response: { 200: z.object({ items: z.array(statusRow) }) },
      },
    },
    async (req) =>
      visitStatusTable({ db: deps.db, actor: requireActor(req), mandateId: req.query.mandateId }),
  );

  r.get(
    "/api/v1/visit-requests/status-table.csv",
    {
      schema: {
        tags,
        summary: "The status of country visits as CSV, in English or Korean",
        querystring: z.strictObject({ mandateId: idSchema, lang: z.enum(["en", "ko"]).optional() }),
        produces: ["text/csv"],
      },
    },
    async (req, reply) => {
      const table = await visitStatusTable({
        db: deps.db,
        actor: requireActor(req),
        mandateId: req.query.mandateId,
      });
      const csv = statusTableCsv(table.items, req.query.lang ?? "en");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="country-visits.csv"')
        .send(csvText(csv.header, csv.rows));
    },
  );
}
