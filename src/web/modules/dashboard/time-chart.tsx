import { scaleBand, scaleLinear } from "d3-scale";
import { useTranslation } from "react-i18next";
import type { AnalyticsPeriod } from "../../api/types.js";
import {
  axisLabel,
  axisTicks,
  type ChartSeries,
  formatPeriod,
  periodTotals,
  stackSeries,
  textWidth,
} from "./chart-data.js";
import { fitText, gridLine, ink, muted } from "./chart-text.js";
import { fillOf, SeriesPatterns } from "./patterns.js";

interface Props {
  /** Prefix of the ids inside the SVG (patterns), unique on the page. */
  chartId: string;
  /** The accessible name of the chart: what it shows and its totals. */
  label: string;
  kind: AnalyticsPeriod;
  periods: string[];
  series: ChartSeries[];
}

const width = 720;
const margin = { left: 52, right: 12, top: 26 };
const plotHeight = 240;
const fontSize = 12;
const legendRow = 20;

/**
 * Acts per period as stacked bars, one segment per series, with a legend of labelled swatches drawn inside the
 * SVG (so an exported image keeps it). Every attribute is a presentation attribute, so the SVG stands alone.
 */
export function TimeChart({ chartId, label, kind, periods, series }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const number = new Intl.NumberFormat(lang);
  const quarter = (q: number, year: string) => t("dashboard.quarter", { quarter: q, year });
  const right = width - margin.right;
  const bottom = margin.top + plotHeight;

  const totals = periodTotals(series, periods.length);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice()
    .range([bottom, margin.top]);
  const yTicks = y.ticks(5).filter(Number.isInteger);
  const x = scaleBand<string>()
    .domain(periods)
    .range([margin.left, right])
    .paddingInner(periods.length > 40 ? 0.1 : 0.2)
    .paddingOuter(0.1);
  const band = x.bandwidth();
  const sample = periods[0] ? axisLabel(periods[0], kind, 1, lang, quarter) : "";
  const ticks = axisTicks(
    periods,
    kind,
    Math.floor((right - margin.left) / (textWidth(sample, fontSize) + 14)),
  );
  const stacks = stackSeries(series);

  // The legend: as many columns as the longest label allows, at most three.
  const swatch = 14;
  const labelWidth = Math.max(...series.map((s) => textWidth(s.label, fontSize)), 0);
  const available = width - margin.left - margin.right;
  const columns = Math.max(1, Math.min(3, series.length, Math.floor(available / (labelWidth + swatch + 24))));
  const columnWidth = available / columns;
  const legendTop = bottom + 44;
  const height = legendTop + Math.ceil(series.length / columns) * legendRow + 6;

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="chart-svg"
      fontSize={fontSize}
      fill={ink}
    >
      <SeriesPatterns chartId={chartId} series={series} />
      <text x={margin.left - 8} y={margin.top - 12} textAnchor="end" fill={muted}>
        {t("dashboard.acts")}
      </text>
      {yTicks.map((v) => (
        <g key={v}>
          <line x1={margin.left} x2={right} y1={y(v)} y2={y(v)} stroke={gridLine} />
          <text x={margin.left - 6} y={y(v)} dy="0.35em" textAnchor="end" fill={muted}>
            {number.format(v)}
          </text>
        </g>
      ))}
      {series.map((s, si) => (
        <g key={s.key} fill={fillOf(chartId, si)}>
          {stacks[si]?.map(([y0, y1], i) => {
            const p = periods[i];
            if (p === undefined || y1 === y0) return null;
            return (
              <rect
                key={p}
                x={x(p)}
                y={y(y1)}
                width={band}
                height={y(y0) - y(y1)}
                stroke="#ffffff"
                strokeWidth={Math.min(1, band / 8)}
              >
                <title>{`${s.label}, ${formatPeriod(p, kind, lang, quarter)}: ${number.format(y1 - y0)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
      <line x1={margin.left} x2={right} y1={bottom} y2={bottom} stroke={muted} />
      {ticks.indices.map((i) => {
        const p = periods[i];
        if (p === undefined) return null;
        const at = (x(p) ?? 0) + band / 2;
        const text = axisLabel(p, kind, ticks.step, lang, quarter);
        // A label at either end stays inside the drawing.
        const half = textWidth(text, fontSize) / 2;
        const textAt = Math.min(width - 2 - half, Math.max(half + 2, at));
        return (
          <g key={p}>
            <line x1={at} x2={at} y1={bottom} y2={bottom + 4} stroke={muted} />
            <text x={textAt} y={bottom + 18} textAnchor="middle" fill={muted}>
              {text}
            </text>
          </g>
        );
      })}
      {series.map((s, i) => {
        const col = i % columns;
        const row = Math.floor(i / columns);
        const lx = margin.left + col * columnWidth;
        const ly = legendTop + row * legendRow;
        return (
          <g key={s.key} transform={`translate(${lx} ${ly})`}>
            <rect
              width={swatch}
              height={swatch}
              y={-swatch + 3}
              fill={fillOf(chartId, i)}
              stroke={s.colour}
            />
            <text x={swatch + 6} y={0}>
              {fitText(s.label, columnWidth - swatch - 14, fontSize)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
