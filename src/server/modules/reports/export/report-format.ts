import type { ReportDocument } from "../report-document.js";

/** Fixed words of the UN document layout, in the report's language. */
export const reportLabels = {
  en: {
    unitedNations: "United Nations",
    distribution: "Distr.",
    original: "Original",
    agendaItem: "Agenda item",
    summary: "Summary",
    notes: "Notes",
    table: "Table",
    backToText: (n: number) => `Note ${n} — back to the text`,
    page: (n: number, of: number) => `${n} of ${of}`,
  },
  ko: {
    unitedNations: "국제연합",
    distribution: "배포",
    original: "원문",
    agendaItem: "의제",
    summary: "요약",
    notes: "주",
    table: "표",
    backToText: (n: number) => `주 ${n} — 본문으로 돌아가기`,
    page: (n: number, of: number) => `${n} / ${of}`,
  },
} as const;

/** The date as a UN document prints it: "12 February 2024" or "2024년 2월 12일". */
export function formatReportDate(date: string, language: ReportDocument["language"]): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) return date;
  if (language === "ko") return `${y}년 ${m}월 ${d}일`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

const numerals: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** Section numbers of UN reports are Roman: 1 → "I", 4 → "IV". */
export function romanNumeral(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, letters] of numerals) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Sub-paragraph letters: 0 → "(a)", 25 → "(z)", 26 → "(aa)", as UN editors continue them. */
export function itemLetter(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return `(${letter.repeat(Math.floor(index / 26) + 1)})`;
}

/** The summary is written as paragraphs separated by blank lines. */
export function summaryParagraphs(summary: string): string[] {
  return summary
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** "4" becomes "Agenda item 4"; a full line such as "Agenda item 4" or "의제 4" is kept. */
export function agendaItemLine(doc: ReportDocument): string {
  return /^\d/.test(doc.agendaItem)
    ? `${reportLabels[doc.language].agendaItem} ${doc.agendaItem}`
    : doc.agendaItem;
}

/**
 * The lead-in of a recommendation paragraph, before its lettered items: "The Special Rapporteur recommends that the
 * Government of China:" or "특별보고관은 중국 정부에 다음을 권고한다:". A full sentence ending with a colon is kept.
 */
export function recommendationLead(addressee: string, language: ReportDocument["language"]): string {
  const text = addressee.trim();
  if (/[:：]$/.test(text)) return text;
  if (language === "ko") {
    if (text.includes("권고")) return `${text}:`;
    return `특별보고관은 ${text}${/[자들]$/.test(text) ? "에게" : "에"} 다음을 권고한다:`;
  }
  if (/^the special rapporteur\b/i.test(text)) return `${text}:`;
  return `The Special Rapporteur recommends that ${text}:`;
}

/** The lines at the top right of the first page: distribution, date, original language. */
export function mastheadRight(doc: ReportDocument): [string, string, string] {
  const l = reportLabels[doc.language];
  return [
    `${l.distribution}: ${doc.distribution}`,
    formatReportDate(doc.date, doc.language),
    `${l.original}: ${doc.originalLanguage}`,
  ];
}
