import PDFDocument from "pdfkit";
import type { ReportBlock, ReportDocument } from "../report-document.js";
import {
  agendaItemLine,
  itemLetter,
  mastheadRight,
  recommendationLead,
  reportLabels,
  romanNumeral,
  summaryParagraphs,
} from "./report-format.js";
import { reportPdfFonts } from "./report-pdf-fonts.js";
import {
  createLayout,
  gap,
  indent,
  type Layout,
  margin,
  type Pdf,
  size,
  width,
} from "./report-pdf-layout.js";

function masthead(pdf: Pdf, doc: ReportDocument) {
  const l = reportLabels[doc.language];
  const top = margin.top;
  pdf
    .font("regular")
    .fontSize(12)
    .text(l.unitedNations, margin.left, top + 6, { lineBreak: false });
  pdf
    .font("bold")
    .fontSize(size.symbol)
    .text(doc.symbol, margin.left, top, { width, align: "right", lineBreak: false });
  const rule = top + 30;
  pdf
    .moveTo(margin.left, rule)
    .lineTo(margin.left + width, rule)
    .lineWidth(2)
    .stroke();
  const leftWidth = width * 0.6;
  const rightX = margin.left + width * 0.65;
  pdf
    .font("bold")
    .fontSize(size.heading)
    .text(doc.organ, margin.left, rule + 8, { width: leftWidth });
  pdf.font("regular").fontSize(size.body);
  pdf.text(doc.session, { width: leftWidth });
  pdf.text(agendaItemLine(doc), { width: leftWidth });
  const leftEnd = pdf.y;
  const [distribution, date, original] = mastheadRight(doc);
  pdf.text(distribution, rightX, rule + 8, { width: width * 0.35 });
  pdf.text(date, { width: width * 0.35 });
  pdf.moveDown(0.5);
  pdf.text(original, { width: width * 0.35 });
  const end = Math.max(leftEnd, pdf.y) + 6;
  pdf
    .moveTo(margin.left, end)
    .lineTo(margin.left + width, end)
    .lineWidth(0.5)
    .stroke();
  pdf.x = margin.left;
  pdf.y = end + 24;
}

function summaryBox(pdf: Pdf, doc: ReportDocument, layout: Layout) {
  const l = reportLabels[doc.language];
  const paragraphs = summaryParagraphs(doc.summary);
  const inner = width - 2 * indent;
  pdf.font("regular").fontSize(size.body);
  const height =
    paragraphs.reduce(
      (h, p) => h + pdf.heightOfString(p, { width: inner, align: "justify" }) + gap.paragraph,
      0,
    ) +
    pdf.font("bold").currentLineHeight(true) +
    2 * gap.section;
  const top = pdf.y;
  const boxed = top + height <= pdf.page.height - pdf.page.margins.bottom;
  pdf.y += gap.section;
  layout.text(l.summary, margin.left, [], undefined, { font: "bold", align: "center" });
  for (const p of paragraphs) layout.text(p, margin.left + indent, [], undefined, { inset: indent });
  if (boxed) {
    pdf
      .rect(margin.left, top, width, pdf.y - top + gap.paragraph)
      .lineWidth(0.75)
      .stroke();
  }
  pdf.y += gap.section * 2;
}

function table(pdf: Pdf, b: Extract<ReportBlock, { kind: "table" }>, layout: Layout) {
  const x0 = margin.left + indent;
  const tableWidth = width - indent;
  const columns = Math.max(1, b.columns.length, ...b.rows.map((r) => r.length));
  const colWidth = tableWidth / columns;
  const pad = 3;
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(size.table);
    return Math.max(...cells.map((c) => pdf.heightOfString(c, { width: colWidth - 2 * pad })), 0) + 2 * pad;
  };
  const rule = (y: number, w: number) =>
    pdf
      .moveTo(x0, y)
      .lineTo(x0 + tableWidth, y)
      .lineWidth(w)
      .stroke();
  const row = (cells: string[], font: string) => {
    const h = rowHeight(cells, font);
    const y = pdf.y;
    pdf.font(font).fontSize(size.table);
    cells.forEach((c, i) => {
      pdf.text(c, x0 + i * colWidth + pad, y + pad, { width: colWidth - 2 * pad });
    });
    pdf.y = y + h;
  };
  const header = () => {
    rule(pdf.y, 0.75);
    row(b.columns, "bold");
    rule(pdf.y, 0.75);
  };
  layout.newPageUnless(pdf.currentLineHeight(true) * 2 + rowHeight(b.columns, "bold") * 2);
  layout.text(b.caption, x0, [], undefined, { font: "bold", align: "left" });
  header();
  for (const r of b.rows) {
    if (pdf.y + rowHeight(r, "regular") > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      header();
    }
    row(r, "regular");
    rule(pdf.y, 0.25);
  }
  rule(pdf.y, 0.75);
  pdf.y += 4;
  if (b.note) layout.text(b.note, x0, [], undefined, { fontSize: size.note, align: "left" });
  pdf.x = margin.left;
  pdf.y += gap.paragraph;
}

/**
 * The report as a PDF in UN layout, with Noto Sans KR embedded (subset) so Korean renders in any viewer: masthead,
 * boxed summary, numbered paragraphs, footnotes at the foot of their page, tables, recommendations, page numbers.
 * @example const buffer = await reportPdf(reportDocument); // save as A-HRC-55-22.pdf
 */
export async function reportPdf(doc: ReportDocument): Promise<Buffer> {
  const fonts = reportPdfFonts();
  const pdf = new PDFDocument({
    size: "A4",
    margins: margin,
    bufferPages: true,
    lang: doc.language === "ko" ? "ko-KR" : "en-GB",
    displayTitle: true,
    info: {
      Title: `${doc.symbol} — ${doc.title}`,
      Creator: "Rapporteur",
      Subject: doc.subtitle ?? doc.title,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.registerFont("regular", fonts.regular.src, fonts.regular.family);
  pdf.registerFont("bold", fonts.bold.src, fonts.bold.family);
  const layout = createLayout(pdf);

  masthead(pdf, doc);
  layout.text(doc.title, margin.left, [], undefined, { font: "bold", fontSize: size.title, align: "left" });
  if (doc.subtitle) layout.text(doc.subtitle, margin.left, [], undefined, { font: "bold", align: "left" });
  summaryBox(pdf, doc, layout);

  const heading = (n: number, text: string) => {
    pdf.font("bold").fontSize(size.heading);
    layout.newPageUnless(pdf.currentLineHeight(true) * 4);
    pdf.y += gap.section / 2;
    const label = { text: `${romanNumeral(n)}.`, x: margin.left };
    layout.text(text, margin.left + indent, [], label, {
      font: "bold",
      fontSize: size.heading,
      align: "left",
    });
  };
  doc.sections.forEach((s, i) => {
    heading(i + 1, s.heading);
    for (const b of s.blocks) {
      if (b.kind === "paragraph") {
        layout.text(b.text, margin.left + indent, b.footnotes, { text: `${b.number}.`, x: margin.left });
      } else if (b.kind === "quotation") {
        layout.text(b.text, margin.left + 2 * indent, b.footnotes, undefined, { inset: indent });
        if (b.attribution) {
          layout.text(`— ${b.attribution}`, margin.left + 2 * indent, [], undefined, {
            align: "right",
            inset: indent,
          });
        }
      } else {
        table(pdf, b, layout);
      }
    }
  });
  const r = doc.recommendations;
  if (r) {
    heading(doc.sections.length + 1, r.heading);
    if (r.intro) layout.text(r.intro, margin.left + indent, []);
    for (const g of r.groups) {
      const lead = recommendationLead(g.addressee, doc.language);
      layout.text(lead, margin.left + indent, [], { text: `${g.number}.`, x: margin.left });
      g.items.forEach((item, i) => {
        layout.text(item, margin.left + 2 * indent, [], { text: itemLetter(i), x: margin.left + indent });
      });
    }
  }
  layout.finishPages(doc.symbol, doc.marking ?? null);
  pdf.end();
  return done;
}
