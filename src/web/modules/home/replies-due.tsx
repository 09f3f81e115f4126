import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiRecord } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { useCountryNames } from "../places/use-country-names.js";
import { Day } from "../visits/day-text.js";
import { isOverdue, localToday } from "./home-lists.js";
import { useRepliesDue } from "./use-home-lists.js";

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

/** Home: the letters sent to states whose reply is awaited, the earliest deadline first, overdue ones marked. */
export function RepliesDue() {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const replies = useRepliesDue(mandate?.id);
  const countryName = useCountryNames((replies.data ?? []).map((c) => text(c.addresseeCountry)));
  const today = localToday();
  const addressee = (c: ApiRecord) => {
    const country = text(c.addresseeCountry);
    const name = text(c.addresseeName);
    if (c.addresseeKind === "state" && country)
      return name ? `${countryName(country)} (${name})` : countryName(country);
    return name ?? t("record.none");
  };
  return (
    <section className="home-section" aria-labelledby="replies-title">
      <h2 id="replies-title">{t("home.repliesTitle")}</h2>
      {replies.isPending && <p>{t("app.loading")}</p>}
      {replies.error && (
        <p role="alert" className="error">
          {replies.error.message}
        </p>
      )}
      {replies.data?.length === 0 && <p>{t("home.repliesNone")}</p>}
      {replies.data && replies.data.length > 0 && (
        <table className="records">
          <caption>{t("home.repliesCaption", { count: replies.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("home.repliesReference")}</th>
              <th scope="col">{t("home.repliesSubject")}</th>
              <th scope="col">{t("home.repliesAddressee")}</th>
              <th scope="col">{t("home.repliesDue")}</th>
            </tr>
          </thead>
          <tbody>
            {replies.data.map((c) => {
              const due = text(c.replyDueOn);
              return (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/communications/${c.id}`}>
                      {text(c.reference) ?? t("home.repliesNoReference")}
                    </Link>
                  </th>
                  <td>{text(c.subject)}</td>
                  <td>{addressee(c)}</td>
                  <td>
                    {due ? <Day value={due} /> : <span className="none">{t("record.none")}</span>}
                    {isOverdue(due, today) && (
                      <span className="badge overdue">{t("home.repliesOverdue")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/communications?status=sent&sort=replyDueOn&order=asc">{t("home.repliesAll")}</Link>
      </p>
    </section>
  );
}
