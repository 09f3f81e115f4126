import type { Actor } from "../../platform/access/access.policies.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError } from "../../platform/errors/app-error.js";
import { createPlacesRepository } from "../places/places.repository.js";
import { presentMissionRow, presentStatusRow } from "./visits.presenters.js";
import { createVisitStatusRepository } from "./visits.repository.js";

/**
 * The mandate's "status of country visits": each request (state, first request, reminders, status) with the visits
 * it led to, and visits made without a request (missions to neighbouring states) on their own lines.
 */
export async function visitStatusTable({
  db,
  actor,
  mandateId,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
}) {
  if (!actor.memberships.has(mandateId)) throw new AppError("mandates.not_found", 404);
  return inTransaction(db, async (trx) => {
    const repo = createVisitStatusRepository({ db: trx });
    const requests = await repo.requests(actor, mandateId);
    const reminders = await repo.reminders(
      actor,
      requests.map((r) => r.id),
    );
    const visits = await repo.visits(actor, mandateId);
    const missions = visits.filter((v) => !v.visit_request_id);
    const names = await createPlacesRepository({ db: trx }).countryNames([
      ...new Set(missions.map((v) => v.country)),
    ]);
    return {
      items: [
        ...requests.map((r) =>
          presentStatusRow(
            r,
            reminders.filter((x) => x.visit_request_id === r.id).map((x) => x.entry_on),
            visits.filter((v) => v.visit_request_id === r.id),
          ),
        ),
        ...missions.map((v) => presentMissionRow(v, names.get(v.country))),
      ],
    };
  });
}
