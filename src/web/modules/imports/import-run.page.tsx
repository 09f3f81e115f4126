import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../../api/client.js";
import type { ImportRun } from "./import-api.js";
import { ImportErrors } from "./import-errors.js";
import { countsText, fieldNameLabel, typeLabel } from "./import-labels.js";
import "./imports.css";

/** Ids listed as links in a report; the rest are counted. */
const shownIds = 50;

/** One import run: a progress bar while it runs (polled), then its report: counts, records, mapping, who, when. */
export default function ImportRunPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const run = useQuery({
    queryKey: ["import-run", id],
    queryFn: () => api.get<ImportRun>(`/imports/${id}`),
    refetchInterval: (q) => (q.state.data?.status === "running" ? 500 : false),
  });
  const number = new Intl.NumberFormat(i18n.language);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : "—");
  if (run.error)
    return (
      <p role="alert" className="error">
        {run.error instanceof ApiError ? run.error.message : t("app.error")}
      </p>
    );
  const r = run.data;
  if (!r) return <p>{t("app.loading")}</p>;
  const { progress } = r;
  return (
    <>
      <div className="page-head">
        <h1>{t("imports.runTitle", { file: r.filename })}</h1>
        <Link to="/imports">{t("imports.backToList")}</Link>
      </div>
      <section aria-labelledby="import-progress-title">
        <h2 id="import-progress-title">{t(`imports.statusName.${r.status}`)}</h2>
        <p className="import-progress">
          <progress aria-label={t("imports.progress")} value={progress.percent} max={100} />{" "}
          <span aria-live="polite">
            {r.status === "running"
              ? t(`imports.phase.${progress.phase}` as "imports.phase.reading", {
                  done: number.format(progress.done),
                  total: number.format(progress.total),
                })
              : t(`imports.statusName.${r.status}`)}
          </span>
        </p>
      </section>
      <section aria-labelledby="import-report-title">
        <h2 id="import-report-title">{t("imports.report")}</h2>
        <dl className="fields">
          <div>
            <dt>{t("imports.type")}</dt>
            <dd>{typeLabel(t, r.type)}</dd>
          </div>
          <div>
            <dt>{t("imports.file")}</dt>
            <dd>
              {r.filename} ({r.format.toUpperCase()}
              {r.encoding
                ? `, ${t(`imports.encodingName.${r.encoding}` as "imports.encodingName.utf-8")}`
                : ""}
              )
            </dd>
          </div>
          <div>
            <dt>{t("imports.rowCount")}</dt>
            <dd>{number.format(r.rowsTotal)}</dd>
          </div>
          <div>
            <dt>{t("imports.by")}</dt>
            <dd>{r.startedByName ?? r.startedBy}</dd>
          </div>
          <div>
            <dt>{t("imports.started")}</dt>
            <dd>{when(r.startedAt)}</dd>
          </div>
          <div>
            <dt>{t("imports.finished")}</dt>
            <dd>{when(r.finishedAt)}</dd>
          </div>
          <div>
            <dt>{t("imports.mapping")}</dt>
            <dd>
              {r.mapping.name ?? t("imports.mappingUnsaved")}
              <ul className="mapping-used">
                {r.mapping.columns.map((c) => (
                  <li key={c.column}>
                    {c.column} → {fieldNameLabel(t, c.field)}
                  </li>
                ))}
                {r.mapping.eventKey && <li>{t("imports.eventKeyUsed", { column: r.mapping.eventKey })}</li>}
              </ul>
            </dd>
          </div>
          {r.status === "succeeded" && (
            <div>
              <dt>{t("imports.created")}</dt>
              <dd>{countsText(t, r.counts, i18n.language)}</dd>
            </div>
          )}
        </dl>
        {r.status === "succeeded" &&
          Object.entries(r.createdIds ?? {}).map(([plural, ids]) => (
            <div key={plural} className="created-ids">
              <h3>{typeLabel(t, plural)}</h3>
              <ul>
                {ids.slice(0, shownIds).map((rid) => (
                  <li key={rid}>
                    <Link to={`/${plural}/${rid}`}>{rid}</Link>
                  </li>
                ))}
              </ul>
              {ids.length > shownIds && (
                <p className="hint">{t("imports.moreIds", { count: ids.length - shownIds })}</p>
              )}
            </div>
          ))}
        {r.status === "failed" && (
          <>
            <p role="alert" className="error">
              {t("imports.failedNothingWritten")}
            </p>
            <ImportErrors errors={r.errors} truncated={false} />
          </>
        )}
      </section>
    </>
  );
}
