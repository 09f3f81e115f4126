import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useMove } from "../records/lifecycle.js";
import type { ReportAction, ReportContent } from "./report-api.js";
import { useReportRefresh } from "./report-api.js";

const steps = ["drafting", "review", "final", "published"] as const;

/** Where the report stands in its lifecycle, and the moves the API says the reader may make now. */
export function ReportActions({ content: c, dirty }: { content: ReportContent; dirty: boolean }) {
  const { t } = useTranslation();
  const refresh = useReportRefresh(c.reportId);
  const {
    run: move,
    busy,
    error,
    done,
  } = useMove(
    (action: ReportAction) => api.post<{ status: string }>(`/reports/${c.reportId}/transitions`, { action }),
    async (updated) => {
      await refresh();
      return t("reports.moved", { status: t(`value.${updated.status}` as "value.none") });
    },
  );
  return (
    <div className="report-actions">
      <ol className="steps" aria-label={t("reports.steps")}>
        {steps.map((s) => (
          <li
            key={s}
            aria-current={c.status === s ? "step" : undefined}
            className={
              c.status === s
                ? "current"
                : steps.indexOf(s) < steps.indexOf(c.status as (typeof steps)[number])
                  ? "done"
                  : undefined
            }
          >
            {t(`value.${s}` as "value.none")}
          </li>
        ))}
      </ol>
      <p role="status">{done}</p>
      {error && (
        <div role="alert" className="error">
          <p>{error.message}</p>
          {error.code === "reports.publication_blocked" && (
            <ul>
              {Object.entries(error.fields).map(([k, f]) => (
                <li key={k}>{f.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {c.actions.length > 0 && (
        <div className="actions">
          {c.actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === "return" || a === "reopen" ? "secondary" : undefined}
              disabled={busy || dirty}
              onClick={() => move(a)}
            >
              {t(`reports.action.${a}`)}
            </button>
          ))}
          {dirty && <span className="hint">{t("reports.saveFirst")}</span>}
        </div>
      )}
    </div>
  );
}
