import { scaleLinear } from "d3-scale";
import { useTranslation } from "react-i18next";
import type { Bar } from "./chart-data.js";
import { textWidth } from "./chart-data.js";
import { fitText, gridLine, ink, muted } from "./chart-text.js";

interface Props {
  /** The accessible name of the chart: what it shows and how many bars. */
  label: string;
  bars: Bar[];
}

const width = 720;
const fontSize = 12;
const row = 26;
const barHeight = 18;
const top = 8;
const bottomAxis = 26;
const colour = "#0b5cad";

/** Horizontal bars, largest first, each named on its left and with its number at its end. */
export function BarChart({ label, bars }: Props) {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const nameWidth = Math.min(260, Math.max(60, ...bars.map((b) => textWidth(b.label, fontSize))));
  const left = nameWidth + 16;
  const right = width - 56;
  const height = top + bars.length * row + bottomAxis;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...bars.map((b) => b.value))])
    .nice()
    .range([left, right]);
  const ticks = x.ticks(6).filter(Number.isInteger);
  const axisY = top + bars.length * row;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="chart-svg"
      fontSize={fontSize}
      fill={ink}
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top} y2={axisY} stroke={gridLine} />
          <text x={x(v)} y={axisY + 16} textAnchor="middle" fill={muted}>
            {number.format(v)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * row + (row - barHeight) / 2;
        return (
          <g key={b.key}>
            <text x={left - 8} y={y + barHeight / 2} dy="0.35em" textAnchor="end">
              {fitText(b.label, nameWidth, fontSize)}
            </text>
            <rect x={left} y={y} width={Math.max(0, x(b.value) - left)} height={barHeight} fill={colour}>
              <title>{`${b.label}: ${number.format(b.value)}`}</title>
            </rect>
            <text x={x(b.value) + 6} y={y + barHeight / 2} dy="0.35em" fontWeight={700}>
              {number.format(b.value)}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={left} y1={top} y2={axisY} stroke={muted} />
    </svg>
  );
}
