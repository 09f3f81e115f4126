import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AddresseeFigures } from "./use-action-figures.js";

/** Where the list of communications to one addressee is. */
export const addresseeHref = (a: AddresseeFigures) =>
  a.code === "OTH" ? "/communications?addresseeKind=non_state" : `/communications?addresseeCountry=${a.code}`;

/** A year's communications per addressee: how many, how many replied, how many alleged victims; and the totals. */
export function AddresseeTable({
  caption,
  rows,
  nameOf,
}: {
  caption: string;
  rows: AddresseeFigures[];
  nameOf: (a: AddresseeFigures) => string;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const sum = (k: "count" | "replied" | "victims") => rows.reduce((s, r) => s + r[k], 0);
  return (
    <table className="records chart-data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("dashboard.communicationsAddressee")}</th>
          <th scope="col">{t("dashboard.communicationsCount")}</th>
          <th scope="col">{t("dashboard.communicationsReplied")}</th>
          <th scope="col">{t("dashboard.communicationsVictims")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.code}>
            <th scope="row">
              <Link to={addresseeHref(a)}>{nameOf(a)}</Link>
            </th>
            <td>{number.format(a.count)}</td>
            <td>{number.format(a.replied)}</td>
            <td>{number.format(a.victims)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("dashboard.total")}</th>
          <td>{number.format(sum("count"))}</td>
          <td>{number.format(sum("replied"))}</td>
          <td>{number.format(sum("victims"))}</td>
        </tr>
      </tfoot>
    </table>
  );
}
