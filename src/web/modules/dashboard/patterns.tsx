import type { ChartSeries } from "./chart-data.js";
import type { Pattern } from "./palette.js";

// White strokes over the series colour, on a 6-unit tile: thin enough that the colour keeps its contrast.
const overlays: Record<Pattern, string | null> = {
  solid: null,
  diagonal: "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2",
  backslash: "M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2",
  horizontal: "M0,3 h6",
  vertical: "M3,0 v6",
  crosshatch: "M0,3 h6 M3,0 v6",
  dots: null,
};

/** The fill of series `index` of chart `chartId`. */
export const fillOf = (chartId: string, index: number) => `url(#${chartId}-p${index})`;

/** One `<pattern>` per series: its colour, and a texture of its own so no series depends on colour alone. */
export function SeriesPatterns({ chartId, series }: { chartId: string; series: ChartSeries[] }) {
  return (
    <defs>
      {series.map((s, i) => {
        const overlay = overlays[s.pattern];
        return (
          <pattern key={s.key} id={`${chartId}-p${i}`} patternUnits="userSpaceOnUse" width={6} height={6}>
            <rect width={6} height={6} fill={s.colour} />
            {overlay && <path d={overlay} stroke="#ffffff" strokeWidth={1.1} />}
            {s.pattern === "dots" && <circle cx={3} cy={3} r={1.2} fill="#ffffff" />}
          </pattern>
        );
      })}
    </defs>
  );
}
