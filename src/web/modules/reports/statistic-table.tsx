import { useTranslation } from "react-i18next";
import type { StatisticTable } from "../../../shared/report-body.js";

/** A live statistic as a table, a total row when there are several rows; cells of 1 or 2 are marked as small. */
export function StatisticTableView({ caption, table }: { caption: string; table: StatisticTable }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const sums = table.columns.slice(1).map((_, i) => table.rows.reduce((n, r) => n + (r.counts[i] ?? 0), 0));
  const cell = (n: number, key: string) => (
    <td key={key} className={n === 1 || n === 2 ? "small-cell" : undefined}>
      {number.format(n)}
      {(n === 1 || n === 2) && <span className="visually-hidden"> {t("reports.smallCell")}</span>}
    </td>
  );
  return (
    // Scrolls sideways when wide; focusable so a keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus.
    <section className="statistic-scroll" aria-label={caption || t("reports.statistic")} tabIndex={0}>
      <table className="records statistic-table">
        <caption>{caption || t("reports.statistic")}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
              <th scope="col" key={i}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
            <tr key={i}>
              <th scope="row">{r.label}</th>
              {r.counts.map((n, j) => cell(n, String(j)))}
            </tr>
          ))}
        </tbody>
        {table.rows.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t("reports.total")}</th>
              {sums.map((n, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                <td key={j}>{number.format(n)}</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}
