import { useTranslation } from "react-i18next";

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const dayFormat = (language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });

/** A calendar day (YYYY-MM-DD) in the reader's language, as record pages show it: "Oct 2, 2017", "2017. 10. 2.". */
export const formatDay = (day: string, language: string) =>
  Number.isNaN(utc(day).getTime()) ? day : dayFormat(language).format(utc(day));

/** A calendar day in the reader's language, machine-readable in `dateTime`. */
export function Day({ value }: { value: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{formatDay(value, i18n.language)}</time>;
}

/** The days of a visit, "Oct 2 – 6, 2017", or one end alone when the other is not known yet. */
export function DayRange({ from, to }: { from: string | null; to: string | null }) {
  const { i18n } = useTranslation();
  if (!from || !to) return from || to ? <Day value={(from ?? to) as string} /> : null;
  return <span className="day-range">{dayFormat(i18n.language).formatRange(utc(from), utc(to))}</span>;
}
