import { csvText } from "../../platform/http/csv.js";

/** CSV of search results. */
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
  return csvText(
    searchCsvColumns,
    rows.map((r) => searchCsvColumns.map((c) => r[c])),
  );
}
