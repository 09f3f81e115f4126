import type { StatusRow, VisitRow } from "./visits.repository.js";

const presentVisit = (v: VisitRow) => ({
  id: v.id,
  kind: v.visit_kind,
  startOn: v.start_on,
  endOn: v.end_on,
  status: v.status,
  reportSymbol: v.report_symbol,
});

/** One line of the "status of country visits" table. */
export function presentStatusRow(r: StatusRow, reminders: string[], visits: VisitRow[]) {
  return {
    requestId: r.id,
    country: r.country,
    countryName: { en: r.name_en ?? r.country, ko: r.name_ko ?? r.name_en ?? r.country },
    firstRequestedOn: r.first_requested_on,
    reminders,
    status: r.status,
    statusOn: r.status_on,
    visits: visits.map(presentVisit),
  };
}
export type StatusTableRow = ReturnType<typeof presentStatusRow> | ReturnType<typeof presentMissionRow>;

/** A visit made without a request (a mission to a neighbouring state) on its own line. */
export function presentMissionRow(v: VisitRow, name: { en: string; ko: string | null } | undefined) {
  return {
    requestId: null,
    country: v.country,
    countryName: { en: name?.en ?? v.country, ko: name?.ko ?? name?.en ?? v.country },
    firstRequestedOn: null,
    reminders: [] as string[],
    status: "not_requested",
    statusOn: null,
    visits: [presentVisit(v)],
  };
}

const csvHeader = {
  en: ["Country", "ISO", "First requested", "Reminders", "Status", "Status since", "Visits", "Report"],
  ko: ["국가", "ISO", "최초 요청일", "재요청", "상태", "상태 변경일", "방문", "보고서"],
};
const statusWords = {
  en: {
    pending: "Pending",
    accepted: "Accepted",
    declined: "Declined",
    no_response: "No response",
    not_requested: "No request (mission)",
  },
  ko: {
    pending: "대기 중",
    accepted: "수락",
    declined: "거절",
    no_response: "무응답",
    not_requested: "요청 없음 (현지 조사)",
  },
} as Record<"en" | "ko", Record<string, string>>;

/** The table as CSV rows, in the reader's language. */
export function statusTableCsv(rows: StatusTableRow[], lang: "en" | "ko") {
  return {
    header: csvHeader[lang],
    rows: rows.map((r) => [
      r.countryName[lang],
      r.country,
      r.firstRequestedOn ?? "",
      r.reminders.join("; "),
      statusWords[lang][r.status] ?? r.status,
      r.statusOn ?? "",
      r.visits.map((v) => [v.startOn, v.endOn].filter(Boolean).join("–")).join("; "),
      r.visits
        .map((v) => v.reportSymbol)
        .filter(Boolean)
        .join("; "),
    ]),
  };
}
