import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api } from "../../api/client.js";
import type { PublicationCheck, PublicationProblem, ReportContent } from "./report-api.js";

export const checkKey = (id: string) => ["report-check", id];

/** The last publication check of the report, run on demand; the export panel reads it too. */
export const usePublicationCheck = (id: string) =>
  useQuery({
    queryKey: checkKey(id),
    queryFn: () => api.get<PublicationCheck>(`/reports/${id}/publication-check`),
    enabled: false,
  });

/** Where a problem is, in words: "Paragraph 3", "Summary", "Recommendation". */
function Where({ p }: { p: PublicationProblem }) {
  const { t } = useTranslation();
  if (p.paragraph !== null)
    return (
      <>
        {t("reports.paragraphNumber", { n: p.paragraph })}
        {p.part === "footnote" ? ` (${t("reports.parts.footnote")})` : ""}
      </>
    );
  return (
    <>{p.part ? t(`reports.parts.${p.part}` as "reports.parts.summary", { defaultValue: p.part }) : "—"}</>
  );
}

/**
 * The publication check: every problem standing between the report and the public, with a link to where it is
 * fixed; the mandate holder may override one, for a reason that is recorded.
 */
export function PublicationCheckPanel({ content: c }: { content: ReportContent }) {
  const { t, i18n } = useTranslation();
  const check = usePublicationCheck(c.reportId);
  const queryClient = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const data = check.data;
  const override = async (e: FormEvent, key: string) => {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      const next = await api.post<PublicationCheck>(`/reports/${c.reportId}/overrides`, {
        key,
        reason: reasons[key] ?? "",
      });
      queryClient.setQueryData(checkKey(c.reportId), next);
      await queryClient.invalidateQueries({ queryKey: ["history", c.reportId] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("app.error"));
    } finally {
      setBusy(false);
    }
  };
  const hrefOf = (p: PublicationProblem) => {
    const hash = p.link.includes("#") ? p.link.slice(p.link.indexOf("#")) : null;
    return p.link.startsWith(`/app/reports/${c.reportId}`) && hash ? hash : null;
  };
  return (
    <section className="publication-check" aria-labelledby="publication-check-title" id="report-check">
      <h3 id="publication-check-title">{t("reports.check")}</h3>
      <p className="hint">{t("reports.checkIntro")}</p>
      <button type="button" disabled={check.isFetching} onClick={() => check.refetch()}>
        {t("reports.runCheck")}
      </button>
      <p role="status" className="check-status">
        {check.isFetching
          ? t("app.loading")
          : data
            ? data.problems.length === 0
              ? t("reports.checkClean")
              : t("reports.checkResult", { count: data.problems.length, blocking: data.blocking })
            : ""}
      </p>
      {(check.error || error) && (
        <p role="alert" className="error">
          {error || (check.error instanceof ApiError ? check.error.message : t("app.error"))}
        </p>
      )}
      {data && data.problems.length > 0 && (
        <ul className="problems">
          {data.problems.map((p) => {
            const href = hrefOf(p);
            return (
              <li key={p.key} className={p.override ? "overridden" : "blocking"}>
                <p>
                  <strong>
                    {t(`reports.rules.${p.rule}` as "reports.rules.consent", { count: p.count ?? 0 })}
                  </strong>{" "}
                  — <Where p={p} />
                  {p.personCode && ` · ${t("reports.person", { code: p.personCode })}`}
                  {p.identityKind &&
                    p.rule === "identifying_data" &&
                    ` · ${t(`reports.identityKinds.${p.identityKind}` as "reports.identityKinds.alias")}`}
                </p>
                <p className="problem-links">
                  {href ? (
                    <a href={href}>{t("reports.goTo")}</a>
                  ) : (
                    <Link to={p.link.replace(/^\/app/, "")}>{t("reports.goTo")}</Link>
                  )}
                  {p.sourceId && (
                    <>
                      {" · "}
                      <Link to={`/sources/${p.sourceId}`}>{t("reports.openSource")}</Link>
                    </>
                  )}
                </p>
                {p.override ? (
                  <p className="override">
                    {t("reports.overridden", {
                      by: p.override.by ?? "—",
                      at: new Intl.DateTimeFormat(i18n.language, {
                        dateStyle: "medium",
                        timeStyle: "short",
                      }).format(new Date(p.override.at)),
                    })}{" "}
                    <q>{p.override.reason}</q>
                  </p>
                ) : (
                  data.canOverride && (
                    <form className="inline-form" onSubmit={(e) => override(e, p.key)}>
                      <label htmlFor={`reason-${p.key}`}>{t("reports.overrideReason")}</label>
                      <input
                        id={`reason-${p.key}`}
                        value={reasons[p.key] ?? ""}
                        minLength={3}
                        maxLength={2000}
                        required
                        onChange={(e) => setReasons({ ...reasons, [p.key]: e.target.value })}
                      />
                      <button type="submit" disabled={busy}>
                        {t("reports.override")}
                      </button>
                    </form>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
