type Row = Record<string, string | null>;
type FollowUp = { recommendation_id: string; status: string; assessed_on: string };

const headers = {
  en: [
    "Source",
    "Session",
    "Paragraph",
    "Addressee",
    "Addressee name",
    "Theme",
    "Recommendation",
    "Recommending state",
    "Response",
    "Issued on",
    "Status",
    "Status on",
    "Follow-up",
  ],
  ko: [
    "출처",
    "회기",
    "단락",
    "수신자",
    "수신자 이름",
    "주제",
    "권고",
    "권고 국가",
    "응답",
    "발표일",
    "이행 상태",
    "상태 일자",
    "후속 조치",
  ],
};

/** The registry as a table: one row per recommendation, its follow-up history in one cell, oldest first. */
export function presentRegistry(rows: Row[], followUps: FollowUp[], lang: "en" | "ko") {
  return {
    header: headers[lang],
    rows: rows.map((r) => [
      r.source_body,
      r.session,
      r.paragraph,
      r.addressee_kind === "state" ? r.addressee_country : r.addressee_kind,
      r.addressee_name,
      r.theme,
      r.text,
      r.recommending_state,
      r.response,
      r.issued_on,
      r.status,
      r.status_on,
      followUps
        .filter((f) => f.recommendation_id === r.id)
        .map((f) => `${f.assessed_on} ${f.status}`)
        .join("; "),
    ]),
  };
}
