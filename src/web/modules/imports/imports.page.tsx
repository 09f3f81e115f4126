import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api } from "../../api/client.js";
import { useMandate } from "../../app/mandate-context.js";
import { type ImportRun, importTypes } from "./import-api.js";
import { countsText, typeLabel } from "./import-labels.js";
import "./imports.css";

/** Roles that read identifying data; the server decides, this only spares others a link that would be refused. */
const identityRoles = new Set(["mandate_holder", "officer"]);

/** Downloads of each record type as CSV or XLSX: only readable records; identifying data on explicit request. */
function Exports({ mandateId, role }: { mandateId: string; role: string | null }) {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState(false);
  const href = (plural: string, format: string) =>
    `/api/v1/exports/${plural}.${format}?mandateId=${encodeURIComponent(mandateId)}${
      plural === "persons" && identity ? "&includeIdentity=1" : ""
    }`;
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">{t("imports.exportTitle")}</h2>
      <p>{t("imports.exportIntro")}</p>
      {role && identityRoles.has(role) && (
        <p>
          <label>
            <input type="checkbox" checked={identity} onChange={(e) => setIdentity(e.target.checked)} />{" "}
            {t("imports.exportIdentity")}
          </label>
        </p>
      )}
      <ul className="exports">
        {importTypes.map((plural) => (
          <li key={plural}>
            <span>{typeLabel(t, plural)}</span>
            {(["csv", "xlsx"] as const).map((format) => (
              <a
                key={format}
                href={href(plural, format)}
                download={`${plural}.${format}`}
                aria-label={t("imports.exportLink", {
                  type: typeLabel(t, plural),
                  format: format.toUpperCase(),
                })}
              >
                {format.toUpperCase()}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Imports of the mandate (newest first, each linking to its report), a new import, and exports. */
export default function ImportsPage() {
  const { t, i18n } = useTranslation();
  const { mandate } = useMandate();
  const runs = useQuery({
    queryKey: ["import-runs", mandate?.id],
    enabled: Boolean(mandate),
    queryFn: async () => (await api.get<{ items: ImportRun[] }>(`/imports?mandateId=${mandate?.id}`)).items,
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === "running") ? 1000 : false),
  });
  if (!mandate) return <p>{t("app.loading")}</p>;
  const items = runs.data ?? [];
  return (
    <>
      <div className="page-head">
        <h1>{t("imports.title")}</h1>
        {mandate.abilities.createRecords && (
          <Link className="button" to="/imports/new">
            {t("imports.new")}
          </Link>
        )}
      </div>
      {runs.error && (
        <p role="alert" className="error">
          {runs.error instanceof ApiError ? runs.error.message : t("app.error")}
        </p>
      )}
      {runs.data && items.length === 0 && <p>{t("imports.none")}</p>}
      {items.length > 0 && (
        <table className="records">
          <caption>{t("imports.runsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.started")}</th>
              <th scope="col">{t("imports.file")}</th>
              <th scope="col">{t("imports.type")}</th>
              <th scope="col">{t("imports.statusColumn")}</th>
              <th scope="col">{t("imports.created")}</th>
              <th scope="col">{t("imports.by")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <time dateTime={r.startedAt}>{new Date(r.startedAt).toLocaleString(i18n.language)}</time>
                </td>
                <td>
                  <Link to={`/imports/${r.id}`}>{r.filename}</Link>
                </td>
                <td>{typeLabel(t, r.type)}</td>
                <td>{t(`imports.statusName.${r.status}`)}</td>
                <td>{countsText(t, r.counts, i18n.language) || "—"}</td>
                <td>{r.startedByName ?? r.startedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mandate.abilities.export && <Exports mandateId={mandate.id} role={mandate.myRole} />}
    </>
  );
}
