import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client.js";
import { useMandate } from "../../app/mandate-context.js";
import { statusCsvHref, useVisitStatus } from "./use-visit-status.js";
import { VisitStatusTable } from "./visit-status-table.js";

/**
 * The status of country visits: each request to a state with its first request, reminders and status, and the
 * visits it led to; downloadable as CSV in the page's language, as annual reports give it.
 */
export default function VisitStatusPage() {
  const { t, i18n } = useTranslation();
  const { mandate } = useMandate();
  const status = useVisitStatus(mandate?.id);
  return (
    <>
      <div className="page-head">
        <h1>{t("visits.title")}</h1>
        {mandate?.abilities.createRecords && (
          <Link className="button" to="/visit-requests/new">
            {t("visits.newRequest")}
          </Link>
        )}
      </div>
      <p>{t("visits.intro")}</p>
      <ul className="link-row">
        {mandate && (
          <li>
            <a href={statusCsvHref(mandate.id, i18n.language)} download>
              {t("visits.downloadCsv")}
            </a>
          </li>
        )}
        <li>
          <Link to="/visit-requests">{t("visits.allRequests")}</Link>
        </li>
        <li>
          <Link to="/visits">{t("visits.allVisits")}</Link>
        </li>
      </ul>
      {status.isPending && <p>{t("app.loading")}</p>}
      {status.error && (
        <p role="alert" className="error">
          {status.error instanceof ApiError ? status.error.message : t("app.error")}
        </p>
      )}
      {status.data &&
        (status.data.items.length ? (
          <VisitStatusTable rows={status.data.items} />
        ) : (
          <p>{t("visits.empty")}</p>
        ))}
    </>
  );
}
