import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AnalyticsPeriod } from "../../api/types.js";
import { type Bar, type ChartSeries, formatPeriod, periodTotals } from "./chart-data.js";

/** The numbers of a time chart: one row per period, one column per series, and the totals. */
export function TimeTable({
  caption,
  kind,
  periods,
  series,
}: {
  caption: string;
  kind: AnalyticsPeriod;
  periods: string[];
  series: ChartSeries[];
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const quarter = (q: number, year: string) => t("dashboard.quarter", { quarter: q, year });
  const totals = periodTotals(series, periods.length);
  return (
    // A long or wide table scrolls in its box; the box takes the focus so the keyboard can scroll it (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by the keyboard.
    <section className="table-scroll" aria-label={`${t("dashboard.showTable")}: ${caption}`} tabIndex={0}>
      <table className="records chart-data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.period")}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            <th scope="col">{t("dashboard.total")}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((p, i) => (
            <tr key={p}>
              <th scope="row">{formatPeriod(p, kind, i18n.language, quarter)}</th>
              {series.map((s) => (
                <td key={s.key}>{number.format(s.values[i] ?? 0)}</td>
              ))}
              <td>{number.format(totals[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("dashboard.total")}</th>
            {series.map((s) => (
              <td key={s.key}>{number.format(s.total)}</td>
            ))}
            <td>{number.format(totals.reduce((a, b) => a + b, 0))}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** The numbers of a bar chart; each bar's name can open what it counts (the search narrowed to a place…). */
export function BarTable({
  caption,
  heading,
  valueHeading,
  bars,
  hrefOf,
}: {
  caption: string;
  heading: string;
  /** What the numbers count; acts unless told. */
  valueHeading?: string;
  bars: Bar[];
  hrefOf?: (bar: Bar) => string;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <table className="records chart-data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{valueHeading ?? t("dashboard.acts")}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row">{hrefOf ? <Link to={hrefOf(b)}>{b.label}</Link> : b.label}</th>
            <td>{number.format(b.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
