/** CSV of search results; a cell that a spreadsheet would run as a formula is quoted as text. */
const cell = (v: unknown) => {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const searchCsvColumns = [
  "record_type",
  "id",
  "title",
  "doc_date",
  "act_type",
  "province_id",
  "county_id",
  "place_id",
  "victim_sex",
  "confidentiality",
] as const;

export function toCsv(rows: Record<string, unknown>[]): string {
  const lines = [searchCsvColumns.join(",")];
  for (const r of rows) lines.push(searchCsvColumns.map((c) => cell(r[c])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
