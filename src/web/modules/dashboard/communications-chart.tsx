import { useTranslation } from "react-i18next";
import { useCountryNames } from "../places/use-country-names.js";
import { AddresseeTable } from "./addressee-table.js";
import { BarChart } from "./bar-chart.js";
import { ChartSection } from "./chart-section.js";
import { buildCsv } from "./csv.js";
import type { AddresseeFigures, CommunicationFigures } from "./use-action-figures.js";

/** The year's reply rate and alleged victims in a sentence or two, so no one has to read them off a chart. */
function useFiguresText(f: CommunicationFigures) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  const sent = t("dashboard.communicationsCaption", {
    count: f.total,
    formatted: number.format(f.total),
    year: f.year,
    joint: number.format(f.joint),
    states: number.format(f.states),
  });
  const victims = t("dashboard.communicationsVictimsText", {
    count: f.allegedVictims,
    formatted: number.format(f.allegedVictims),
  });
  const replies =
    f.replyRate === null
      ? ""
      : t("dashboard.communicationsReplyRate", {
          replied: number.format(f.replied),
          total: number.format(f.total),
          rate: percent.format(f.replyRate / 100),
        });
  return [sent, victims, replies].filter(Boolean).join(" ");
}

/**
 * A year's communications per addressee, the year chosen among those with sent letters; the reply rate and the
 * alleged victims are stated in words under the chart.
 */
export function CommunicationsChart({
  figures: f,
  onYear,
}: {
  figures: CommunicationFigures;
  onYear: (year: number) => void;
}) {
  const { t } = useTranslation();
  const countryName = useCountryNames(f.byAddressee.map((a) => a.code));
  const nameOf = (a: AddresseeFigures) =>
    a.code === "OTH" ? t("dashboard.communicationsNonState") : countryName(a.code);
  const id = "communications-by-addressee";
  const title = t("dashboard.communicationsTitle", { year: f.year });
  const caption = useFiguresText(f);
  const bars = f.byAddressee.map((a) => ({ key: a.code, label: nameOf(a), value: a.count }));
  const years = f.years.includes(f.year) ? f.years : [f.year, ...f.years];
  const csv = buildCsv(
    [
      t("dashboard.communicationsAddressee"),
      t("dashboard.communicationsCode"),
      t("dashboard.communicationsCount"),
      t("dashboard.communicationsReplied"),
      t("dashboard.communicationsVictims"),
    ],
    f.byAddressee.map((a) => [nameOf(a), a.code, a.count, a.replied, a.victims]),
  );
  return (
    <ChartSection
      id={id}
      title={title}
      caption={caption}
      filtersLine={t("dashboard.communicationsScope", { year: f.year })}
      filename={`${id}-${f.year}`}
      csv={csv}
      controls={
        <div className="dashboard-controls">
          <label htmlFor="communications-year">{t("dashboard.communicationsYear")}</label>
          <select id="communications-year" value={f.year} onChange={(e) => onYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      }
      table={<AddresseeTable caption={title} rows={f.byAddressee} nameOf={nameOf} />}
    >
      {bars.length > 0 ? (
        <BarChart label={`${title}. ${caption} ${t("dashboard.seeTable")}`} bars={bars} />
      ) : (
        <p>{t("dashboard.communicationsNone", { year: f.year })}</p>
      )}
    </ChartSection>
  );
}
