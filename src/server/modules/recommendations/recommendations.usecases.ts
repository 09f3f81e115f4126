import ExcelJS from "exceljs";
import { type Actor, canExport } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { forbidden } from "../../platform/errors/app-error.js";
import { csvText } from "../../platform/http/csv.js";
import { presentRegistry } from "./recommendations.presenters.js";
import { createRecommendationsRepository } from "./recommendations.repository.js";
import { recommendationSpec } from "./recommendations.schemas.js";

const exportLimit = 200_000;

export interface RegistryExport {
  mandateId: string;
  format: "csv" | "xlsx";
  lang: "en" | "ko";
  /** Field name → value, as the registry's list filters them (`sourceBody`, `status`, `addresseeCountry`, `theme`…). */
  filters: Record<string, string>;
}

/**
 * The registry of recommendations as CSV or XLSX, filtered as the list is, with each one's follow-up history;
 * only what the actor may read, by roles that export, audited in the same transaction.
 */
export async function exportRegistry({
  db,
  actor,
  request,
}: {
  db: Db;
  actor: Actor;
  request: RegistryExport;
}) {
  if (!canExport(actor, request.mandateId)) throw forbidden();
  const columns: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.filters)) {
    const f = recommendationSpec.fields[name];
    if (f?.filter) columns[f.column] = value;
  }
  const table = await inTransaction(db, async (trx) => {
    const repo = createRecommendationsRepository({ db: trx });
    const rows = await repo.readable(actor, request.mandateId, columns, exportLimit);
    const followUps = await repo.followUps(
      actor,
      rows.map((r) => String(r.id)),
    );
    await writeAudit(trx, actor, [
      {
        action: "export",
        recordType: "recommendation",
        recordId: null,
        mandateId: request.mandateId,
        fields: Object.keys(request.filters),
      },
    ]);
    return presentRegistry(rows, followUps, request.lang);
  });
  if (request.format === "csv") return Buffer.from(csvText(table.header, table.rows), "utf8");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(request.lang === "ko" ? "권고" : "Recommendations");
  sheet.addRow(table.header).font = { bold: true };
  // Plain strings: a cell is never written as a formula, whatever its text.
  for (const r of table.rows) sheet.addRow(r.map((v) => v ?? ""));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
