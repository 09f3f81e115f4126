import { describe, expect, it } from "vitest";
import type { ActsSeries } from "../../api/types.js";
import {
  axisLabel,
  axisTicks,
  barsCsv,
  formatPeriod,
  notRecordedKey,
  otherKey,
  periodTotals,
  shapeSeries,
  stackSeries,
  textWidth,
  timeSeriesCsv,
} from "./chart-data.js";

const labels: Record<string, string> = { "020000000000": "여성", "010000000000": "남성" };
const name = (s: ActsSeries) =>
  s.key === null
    ? { label: "기록되지 않음", code: null }
    : s.key === otherKey
      ? { label: "기타", code: null }
      : { label: labels[s.key] ?? s.key, code: s.key };

const quarter = (q: number, year: string) => `Q${q} ${year}`;

describe("shaping the API's series for a chart", () => {
  const series: ActsSeries[] = [
    { key: null, total: 101, counts: [60, 41] },
    { key: "020000000000", total: 157, counts: [100, 57] },
    { key: otherKey, total: 3, counts: [1, 2] },
    { key: "010000000000", total: 20, counts: [5, 15] },
  ];

  it("puts the largest first, then the rest, then acts where the value is not recorded", () => {
    const shaped = shapeSeries(series, name);
    expect(shaped.map((s) => s.label)).toEqual(["여성", "남성", "기타", "기록되지 않음"]);
    expect(shaped.map((s) => s.key)).toEqual(["020000000000", "010000000000", otherKey, notRecordedKey]);
    expect(shaped[0]?.code).toBe("020000000000");
    expect(shaped[3]?.code).toBeNull();
  });

  it("gives every series its own pattern as well as its colour, so none is told apart by colour alone", () => {
    const shaped = shapeSeries(series, name);
    expect(new Set(shaped.map((s) => s.pattern)).size).toBe(shaped.length);
    // With the most series the API gives (eleven and the rest), colour and pattern together stay unique.
    const many = shapeSeries(
      Array.from({ length: 12 }, (_, i) => ({
        key: i === 11 ? otherKey : `t${i}`,
        total: 20 - i,
        counts: [1],
      })),
      name,
    );
    expect(new Set(many.map((s) => `${s.colour} ${s.pattern}`)).size).toBe(12);
    expect(many[1]?.pattern).not.toBe(many[0]?.pattern);
  });

  it("stacks each period's segments on top of each other, and totals each period", () => {
    const stacks = stackSeries([{ values: [2, 0, 1] }, { values: [3, 4, 0] }]);
    expect(stacks).toEqual([
      [
        [0, 2],
        [0, 0],
        [0, 1],
      ],
      [
        [2, 5],
        [0, 4],
        [1, 1],
      ],
    ]);
    expect(periodTotals([{ values: [2, 0, 1] }, { values: [3, 4, 0] }], 3)).toEqual([5, 4, 1]);
  });
});

describe("periods in the reader's language", () => {
  it("names years, quarters and months in English and Korean", () => {
    expect(formatPeriod("2016", "year", "en", quarter)).toBe("2016");
    expect(formatPeriod("2016", "year", "ko", quarter)).toBe("2016년");
    expect(formatPeriod("2016-Q2", "quarter", "en", quarter)).toBe("Q2 2016");
    expect(formatPeriod("2016-05", "month", "en", quarter)).toBe("May 2016");
    expect(formatPeriod("2016-05", "month", "ko", quarter)).toBe("2016년 5월");
  });

  it("labels the time axis on round steps, never more labels than fit", () => {
    const months = Array.from(
      { length: 36 },
      (_, i) => `${2014 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
    );
    expect(axisTicks(months, "month", 40)).toEqual({ step: 1, indices: months.map((_, i) => i) });
    const yearly = axisTicks(months, "month", 4);
    expect(yearly.step).toBe(12);
    expect(yearly.indices.map((i) => months[i])).toEqual(["2014-01", "2015-01", "2016-01"]);
    expect(axisLabel("2015-01", "month", 12, "ko", quarter)).toBe("2015년");
    const quarters = ["2015-Q3", "2015-Q4", "2016-Q1", "2016-Q2", "2016-Q3"];
    expect(axisTicks(quarters, "quarter", 3).indices.map((i) => quarters[i])).toEqual([
      "2015-Q3",
      "2016-Q1",
      "2016-Q3",
    ]);
    expect(axisTicks(quarters, "quarter", 2).indices.map((i) => quarters[i])).toEqual(["2016-Q1"]);
    const years = Array.from({ length: 30 }, (_, i) => String(1990 + i));
    expect(axisTicks(years, "year", 7).indices.map((i) => years[i])).toEqual([
      "1990",
      "1995",
      "2000",
      "2005",
      "2010",
      "2015",
    ]);
  });

  it("estimates Korean text as wider than Latin text of the same length", () => {
    expect(textWidth("함경북도", 10)).toBe(40);
    expect(textWidth("abcd", 10)).toBeLessThan(30);
  });
});

describe("CSV of a chart", () => {
  it("has one row per period with the API's period keys, a column per series with its code, and totals", () => {
    const shaped = shapeSeries(
      [
        { key: "020000000000", total: 5, counts: [3, 2] },
        { key: null, total: 1, counts: [0, 1] },
      ],
      name,
    );
    const csv = timeSeriesCsv(["2016-Q1", "2016-Q2"], shaped, { period: "기간", total: "합계" });
    expect(csv.split("\r\n")).toEqual([
      "\uFEFF기간,여성 (020000000000),기록되지 않음,합계",
      "2016-Q1,3,0,3",
      "2016-Q2,2,1,3",
      "",
    ]);
  });

  it("has one row per bar", () => {
    expect(barsCsv([{ key: "p1", label: "Onsong", value: 78 }], { label: "County", value: "Acts" })).toBe(
      "\uFEFFCounty,Acts\r\nOnsong,78\r\n",
    );
  });
});
