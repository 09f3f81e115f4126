import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiRecord } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { Day } from "../visits/day-text.js";
import { useValueLabel } from "../visits/value-label.js";
import { isOverdue, localToday } from "./home-lists.js";
import { useUrgentCases } from "./use-home-lists.js";

function CaseRow({ c, today }: { c: ApiRecord; today: string }) {
  const { t } = useTranslation();
  const label = useValueLabel();
  const due = typeof c.nextActionOn === "string" ? c.nextActionOn : null;
  return (
    <tr>
      <th scope="row">
        <Link to={`/cases/${c.id}`}>{String(c.title ?? c.id)}</Link>
      </th>
      <td>
        <span className={`badge priority-${String(c.priority)}`}>{label(c.priority)}</span>
      </td>
      <td>{label(c.status)}</td>
      <td>
        {c.nextAction ? String(c.nextAction) : <span className="none">{t("home.urgentNoAction")}</span>}
      </td>
      <td>
        {due ? <Day value={due} /> : <span className="none">{t("home.urgentNoDate")}</span>}
        {isOverdue(due, today) && <span className="badge overdue">{t("home.urgentLate")}</span>}
      </td>
    </tr>
  );
}

/** Home: the urgent and high-priority cases still open, the soonest next action first. */
export function UrgentCases() {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const cases = useUrgentCases(mandate?.id);
  const today = localToday();
  return (
    <section className="home-section" aria-labelledby="urgent-title">
      <h2 id="urgent-title">{t("home.urgentTitle")}</h2>
      {cases.isPending && <p>{t("app.loading")}</p>}
      {cases.error && (
        <p role="alert" className="error">
          {cases.error.message}
        </p>
      )}
      {cases.data?.length === 0 && <p>{t("home.urgentNone")}</p>}
      {cases.data && cases.data.length > 0 && (
        <table className="records">
          <caption>{t("home.urgentCaption", { count: cases.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("home.urgentCase")}</th>
              <th scope="col">{t("home.urgentPriority")}</th>
              <th scope="col">{t("home.urgentStatus")}</th>
              <th scope="col">{t("home.urgentNextAction")}</th>
              <th scope="col">{t("home.urgentBy")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.map((c) => (
              <CaseRow key={c.id} c={c} today={today} />
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/cases">{t("home.urgentAll")}</Link>
      </p>
    </section>
  );
}
