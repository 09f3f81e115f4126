import { formatPartialDate, isValidPartialDate } from "../../../shared/dates.js";

/**
 * A hit's date (2016, 2016-05, 2016-05-12) as the reader says it; a time is said as its day. A value that is neither
 * is shown as it is: one odd date never takes the page of results down with it.
 * @example hitDate("2016-05", "en") // "May 2016"
 */
export function hitDate(value: string, language: string): string {
  const day = value.slice(0, 10);
  if (!isValidPartialDate(day, "approximate")) return value;
  return formatPartialDate(
    { value: day, precision: day.length <= 4 ? "year" : day.length <= 7 ? "month" : "day" },
    language,
  );
}
