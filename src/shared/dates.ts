export type DatePrecision = "day" | "month" | "year" | "approximate";

const patterns: Record<Exclude<DatePrecision, "approximate">, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
};

/** Whether a date text matches its precision and names a real calendar date ("approximate" takes any of the three forms). */
export function isValidPartialDate(value: string, precision: DatePrecision): boolean {
  const shape =
    precision === "approximate"
      ? (Object.values(patterns).find((p) => p.test(value)) ?? null)
      : patterns[precision];
  if (!shape?.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  if (y === undefined || y < 1800 || y > 2200) return false;
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined && m !== undefined) {
    const real = new Date(Date.UTC(y, m - 1, d));
    if (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) return false;
  }
  return true;
}

/**
 * Reads what a person types: "2016", "2016-05", "2016-05-12", "about 2015" / "c. 2015" / "~2015" / "약 2015".
 * @example parsePartialDate("about 2015") // { value: "2015", precision: "approximate" }
 */
export function parsePartialDate(text: string): { value: string; precision: DatePrecision } | null {
  const t = text.trim();
  const approx =
    /^(about|around|approx\.?|c\.|ca\.|circa|~|약|경)\s*(.+)$/i.exec(t) ?? /^(.+?)\s*(경|쯤)$/.exec(t);
  if (approx) {
    const inner = approx[1] && /^\d/.test(approx[1]) ? approx[1] : (approx[2] ?? "");
    return isValidPartialDate(inner, "approximate") ? { value: inner, precision: "approximate" } : null;
  }
  for (const precision of ["day", "month", "year"] as const) {
    if (isValidPartialDate(t, precision)) return { value: t, precision };
  }
  return null;
}

/**
 * Shows a date the way it was entered, in the reader's language: "May 2016", "about 2015", "2016년 5월", "2015년경".
 * @example formatPartialDate({ value: "2016-05", precision: "month" }, "ko") // "2016년 5월"
 */
export function formatPartialDate(
  d: { value: string; precision: string } | null | undefined,
  locale: string,
): string {
  if (!d) return "";
  const [y, m, day] = d.value.split("-").map(Number);
  if (y === undefined || Number.isNaN(y)) return d.value;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day !== undefined
      ? { year: "numeric", month: "long", day: "numeric" }
      : m !== undefined
        ? { year: "numeric", month: "long" }
        : { year: "numeric" };
  const text = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date);
  if (d.precision !== "approximate") return text;
  return locale.startsWith("ko") ? `${text}경` : `about ${text}`;
}
