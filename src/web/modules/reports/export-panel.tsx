import { useTranslation } from "react-i18next";
import { usePublicationCheck } from "./publication-check-panel.js";
import type { ReportContent } from "./report-api.js";

const formats = ["docx", "pdf", "html"] as const;

/**
 * Exports: a staff copy (marked, with where each quotation came from) for anyone who reads the report; the public
 * document once the publication check has nothing left unresolved.
 */
export function ExportPanel({ content: c }: { content: ReportContent }) {
  const { t } = useTranslation();
  const check = usePublicationCheck(c.reportId);
  const clean = check.data !== undefined && check.data.blocking === 0 && !check.isFetching;
  const href = (format: string, pub: boolean) =>
    `/api/v1/reports/${c.reportId}/export.${format}${pub ? "?public=1" : ""}`;
  return (
    <section className="report-export" aria-labelledby="report-export-title">
      <h3 id="report-export-title">{t("reports.export")}</h3>
      <p>
        {t("reports.internalCopy")}:{" "}
        {formats.map((f, i) => (
          <span key={f}>
            {i > 0 && " · "}
            <a href={href(f, false)} download>
              {t("reports.downloadInternal", { format: f.toUpperCase() })}
            </a>
          </span>
        ))}
      </p>
      {c.abilities.export && (
        <p>
          {t("reports.publicCopy")}:{" "}
          {clean ? (
            formats.map((f, i) => (
              <span key={f}>
                {i > 0 && " · "}
                <a href={href(f, true)} download>
                  {t("reports.downloadPublic", { format: f.toUpperCase() })}
                </a>
              </span>
            ))
          ) : (
            <span className="hint">{t("reports.publicNeedsCheck")}</span>
          )}
        </p>
      )}
    </section>
  );
}
