import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  type IBorderOptions,
  type IRunOptions,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import type { ReportBlock, ReportDocument, ReportFootnote } from "../report-document.js";
import {
  agendaItemLine,
  itemLetter,
  mastheadRight,
  recommendationLead,
  reportLabels,
  romanNumeral,
  summaryParagraphs,
} from "./report-format.js";

// Hangul falls in Word's East Asian font slot: Malgun Gothic is on every Windows with Word; LibreOffice and
// Word for Mac substitute their own Korean font for it.
const fonts = {
  ascii: "Times New Roman",
  hAnsi: "Times New Roman",
  eastAsia: "Malgun Gothic",
  cs: "Times New Roman",
};

/** A4 in twips, 2.5 cm margins: the width between them places the right tab stop and the tables. */
const page = { width: 11906, height: 16838, margin: 1418 };
const textWidth = page.width - 2 * page.margin;
const indent = 567;
const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 6 };

type Text = Omit<IRunOptions, "text" | "children">;
const run = (text: string, options: Text = {}) => new TextRun({ text, ...options });

/** Word footnotes: each model note becomes a real footnote, cited by a reference mark at the end of its block. */
function createFootnotes() {
  const notes: Record<string, { children: Paragraph[] }> = {};
  let next = 1;
  const refs = (footnotes: ReportFootnote[]) =>
    footnotes.flatMap((fn, i) => {
      const id = next++;
      notes[id] = { children: [new Paragraph({ children: [run(fn.text)] })] };
      const ref = new FootnoteReferenceRun(id);
      return i === 0 ? [ref] : [run(",", { superScript: true }), ref];
    });
  return { notes, refs };
}

function numbered(number: string, text: string, level: 1 | 2, tail: (TextRun | FootnoteReferenceRun)[] = []) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { left: indent * level, hanging: indent },
    tabStops: [{ type: TabStopType.LEFT, position: indent * level }],
    spacing: { after: 120 },
    children: [run(number), new TextRun({ children: [new Tab()] }), run(text), ...tail],
  });
}

function heading(number: number, text: string) {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    indent: { left: indent, hanging: indent },
    tabStops: [{ type: TabStopType.LEFT, position: indent }],
    keepNext: true,
    children: [run(`${romanNumeral(number)}.`), new TextRun({ children: [new Tab()] }), run(text)],
  });
}

function statisticTable(b: Extract<ReportBlock, { kind: "table" }>) {
  const width = textWidth - indent;
  const columns = Math.max(1, b.columns.length, ...b.rows.map((r) => r.length));
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      width: { size: Math.floor(width / columns), type: WidthType.DXA },
      children: [new Paragraph({ children: [run(text, { bold, size: 18 })] })],
    });
  const rule = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
  return [
    new Paragraph({
      keepNext: true,
      indent: { left: indent },
      spacing: { before: 120, after: 60 },
      children: [run(b.caption, { bold: true })],
    }),
    new Table({
      width: { size: width, type: WidthType.DXA },
      indent: { size: indent, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)),
      borders: { ...TableBorders.NONE, top: rule, bottom: rule, insideHorizontal: rule },
      rows: [
        new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, true)) }),
        ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
      ],
    }),
    new Paragraph({
      indent: { left: indent },
      spacing: { before: 60, after: 200 },
      children: b.note ? [run(b.note, { size: 17 })] : [],
    }),
  ];
}

/**
 * The report as a Word document in UN layout: masthead, title, boxed summary, Roman-numbered sections with numbered
 * paragraphs and Word footnotes, and recommendations with lettered items; Korean text set in an East Asian font.
 * @example const buffer = await reportDocx(reportDocument); // save as A-HRC-55-22.docx
 */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const l = reportLabels[doc.language];
  const { notes, refs } = createFootnotes();
  const right = mastheadRight(doc);
  const box = { top: line, bottom: line, left: line, right: line };
  const lines = (texts: string[], bold = false) =>
    texts.map((t, i) => new Paragraph({ children: [run(t, { bold: bold && i === 0 })] }));
  const block = (b: ReportBlock) => {
    switch (b.kind) {
      case "paragraph":
        return [numbered(`${b.number}.`, b.text, 1, refs(b.footnotes))];
      case "quotation":
        return [
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { left: 2 * indent, right: indent },
            spacing: { after: b.attribution ? 0 : 120 },
            children: [run(b.text), ...refs(b.footnotes)],
          }),
          ...(b.attribution
            ? [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  indent: { right: indent },
                  spacing: { after: 120 },
                  children: [run(`— ${b.attribution}`)],
                }),
              ]
            : []),
        ];
      case "table":
        return statisticTable(b);
    }
  };
  const r = doc.recommendations;
  const children = [
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      border: { bottom: { style: BorderStyle.THICK, size: 18, color: "000000", space: 2 } },
      children: [
        run(l.unitedNations, { size: 28 }),
        new TextRun({ children: [new Tab()] }),
        run(doc.symbol, { size: 40, bold: true }),
      ],
    }),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: [textWidth - 3402, 3402],
      borders: { ...TableBorders.NONE, bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000" } },
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: textWidth - 3402, type: WidthType.DXA },
              children: lines([doc.organ, doc.session, agendaItemLine(doc)], true),
            }),
            new TableCell({
              width: { size: 3402, type: WidthType.DXA },
              children: lines([right[0], right[1], "", right[2]]),
            }),
          ],
        }),
      ],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 480, after: 240 },
      children: [run(doc.title)],
    }),
    ...(doc.subtitle
      ? [new Paragraph({ spacing: { after: 360 }, children: [run(doc.subtitle, { bold: true })] })]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: box,
      keepNext: true,
      spacing: { after: 120 },
      children: [run(l.summary, { bold: true })],
    }),
    ...summaryParagraphs(doc.summary).map(
      (p) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          border: box,
          spacing: { after: 120 },
          children: [run(p)],
        }),
    ),
    new Paragraph({ children: [] }),
    ...doc.sections.flatMap((s, i) => [heading(i + 1, s.heading), ...s.blocks.flatMap(block)]),
    ...(r
      ? [
          heading(doc.sections.length + 1, r.heading),
          ...(r.intro
            ? [new Paragraph({ indent: { left: indent }, spacing: { after: 120 }, children: [run(r.intro)] })]
            : []),
          ...r.groups.flatMap((g) => [
            numbered(`${g.number}.`, recommendationLead(g.addressee, doc.language), 1),
            ...g.items.map((item, i) => numbered(itemLetter(i), item, 2)),
          ]),
        ]
      : []),
  ];
  // A staff copy carries its marking at the top of every page.
  const marking = doc.marking
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(doc.marking, { bold: true, size: 18 })],
        }),
      ]
    : [];
  const pageNumber = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
        }),
      ],
    });
  const document = new Document({
    creator: "Rapporteur",
    title: `${doc.symbol} — ${doc.title}`,
    footnotes: notes,
    styles: {
      default: {
        document: {
          run: {
            font: fonts,
            size: 22,
            language: { value: doc.language === "ko" ? "ko-KR" : "en-GB", eastAsia: "ko-KR" },
          },
        },
      },
      paragraphStyles: [
        {
          id: "Title",
          name: "Title",
          basedOn: "Normal",
          next: "Normal",
          run: { font: fonts, size: 28, bold: true, color: "000000" },
        },
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: fonts, size: 22, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
          },
        },
        headers: {
          first: new Header({ children: marking }),
          default: new Header({
            children: [
              ...marking,
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.symbol, { bold: true })] }),
            ],
          }),
        },
        footers: { first: pageNumber(), default: pageNumber() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
