import type { Actor } from "../../platform/access/access.policies.js";
import type { Db } from "../../platform/db/database.js";
import { AppError } from "../../platform/errors/app-error.js";
import { createCaseFiguresRepository } from "./cases.repository.js";

/** Counts of the cases the actor may read, by status and by priority. */
export async function caseFigures({ db, actor, mandateId }: { db: Db; actor: Actor; mandateId: string }) {
  if (!actor.memberships.has(mandateId)) throw new AppError("mandates.not_found", 404);
  const rows = await createCaseFiguresRepository({ db }).counts(actor, mandateId);
  const byStatus: Record<string, number> = {};
  const byPriority: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
    byPriority[r.priority] = (byPriority[r.priority] ?? 0) + Number(r.n);
    total += Number(r.n);
  }
  return { total, byStatus, byPriority };
}
