import type { ReportBlock, ReportDocument } from "../../src/server/modules/reports/report-document.js";

const filler =
  "The Special Rapporteur continued to receive consistent accounts from persons who left the country, " +
  "describing restrictions on movement, surveillance and the lack of access to information.";

/** An English report long enough for several PDF pages, with a quotation, a table and footnotes. */
export function buildEnglishReport(overrides: Partial<ReportDocument> = {}): ReportDocument {
  const paragraphs: ReportBlock[] = Array.from({ length: 14 }, (_, i) => ({
    kind: "paragraph",
    number: i + 3,
    text: i === 10 ? `${filler} ${filler} Officials confirmed the transfer.` : `${filler} ${filler}`,
    footnotes: i === 10 ? [{ number: 3, text: "Testimony collected in Seoul, 2024 (code T-0042)." }] : [],
  }));
  return {
    language: "en",
    symbol: "A/HRC/58/99",
    distribution: "General",
    date: "2025-02-12",
    originalLanguage: "English",
    organ: "Human Rights Council",
    session: "Fifty-eighth session",
    agendaItem: "4",
    title: "Situation of human rights in the Democratic People's Republic of Korea",
    subtitle: "Report of the Special Rapporteur on the situation of human rights in the DPRK",
    summary:
      "In the present report, the Special Rapporteur describes developments.\n\nShe makes recommendations.",
    sections: [
      {
        heading: "Introduction",
        blocks: [
          {
            kind: "paragraph",
            number: 1,
            text: "The present report is submitted pursuant to resolution 52/28.",
            footnotes: [{ number: 1, text: "See A/HRC/RES/52/28." }],
          },
          {
            kind: "quotation",
            text: "We were not told where he was taken.",
            attribution: "Relative of a disappeared person",
            footnotes: [{ number: 2, text: "Interview conducted in 2024." }],
          },
          {
            kind: "table",
            caption: "Communications sent, 2022–2024",
            columns: ["Year", "Allegation letters", "Urgent appeals"],
            rows: [
              ["2022", "4", "2"],
              ["2023", "5", "3"],
            ],
            note: "Source: communications reports of special procedures.",
          },
          { kind: "paragraph", number: 2, text: filler, footnotes: [] },
        ],
      },
      { heading: "Freedom of movement", blocks: paragraphs },
    ],
    recommendations: {
      heading: "Recommendations",
      intro: "The Special Rapporteur makes the following recommendations.",
      groups: [
        {
          number: 17,
          addressee: "the Government of the Democratic People's Republic of Korea",
          items: ["Disclose the fate of all disappeared persons;", "Allow family reunions."],
        },
      ],
    },
    ...overrides,
  };
}

/** A short Korean report: Korean title, paragraph, footnote and recommendations. */
export function buildKoreanReport(): ReportDocument {
  return {
    ...buildEnglishReport(),
    language: "ko",
    originalLanguage: "영어",
    distribution: "일반",
    organ: "인권이사회",
    session: "제58차 회기",
    agendaItem: "의제 4",
    title: "조선민주주의인민공화국 인권 상황",
    subtitle: "조선민주주의인민공화국 인권 상황에 관한 특별보고관 보고서",
    summary: "이 보고서에서 특별보고관은 강제실종 문제를 다룬다.",
    sections: [
      {
        heading: "서론",
        blocks: [
          {
            kind: "paragraph",
            number: 1,
            text: "특별보고관은 강제실종 피해자 가족의 증언을 청취하였다.",
            footnotes: [{ number: 1, text: "인권이사회 결의 52/28 참조." }],
          },
        ],
      },
    ],
    recommendations: {
      heading: "권고",
      intro: null,
      groups: [
        {
          number: 2,
          addressee: "조선민주주의인민공화국 정부",
          items: ["생사를 공개할 것", "가족 상봉을 허용할 것"],
        },
      ],
    },
  };
}
