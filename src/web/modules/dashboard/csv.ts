/**
 * CSV built in the browser from the numbers a chart shows. RFC 4180 quoting, CRLF line ends, and a UTF-8 byte
 * order mark so spreadsheet programs read Korean labels correctly.
 */

/** One cell: a text a spreadsheet would run as a formula is kept as text (as the search export does). */
export function csvCell(value: string | number | null | undefined): string {
  if (typeof value === "number") return String(value);
  let s = value ?? "";
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV document with a header row.
 * @example buildCsv(["Place", "Acts"], [["온성군", 78]]) // "\uFEFFPlace,Acts\r\n온성군,78\r\n"
 */
export function buildCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
