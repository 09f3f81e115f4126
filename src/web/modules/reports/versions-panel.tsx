import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { type DiffEntry, type ReportContent, useReportRefresh, useReportVersions } from "./report-api.js";

/** Saved versions of the report: save one, compare two (paragraph by paragraph), restore one as a new version. */
export function VersionsPanel({
  content: c,
  dirty,
  onRestored,
}: {
  content: ReportContent;
  dirty: boolean;
  onRestored: (c: ReportContent) => void;
}) {
  const { t, i18n } = useTranslation();
  const versions = useReportVersions(c.reportId);
  const refresh = useReportRefresh(c.reportId);
  const [label, setLabel] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("current");
  const [diff, setDiff] = useState<{ entries: DiffEntry[]; unchanged: number } | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError("");
    setMessage("");
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("app.error"));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      await api.post(`/reports/${c.reportId}/versions`, { label: label || null });
      setLabel("");
      await versions.refetch();
      setMessage(t("reports.versionSaved"));
    });
  };
  const compare = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      const query = new URLSearchParams({ ...(from ? { from } : {}), to });
      setDiff(await api.get(`/reports/${c.reportId}/versions/compare?${query}`));
    });
  };
  const restore = (id: string, number: number) =>
    run(async () => {
      const restored = await api.post<ReportContent>(`/reports/${c.reportId}/versions/${id}/restore`, {
        version: c.version,
      });
      onRestored(restored);
      await refresh(restored);
      setMessage(t("reports.restored", { n: number }));
    });
  const items = versions.data ?? [];
  const versionName = (n: number | null | undefined) =>
    n ? t("reports.versionNumber", { n }) : t("reports.current");
  return (
    <section className="report-versions" aria-labelledby="report-versions-title">
      <h3 id="report-versions-title">{t("reports.versions")}</h3>
      <p role="status">{message}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {c.abilities.update && (
        <form onSubmit={save} className="inline-form">
          <label htmlFor="version-label">{t("reports.versionLabel")}</label>
          <input
            id="version-label"
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button type="submit" disabled={busy || dirty}>
            {t("reports.saveVersion")}
          </button>
        </form>
      )}
      {items.length ? (
        <table className="records">
          <caption>{t("reports.versionsCaption", { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.version")}</th>
              <th scope="col">{t("reports.versionKind")}</th>
              <th scope="col">{t("reports.savedAt")}</th>
              <th scope="col">{t("reports.savedBy")}</th>
              {c.editable && <th scope="col">{t("reports.restore")}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  {versionName(v.number)}
                  {v.label ? ` — ${v.label}` : ""}
                </th>
                <td>
                  {v.kind === "restored"
                    ? t("reports.restoredFrom", { n: v.restoredFrom ?? "" })
                    : t(`reports.versionKinds.${v.kind}`)}
                </td>
                <td>{when(v.createdAt)}</td>
                <td>{v.createdBy ?? "—"}</td>
                {c.editable && (
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy || dirty}
                      onClick={() => restore(v.id, v.number)}
                    >
                      {t("reports.restoreVersion", { n: v.number })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t("reports.noVersions")}</p>
      )}
      {items.length > 0 && (
        <form onSubmit={compare} className="inline-form">
          <label htmlFor="compare-from">{t("reports.compareFrom")}</label>
          <select id="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t("reports.latestVersion")}</option>
            {items.map((v) => (
              <option key={v.id} value={v.id}>
                {versionName(v.number)}
              </option>
            ))}
          </select>
          <label htmlFor="compare-to">{t("reports.compareTo")}</label>
          <select id="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="current">{t("reports.current")}</option>
            {items.map((v) => (
              <option key={v.id} value={v.id}>
                {versionName(v.number)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t("reports.compare")}
          </button>
        </form>
      )}
      {diff && (
        <div className="report-diff" aria-live="polite">
          <p>{t("reports.diffSummary", { changes: diff.entries.length, unchanged: diff.unchanged })}</p>
          <ul>
            {diff.entries.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries are in document order.
              <li key={i} className={`diff-${d.change}`}>
                <strong>
                  {t(`reports.changes.${d.change}`)}:{" "}
                  {d.part === "paragraph"
                    ? t("reports.paragraphNumber", { n: d.numberAfter ?? d.numberBefore ?? "" })
                    : t(`reports.parts.${d.part}` as "reports.parts.summary", { defaultValue: d.part })}
                </strong>
                {d.before !== null && (
                  <del>
                    <span className="visually-hidden">{t("reports.before")}: </span>
                    {d.before}
                  </del>
                )}
                {d.after !== null && (
                  <ins>
                    <span className="visually-hidden">{t("reports.after")}: </span>
                    {d.after}
                  </ins>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
