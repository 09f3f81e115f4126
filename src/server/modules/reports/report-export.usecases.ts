import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { forbidden } from "../../platform/errors/app-error.js";
import { reportDocx } from "./export/report-docx.js";
import { reportHtml } from "./export/report-html.js";
import { reportPdf } from "./export/report-pdf.js";
import { checkReport, refuseIfBlocked } from "./publication-check.usecases.js";
import { buildReportDocument } from "./report-document.builder.js";
import { readableReport } from "./reports.usecases.js";

export const exportFormats = ["docx", "pdf", "html"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const contentTypes: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
};

/**
 * The report as a Word, PDF or HTML file. A staff copy (marked, with where each quotation came from) is for anyone
 * who may read the report; a public one is for roles that export, and only once the publication check has nothing
 * unresolved (409 names every problem otherwise). Either is audited.
 * @example const { fileName, content } = await exportReport({ db, masterKey, actor, id, format: "docx", public: true });
 */
export async function exportReport({
  db,
  masterKey,
  actor,
  id,
  format,
  public: isPublic,
}: {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
  id: string;
  format: ExportFormat;
  public: boolean;
}) {
  return inTransaction(db, async (trx) => {
    const { row, body, abilities } = await readableReport(trx, actor, id);
    if (isPublic) {
      if (!abilities.export) throw forbidden();
      refuseIfBlocked(await checkReport(trx, masterKey, actor, row, body));
    }
    const doc = await buildReportDocument(trx, actor, row, body, { public: isPublic });
    await writeAudit(trx, actor, [
      {
        action: "report.export",
        recordType: "report",
        recordId: id,
        mandateId: row.mandate_id,
        fields: [format, isPublic ? "public" : "internal"],
      },
    ]);
    const content =
      format === "docx"
        ? await reportDocx(doc)
        : format === "pdf"
          ? await reportPdf(doc)
          : Buffer.from(reportHtml(doc), "utf8");
    const stem = (row.symbol ?? `report-${row.id.slice(-8)}`)
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return {
      fileName: `${stem}${isPublic ? "" : "-internal"}.${format}`,
      contentType: contentTypes[format],
      content,
    };
  });
}
