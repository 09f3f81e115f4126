import type { ReportFootnote } from "../report-document.js";

/** A4 with 2.5 cm margins; sizes in points. */
export const margin = { top: 72, bottom: 72, left: 70.87, right: 70.87 };
const pageWidth = 595.28;
const pageHeight = 841.89;
export const width = pageWidth - margin.left - margin.right;
export const indent = 28.35;
export const size = { body: 10.5, mark: 6.5, note: 8, table: 8.5, heading: 11, title: 14, symbol: 18 };
export const gap = { paragraph: 6, section: 12 };

export type Pdf = PDFKit.PDFDocument;
type Face = "regular" | "bold";

/**
 * Lays the report out page by page. Footnotes are set at the foot of the page where their paragraph ends: before a
 * paragraph is drawn the page's bottom margin grows by the height of its notes, so the text makes room for them.
 */
export function createLayout(pdf: Pdf) {
  const notesByPage: ReportFootnote[][] = [[]];
  let pending = 0;
  const pageIndex = () => notesByPage.length - 1;
  pdf.on("pageAdded", () => {
    notesByPage.push([]);
    pdf.page.margins.bottom = margin.bottom + pending;
  });

  const notesHeight = (notes: ReportFootnote[]) => {
    if (!notes.length) return 0;
    pdf.font("regular").fontSize(size.note);
    return notes.reduce((h, fn) => h + pdf.heightOfString(fn.text, { width: width - indent }) + 2, 10);
  };
  const reserve = (notes: ReportFootnote[]) => {
    pdf.page.margins.bottom = margin.bottom + notesHeight(notes);
  };
  const maxY = () => pdf.page.height - pdf.page.margins.bottom;
  const newPageUnless = (needed: number) => {
    if (pdf.y + needed > maxY()) pdf.addPage();
  };

  /** One block of running text at `x`, with an optional label (number or letter) hanging at `label.x`. */
  const text = (
    body: string,
    x: number,
    notes: ReportFootnote[],
    label?: { text: string; x: number },
    options: {
      font?: Face;
      fontSize?: number;
      align?: "justify" | "left" | "center" | "right";
      inset?: number;
    } = {},
  ) => {
    const font = options.font ?? "regular";
    const fontSize = options.fontSize ?? size.body;
    const align = options.align ?? "justify";
    const textWidth = width - (x - margin.left) - (options.inset ?? 0);
    const onPage = () => notesByPage[pageIndex()] ?? [];
    const marks = notes.map((fn) => fn.number).join(",");
    const bottom = pdf.page.height - margin.bottom;
    pdf.font(font).fontSize(fontSize);
    const lineHeight = pdf.currentLineHeight(true);
    const height = pdf.heightOfString(marks ? `${body} ${marks}` : body, { width: textWidth, align });
    // The label and first line stay together, and this block's notes must fit on the page where it starts.
    if (pdf.y + lineHeight + notesHeight([...onPage(), ...notes]) > bottom) pdf.addPage();
    const fits = pdf.y + height + notesHeight([...onPage(), ...notes]) <= bottom;
    reserve(fits ? [...onPage(), ...notes] : onPage());
    pending = fits ? 0 : notesHeight(notes);
    pdf.font(font).fontSize(fontSize);
    const y = pdf.y;
    if (label) pdf.text(label.text, label.x, y, { lineBreak: false });
    pdf.text(body, x, y, { width: textWidth, align, continued: notes.length > 0 });
    if (notes.length) {
      // A smaller size on the same line sits higher, as pdfkit aligns fragments at the top: a superscript mark.
      pdf.fontSize(size.mark).text(marks, { continued: false });
      const small = pdf.currentLineHeight(true);
      pdf.y += pdf.fontSize(fontSize).currentLineHeight(true) - small;
    }
    pending = 0;
    onPage().push(...notes);
    reserve(onPage());
    pdf.x = margin.left;
    pdf.y += gap.paragraph;
  };

  /** Footnotes, running header (with a staff copy's marking) and page number, drawn on every page once laid out. */
  const finishPages = (symbol: string, marking: string | null) => {
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      pdf.page.margins.bottom = 0;
      const notes = notesByPage[i - range.start] ?? [];
      let y = pdf.page.height - margin.bottom - notesHeight(notes);
      if (notes.length) {
        pdf
          .moveTo(margin.left, y + 3)
          .lineTo(margin.left + width / 3, y + 3)
          .lineWidth(0.5)
          .stroke();
        y += 10;
        pdf.font("regular").fontSize(size.note);
        for (const fn of notes) {
          pdf.text(String(fn.number), margin.left, y, { lineBreak: false });
          pdf.text(fn.text, margin.left + indent, y, { width: width - indent });
          y += pdf.heightOfString(fn.text, { width: width - indent }) + 2;
        }
      }
      pdf.font("regular").fontSize(size.note);
      if (i > range.start) {
        pdf.text(symbol, margin.left, margin.top / 2, { width, align: "right", lineBreak: false });
      }
      if (marking) {
        pdf
          .font("bold")
          .text(marking, margin.left, margin.top / 4, { width, align: "center", lineBreak: false });
      }
      pdf.text(String(i - range.start + 1), margin.left, pageHeight - margin.bottom / 2, {
        width,
        align: "center",
        lineBreak: false,
      });
    }
  };

  return { text, newPageUnless, finishPages };
}

export type Layout = ReturnType<typeof createLayout>;
