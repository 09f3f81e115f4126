import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Day, DayRange, formatDay } from "./day-text.js";
import type { StatusVisit, VisitStatusRow } from "./use-visit-status.js";
import { useValueLabel } from "./value-label.js";

function Reminders({ days }: { days: string[] }) {
  const { t } = useTranslation();
  if (!days.length) return <span className="none">{t("visits.noReminder")}</span>;
  return (
    <>
      {t("visits.reminderCount", { count: days.length })}
      <ul className="plain-list">
        {days.map((d, i) => (
          // The same day can hold two reminders (a note verbale and a letter).
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for a render and has no other key.
          <li key={`${d}-${i}`}>
            <Day value={d} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Visits({ visits }: { visits: StatusVisit[] }) {
  const { t } = useTranslation();
  const label = useValueLabel();
  if (!visits.length) return <span className="none">{t("visits.noVisit")}</span>;
  return (
    <ul className="plain-list">
      {visits.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: visits have no id in the table; their order is fixed.
        <li key={i}>
          {v.startOn || v.endOn ? <DayRange from={v.startOn} to={v.endOn} /> : t("visits.datesUnknown")} (
          {label(v.kind)}, {label(v.status)})
        </li>
      ))}
    </ul>
  );
}

/** The status of country visits: one row per request, its reminders, where it stands and the visits it led to. */
export function VisitStatusTable({ rows }: { rows: VisitStatusRow[] }) {
  const { t, i18n } = useTranslation();
  const label = useValueLabel();
  const lang = i18n.language === "ko" ? "ko" : "en";
  return (
    <table className="records visit-status">
      <caption>{t("visits.caption", { count: rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("visits.state")}</th>
          <th scope="col">{t("visits.requested")}</th>
          <th scope="col">{t("visits.reminders")}</th>
          <th scope="col">{t("visits.status")}</th>
          <th scope="col">{t("visits.visitDates")}</th>
          <th scope="col">{t("visits.report")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const symbols = r.visits.flatMap((v) => (v.reportSymbol ? [v.reportSymbol] : []));
          return (
            <tr key={r.requestId ?? r.visits[0]?.id}>
              <th scope="row">
                <Link
                  to={r.requestId ? `/visit-requests/${r.requestId}` : `/visits/${r.visits[0]?.id ?? ""}`}
                  aria-label={
                    r.requestId ? t("visits.openRequest", { state: r.countryName[lang] }) : undefined
                  }
                >
                  {r.countryName[lang]}
                </Link>{" "}
                <span className="code">{r.country}</span>
              </th>
              <td>
                {r.firstRequestedOn ? (
                  <Day value={r.firstRequestedOn} />
                ) : (
                  <span className="none">{t("record.none")}</span>
                )}
              </td>
              <td>
                <Reminders days={r.reminders} />
              </td>
              <td>
                {label(r.status)}
                {r.statusOn && (
                  <>
                    <br />
                    <small>{t("visits.since", { day: formatDay(r.statusOn, i18n.language) })}</small>
                  </>
                )}
              </td>
              <td>
                <Visits visits={r.visits} />
              </td>
              <td>
                {symbols.length ? symbols.join(", ") : <span className="none">{t("record.none")}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
