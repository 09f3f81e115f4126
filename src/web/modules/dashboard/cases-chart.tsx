import { useTranslation } from "react-i18next";
import { useValueLabel } from "../visits/value-label.js";
import { BarChart } from "./bar-chart.js";
import { barsCsv } from "./chart-data.js";
import { ChartSection } from "./chart-section.js";
import { BarTable } from "./chart-tables.js";
import { type CaseFigures, caseStatuses } from "./use-action-figures.js";

/** Statuses with cases, most cases first; the order of a case's life on a tie. */
export const statusBars = (figures: CaseFigures, labelOf: (code: string) => string) =>
  Object.entries(figures.byStatus)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || caseStatuses.indexOf(a) - caseStatuses.indexOf(b))
    .map(([code, n]) => ({ key: code, label: labelOf(code), value: n }));

/** The cases the reader may read by status, with how many are urgent or of high priority said in words. */
export function CasesChart({ figures }: { figures: CaseFigures }) {
  const { t, i18n } = useTranslation();
  const label = useValueLabel();
  const number = new Intl.NumberFormat(i18n.language);
  const id = "cases-by-status";
  const title = t("dashboard.casesTitle");
  const bars = statusBars(figures, label);
  const caption = t("dashboard.casesCaption", {
    count: figures.total,
    formatted: number.format(figures.total),
    urgent: number.format(figures.byPriority.urgent ?? 0),
    high: number.format(figures.byPriority.high ?? 0),
  });
  const heading = t("dashboard.casesStatus");
  const valueHeading = t("dashboard.casesCount");
  return (
    <ChartSection
      id={id}
      title={title}
      caption={caption}
      filtersLine={t("dashboard.casesScope")}
      filename={id}
      csv={barsCsv(bars, { label: heading, value: valueHeading })}
      table={
        <BarTable
          caption={title}
          heading={heading}
          valueHeading={valueHeading}
          bars={bars}
          hrefOf={(b) => `/cases?status=${b.key}`}
        />
      }
    >
      {bars.length > 0 ? (
        <BarChart label={`${title}. ${caption} ${t("dashboard.seeTable")}`} bars={bars} />
      ) : (
        <p>{t("dashboard.casesNone")}</p>
      )}
    </ChartSection>
  );
}
