import { describe, expect, it } from "vitest";
import { formatPartialDate, isValidPartialDate, parsePartialDate } from "./dates.js";

describe("dates with precision", () => {
  it.each([
    ["2016", { value: "2016", precision: "year" }],
    ["2016-05", { value: "2016-05", precision: "month" }],
    ["2016-05-12", { value: "2016-05-12", precision: "day" }],
    ["about 2015", { value: "2015", precision: "approximate" }],
    ["c. 2015-04", { value: "2015-04", precision: "approximate" }],
    ["약 2015", { value: "2015", precision: "approximate" }],
    ["2015경", { value: "2015", precision: "approximate" }],
  ])("what an officer types, %s, is read with its precision", (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each(["2016-13", "2016-02-30", "16", "May 2016", "about", ""])(
    "%s is not accepted as a date",
    (text) => {
      expect(parsePartialDate(text)).toBeNull();
    },
  );

  it("a day precision needs a full date and a month precision a month", () => {
    expect(isValidPartialDate("2016-05", "day")).toBe(false);
    expect(isValidPartialDate("2016-05-12", "month")).toBe(false);
    expect(isValidPartialDate("2016-02-29", "day")).toBe(true);
    expect(isValidPartialDate("2017-02-29", "day")).toBe(false);
  });
});

describe("dates shown to readers", () => {
  it.each([
    [{ value: "2016-05", precision: "month" }, "en", "May 2016"],
    [{ value: "2016-05", precision: "month" }, "ko", "2016년 5월"],
    [{ value: "2015", precision: "approximate" }, "en", "about 2015"],
    [{ value: "2015", precision: "approximate" }, "ko", "2015년경"],
    [{ value: "2016-05-12", precision: "day" }, "en", "May 12, 2016"],
  ])("%o in %s reads %s", (d, locale, text) => {
    expect(formatPartialDate(d, locale)).toBe(text);
  });
});
