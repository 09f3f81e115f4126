import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useTerms } from "../../api/queries.js";
import { type ActsOverTime, type AnalyticsPeriod, analyticsPeriods, type TopPlace } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { ActiveFilters, filtersText, useFiltersInUse } from "../search/active-filters.js";
import { actsQuery, viewHref, withValues } from "../search/search-params.js";
import { SearchViews } from "../search/search-views.js";
import { termLabel } from "../search/term-options.js";
import { ActionCharts } from "./action-charts.js";
import { BarChart } from "./bar-chart.js";
import { barsCsv, formatPeriod, shapeSeries, timeSeriesCsv } from "./chart-data.js";
import { ChartSection } from "./chart-section.js";
import { BarTable, TimeTable } from "./chart-tables.js";
import { TimeChart } from "./time-chart.js";
import { placeLabel, refusal, useActsOverTime, useTopPlaces } from "./use-analytics.js";

const periodOf = (value: string | null): AnalyticsPeriod =>
  analyticsPeriods.find((p) => p === value) ?? "year";

/**
 * Charts of the coded acts that match the search's filters (the same address parameters as the search page and
 * the map): over time by type of act and by sex of victim, and the places with most acts. Each chart can be
 * read as a table and downloaded as PNG and CSV.
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { mandate } = useMandate();
  const [params, setParams] = useSearchParams();
  const period = periodOf(params.get("period"));
  const query = mandate ? actsQuery(params, mandate.id) : null;
  const byType = useActsOverTime(query, period, "actType");
  const bySex = useActsOverTime(query, period, "victimSex");
  const provinces = useTopPlaces(query, "province", 20);
  const counties = useTopPlaces(query, "county", 20);
  const filtersLine = filtersText(useFiltersInUse(params), t("filters.noneShort"));
  const number = new Intl.NumberFormat(i18n.language);

  const error = byType.error ?? bySex.error ?? provinces.error ?? counties.error;
  const total = byType.data?.total;
  return (
    <div className="dashboard-page">
      <div className="page-head">
        <h1>{t("dashboard.title")}</h1>
      </div>
      <SearchViews current="dashboard" />
      <ActiveFilters />
      <p role="status" className="result-count">
        {total === undefined
          ? byType.isFetching
            ? t("app.loading")
            : ""
          : t("dashboard.matching", { count: total, formatted: number.format(total) })}
      </p>
      {error && (
        <p role="alert" className="error">
          {refusal(error)}
        </p>
      )}
      {total === 0 && <p>{t("dashboard.none")}</p>}
      {total !== undefined && total > 0 && (
        <>
          <div className="dashboard-controls">
            <label htmlFor="dashboard-period">{t("dashboard.period")}</label>
            <select
              id="dashboard-period"
              value={period}
              onChange={(e) => setParams((prev) => withValues(prev, { period: e.target.value }))}
            >
              {analyticsPeriods.map((p) => (
                <option key={p} value={p}>
                  {t(`dashboard.per.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="charts">
            {byType.data && (
              <TimeSeriesChart
                id="acts-by-type"
                title={t("dashboard.byActType")}
                data={byType.data}
                list="types_of_acts"
                filtersLine={filtersLine}
              />
            )}
            {bySex.data && (
              <TimeSeriesChart
                id="acts-by-sex"
                title={t("dashboard.byVictimSex")}
                data={bySex.data}
                list="sex"
                filtersLine={filtersLine}
              />
            )}
            {provinces.data && (
              <PlacesChart
                id="top-provinces"
                title={t("dashboard.topProvinces")}
                heading={t("search.facet.province")}
                level="province"
                places={provinces.data}
                filtersLine={filtersLine}
              />
            )}
            {counties.data && (
              <PlacesChart
                id="top-counties"
                title={t("dashboard.topCounties")}
                heading={t("search.facet.county")}
                level="county"
                places={counties.data}
                filtersLine={filtersLine}
              />
            )}
          </div>
        </>
      )}
      {mandate && <ActionCharts mandateId={mandate.id} />}
    </div>
  );
}

/** Acts per period split by a vocabulary (types of acts, sex of victim), labelled in the reader's language. */
function TimeSeriesChart({
  id,
  title,
  data,
  list,
  filtersLine,
}: {
  id: string;
  title: string;
  data: ActsOverTime;
  list: string;
  filtersLine: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const terms = useTerms(list).data;
  const number = new Intl.NumberFormat(lang);
  const quarter = (q: number, year: string) => t("dashboard.quarter", { quarter: q, year });
  const series = shapeSeries(data.series, (s) =>
    s.key === null
      ? { label: t("dashboard.notRecorded"), code: null }
      : s.key === "~other"
        ? { label: t("dashboard.other"), code: null }
        : { label: termLabel(terms, s.key, lang), code: s.key },
  );
  const first = data.periods[0];
  const last = data.periods[data.periods.length - 1];
  const dated = data.total - data.undated;
  const per = t(`dashboard.per.${data.period}`);
  const caption =
    first && last
      ? t("dashboard.timeCaption", {
          count: dated,
          formatted: number.format(dated),
          from: formatPeriod(first, data.period, lang, quarter),
          to: formatPeriod(last, data.period, lang, quarter),
          per,
        })
      : t("dashboard.noDates");
  const undated = data.undated
    ? t("dashboard.undated", { count: data.undated, formatted: number.format(data.undated) })
    : "";
  return (
    <ChartSection
      id={id}
      title={title}
      caption={undated ? `${caption} ${undated}` : caption}
      filtersLine={filtersLine}
      filename={`${id}-${data.period}`}
      csv={timeSeriesCsv(data.periods, series, {
        period: t("dashboard.period"),
        total: t("dashboard.total"),
      })}
      table={<TimeTable caption={title} kind={data.period} periods={data.periods} series={series} />}
    >
      {data.periods.length > 0 && (
        <TimeChart
          chartId={id}
          label={`${title}. ${caption} ${t("dashboard.seeTable")}`}
          kind={data.period}
          periods={data.periods}
          series={series}
        />
      )}
    </ChartSection>
  );
}

/** The places with most acts as horizontal bars; the table's names open the search narrowed to each place. */
function PlacesChart({
  id,
  title,
  heading,
  level,
  places,
  filtersLine,
}: {
  id: string;
  title: string;
  heading: string;
  level: "province" | "county";
  places: TopPlace[];
  filtersLine: string;
}) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const number = new Intl.NumberFormat(i18n.language);
  const bars = places.map((p) => ({
    key: p.placeId,
    label: placeLabel(p.label, i18n.language),
    value: p.count,
  }));
  const shown = bars.reduce((sum, b) => sum + b.value, 0);
  const caption = t("dashboard.placesCaption", {
    count: bars.length,
    places: number.format(bars.length),
    acts: number.format(shown),
  });
  return (
    <ChartSection
      id={id}
      title={title}
      caption={caption}
      filtersLine={filtersLine}
      filename={id}
      csv={barsCsv(bars, { label: heading, value: t("dashboard.acts") })}
      table={
        <BarTable
          caption={title}
          heading={heading}
          bars={bars}
          hrefOf={(b) =>
            viewHref(
              "results",
              params,
              level === "province" ? { province: b.key, county: null } : { county: b.key },
            )
          }
        />
      }
    >
      {bars.length > 0 ? (
        <BarChart label={`${title}. ${caption} ${t("dashboard.seeTable")}`} bars={bars} />
      ) : (
        <p>{t("dashboard.noPlaces")}</p>
      )}
    </ChartSection>
  );
}
