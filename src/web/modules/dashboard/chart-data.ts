import type { ActsSeries, AnalyticsPeriod } from "../../api/types.js";
import { buildCsv } from "./csv.js";
import {
  notRecordedColour,
  notRecordedPattern,
  otherColour,
  otherPattern,
  type Pattern,
  patterns,
  seriesColours,
} from "./palette.js";

/** The API's key of the series summing every series beyond the largest ones. */
export const otherKey = "~other";
/** Our key of the series of acts where the value is not recorded (the API's `null`). */
export const notRecordedKey = "~none";

/** One series as a chart draws it: a label in the reader's language, a colour and a pattern of its own. */
export interface ChartSeries {
  key: string;
  /** The vocabulary code, when the series is a term. */
  code: string | null;
  label: string;
  colour: string;
  pattern: Pattern;
  values: number[];
  total: number;
}

/**
 * The API's series in the order a reader expects (largest first, then the rest, then "not recorded"), each with
 * its label, colour and pattern. `labelOf` names a series from its key and, for places, its names.
 */
export function shapeSeries(
  series: ActsSeries[],
  labelOf: (s: ActsSeries) => { label: string; code: string | null },
): ChartSeries[] {
  const rank = (s: ActsSeries) => (s.key === null ? 2 : s.key === otherKey ? 1 : 0);
  const ordered = series
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || b.s.total - a.s.total || a.i - b.i)
    .map(({ s }) => s);
  let n = 0;
  return ordered.map((s) => {
    const named = labelOf(s);
    const base = { ...named, values: s.counts, total: s.total };
    if (s.key === null)
      return { ...base, key: notRecordedKey, colour: notRecordedColour, pattern: notRecordedPattern };
    if (s.key === otherKey) return { ...base, key: otherKey, colour: otherColour, pattern: otherPattern };
    const i = n++;
    return {
      ...base,
      key: s.key,
      colour: seriesColours[i % seriesColours.length] ?? "#0b5cad",
      pattern: patterns[i % patterns.length] ?? "solid",
    };
  });
}

/** Stacked bars: for each series, the bottom and top of its segment in each period (first series at the bottom). */
export function stackSeries(series: { values: number[] }[]): [number, number][][] {
  const heights: number[] = [];
  return series.map((s) =>
    s.values.map((v, i) => {
      const y0 = heights[i] ?? 0;
      heights[i] = y0 + v;
      return [y0, y0 + v];
    }),
  );
}

/** The sum of every series in each period. */
export const periodTotals = (series: { values: number[] }[], length: number) =>
  Array.from({ length }, (_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));

/** A period as the API writes it (2016, 2016-Q2, 2016-05) split into year and quarter or month. */
const partsOf = (period: string) => {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  return { year, quarter: rest.startsWith("Q") ? Number(rest.slice(1)) : 0, month: Number(rest) || 0 };
};

/** Says which quarter: "Q2 2016" in English, "2016년 2분기" in Korean (Intl has no quarters). */
export type QuarterWords = (quarter: number, year: string) => string;

const yearOf = (year: number, language: string) =>
  new Intl.DateTimeFormat(language, { year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, 0, 1));

/**
 * A period in the reader's language.
 * @example formatPeriod("2016-05", "month", "ko", q) // "2016년 5월"
 */
export function formatPeriod(period: string, kind: AnalyticsPeriod, language: string, quarter: QuarterWords) {
  const p = partsOf(period);
  if (!Number.isFinite(p.year)) return period;
  if (kind === "year") return yearOf(p.year, language);
  if (kind === "quarter") return quarter(p.quarter, String(p.year));
  return new Intl.DateTimeFormat(language, { year: "numeric", month: "short", timeZone: "UTC" }).format(
    Date.UTC(p.year, p.month - 1, 1),
  );
}

const steps: Record<AnalyticsPeriod, number[]> = {
  year: [1, 2, 5, 10, 20, 50, 100],
  quarter: [1, 2, 4, 8, 20, 40, 100],
  month: [1, 2, 3, 6, 12, 24, 60, 120, 240],
};

const ordinalOf = (period: string, kind: AnalyticsPeriod) => {
  const p = partsOf(period);
  return kind === "year"
    ? p.year
    : kind === "quarter"
      ? p.year * 4 + p.quarter - 1
      : p.year * 12 + p.month - 1;
};

/**
 * Which periods get a label on the time axis: at most `maxLabels`, on round steps (every 3 months, every
 * January, every fifth year…), so that labels never overlap.
 */
export function axisTicks(periods: string[], kind: AnalyticsPeriod, maxLabels: number) {
  const ordinals = periods.map((p) => ordinalOf(p, kind));
  for (const step of steps[kind]) {
    const indices = ordinals.flatMap((o, i) => (o % step === 0 ? [i] : []));
    if (indices.length <= Math.max(1, maxLabels)) return { step, indices };
  }
  return { step: Number.POSITIVE_INFINITY, indices: periods.length ? [0] : [] };
}

/** The label of a period on the time axis: just the year once labels are a year or more apart. */
export function axisLabel(
  period: string,
  kind: AnalyticsPeriod,
  step: number,
  language: string,
  quarter: QuarterWords,
) {
  const yearly = kind === "year" || (kind === "quarter" && step >= 4) || (kind === "month" && step >= 12);
  if (yearly) return yearOf(partsOf(period).year, language);
  if (kind === "quarter") return quarter(partsOf(period).quarter, String(partsOf(period).year));
  const { year, month } = partsOf(period);
  return new Intl.DateTimeFormat(language, { year: "2-digit", month: "short", timeZone: "UTC" }).format(
    Date.UTC(year, month - 1, 1),
  );
}

/**
 * About how wide a text is drawn, in the units of its font size: Hangul and CJK characters are square, Latin
 * letters and digits about half as wide. Enough to lay out labels without measuring them in the page.
 */
export function textWidth(text: string, fontSize: number) {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x11ff) ||
      (c >= 0x2e80 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff00 && c <= 0xffef);
    em += wide ? 1 : /[A-Z0-9MW]/.test(ch) ? 0.68 : 0.56;
  }
  return em * fontSize;
}

/** A series' name with its code when it has one, for a CSV header: "Female (020000000000)". */
const headed = (s: ChartSeries) => (s.code ? `${s.label} (${s.code})` : s.label);

/**
 * The numbers of a time chart as CSV: one row per period (as the API writes it: 2016, 2016-Q2, 2016-05), one
 * column per series, then the period's total.
 */
export function timeSeriesCsv(
  periods: string[],
  series: ChartSeries[],
  words: { period: string; total: string },
) {
  const totals = periodTotals(series, periods.length);
  return buildCsv(
    [words.period, ...series.map(headed), words.total],
    periods.map((p, i) => [p, ...series.map((s) => s.values[i] ?? 0), totals[i] ?? 0]),
  );
}

/** One bar of a bar chart: a place and its number of acts. */
export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** The numbers of a bar chart as CSV: one row per bar. */
export const barsCsv = (bars: Bar[], words: { label: string; value: string }) =>
  buildCsv(
    [words.label, words.value],
    bars.map((b) => [b.label, b.value]),
  );
