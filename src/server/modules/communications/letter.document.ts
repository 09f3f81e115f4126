import { AlignmentType, Document, Footer, Header, Packer, Paragraph, TextRun } from "docx";

/** What a letter shows; built only from what its reader may see (the public letter has no annex). */
export interface LetterModel {
  language: "en" | "ko";
  mandateName: string;
  holder: string | null;
  reference: string | null;
  /** YYYY-MM-DD */
  date: string;
  kind: string;
  addressee: string;
  subject: string;
  body: string;
  jointMandates: string[];
  /** Pseudonymous codes of the persons concerned and titles of the cases, as the reader may see them. */
  annex?: { persons: string[]; cases: string[] };
}

const labels = {
  en: {
    office: "PALAIS DES NATIONS • 1211 GENEVA 10, SWITZERLAND",
    mandate: "Mandate of the",
    reference: "Reference",
    draft: "DRAFT — not sent",
    kinds: { AL: "Allegation letter", UA: "Urgent appeal", OL: "Other letter" } as Record<string, string>,
    to: "To",
    subject: "Subject",
    joint: "Jointly with",
    closing: "Please accept the assurances of my highest consideration.",
    annex: "Annex: persons and cases concerned",
    persons: "Persons (pseudonymous codes)",
    cases: "Cases",
    date: (d: string) =>
      new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }),
  },
  ko: {
    office: "팔레 데 나시옹 • 1211 제네바 10, 스위스",
    mandate: "위임사항:",
    reference: "문서번호",
    draft: "초안 — 발송 전",
    kinds: { AL: "혐의 서한", UA: "긴급 호소", OL: "기타 서한" } as Record<string, string>,
    to: "수신",
    subject: "제목",
    joint: "공동 서명",
    closing: "최고의 경의를 표합니다.",
    annex: "부록: 관련 인물 및 사건",
    persons: "인물 (가명 코드)",
    cases: "사건",
    date: (d: string) => {
      const [y, m, day] = d.split("-").map(Number);
      return `${y}년 ${m}월 ${day}일`;
    },
  },
};

// A CJK-capable font first for East Asian text; Word and LibreOffice fall back to what the machine has.
const fonts = {
  ascii: "Times New Roman",
  hAnsi: "Times New Roman",
  eastAsia: "Noto Serif CJK KR",
  cs: "Times New Roman",
};

/**
 * The letter as a Word document: letterhead, reference and date at the top right, addressee, subject, body
 * paragraphs, closing with the mandate holder, and (for staff) an annex of the persons and cases concerned.
 * @example const docx = await letterDocx({ language: "en", reference: "UA CHN 3/2017", … });
 */
export async function letterDocx(letter: LetterModel): Promise<Buffer> {
  const l = labels[letter.language];
  const text = (t: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}) =>
    new TextRun({ text: t, font: fonts, ...options });
  const para = (t: string, options: ConstructorParameters<typeof Paragraph>[0] & object = {}) =>
    new Paragraph({ children: [text(t)], spacing: { after: 160 }, ...options });
  const right = (t: string, bold = false) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(t, { bold })] });
  const bodyParagraphs = letter.body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => para(p.replace(/\s*\r?\n\s*/g, " "), { alignment: AlignmentType.JUSTIFIED }));
  const annex =
    letter.annex && (letter.annex.persons.length || letter.annex.cases.length) ? letter.annex : null;
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(l.office, { size: 16 })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 320 },
      children: [text(`${l.mandate} ${letter.mandateName}`, { bold: true })],
    }),
    right(letter.reference ? `${l.reference}: ${letter.reference}` : l.draft, true),
    right(l.date(letter.date)),
    para(`${l.to}: ${letter.addressee}`, { spacing: { before: 320, after: 160 } }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        text(`${l.subject}: `, { bold: true }),
        text(`${l.kinds[letter.kind] ?? letter.kind} — ${letter.subject}`),
      ],
    }),
    ...(letter.jointMandates.length ? [para(`${l.joint}: ${letter.jointMandates.join("; ")}`)] : []),
    ...bodyParagraphs,
    para(l.closing, { spacing: { before: 240, after: 480 } }),
    ...(letter.holder ? [para(letter.holder)] : []),
    para(letter.mandateName),
    ...(annex
      ? [
          new Paragraph({ pageBreakBefore: true, children: [text(l.annex, { bold: true })] }),
          ...(annex.persons.length ? [para(`${l.persons}: ${annex.persons.join(", ")}`)] : []),
          ...annex.cases.map((c) => para(`${l.cases}: ${c}`)),
        ]
      : []),
  ];
  const doc = new Document({
    creator: "Rapporteur",
    title: letter.reference ?? letter.subject,
    styles: {
      default: {
        document: {
          run: {
            font: fonts,
            size: 24,
            language: { value: letter.language === "ko" ? "ko-KR" : "en-GB", eastAsia: "ko-KR" },
          },
        },
      },
    },
    sections: [
      {
        headers: { default: new Header({ children: [right(letter.reference ?? l.draft)] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [text(letter.mandateName, { size: 16 })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
