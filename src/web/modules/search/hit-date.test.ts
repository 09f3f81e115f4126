import { describe, expect, it } from "vitest";
import { hitDate } from "./hit-date.js";

describe("the date of a search hit", () => {
  it("says a year, a month or a day in the reader's language", () => {
    expect(hitDate("2016", "en")).toBe("2016");
    expect(hitDate("2016-05", "en")).toBe("May 2016");
    expect(hitDate("2016-05-12", "ko")).toBe("2016년 5월 12일");
  });

  it("says a publication time as its day, and shows anything else as it is instead of failing", () => {
    expect(hitDate("2026-11-29T09:30:00.000Z", "en")).toBe(hitDate("2026-11-29", "en"));
    expect(hitDate("2026-11-29T09:30:00.000Z", "ko")).toBe("2026년 11월 29일");
    expect(hitDate("soon", "en")).toBe("soon");
    expect(hitDate("2026-13-40", "en")).toBe("2026-13-40");
  });
});
