import type { Tx } from "../../platform/db/any-db.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { indexRecords } from "../search/search-index.usecases.js";
import { createReportsRepository } from "./reports.repository.js";

/**
 * The writes of a report outside the record engine (its body, a restored version, a move of its lifecycle): each
 * re-indexes the report for search in the same transaction, so what search finds and at which level (a published
 * report is public) never lags behind the row. The record engine's writes do the same through `reportSpec.afterWrite`.
 */

/** Indexes a report for search as it now stands in the transaction. */
export const indexReport = (trx: Tx, id: string) => indexRecords(trx, "report", [id]);

/**
 * Writes a report's columns if it is still at the version the caller saw, and re-indexes it; false if it was not.
 * @example if (!(await writeReport(trx, id, row.version, { body }))) throw conflict();
 */
export async function writeReport(trx: Tx, id: string, version: number, values: Record<string, unknown>) {
  if (!(await createReportsRepository({ db: trx }).write(id, version, values))) return false;
  await indexReport(trx, id);
  return true;
}

/**
 * Moves a report from one of the statuses `from` with its columns `values`, and re-indexes it; false if it was in
 * none of them.
 * @example if (!(await moveReport(trx, id, ["final"], { status: "published" }))) throw notAllowed();
 */
export async function moveReport(
  trx: Tx,
  id: string,
  from: readonly string[],
  values: Record<string, unknown>,
) {
  if (!(await createRecordsRepository({ db: trx }).moveStatus("reports", id, from, values))) return false;
  await indexReport(trx, id);
  return true;
}
