import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../../../../../test/support/axe.js";
import { chromiumPath, launchChromium } from "../../../../../test/support/browser.js";
import { pdfPageTexts } from "../../../../../test/support/pdf-text.js";
import { buildEnglishReport, buildKoreanReport } from "../../../../../test/support/report-documents.js";
import { reportDocx } from "./report-docx.js";
import { reportHtml } from "./report-html.js";
import { reportPdf } from "./report-pdf.js";

async function docxPart(buffer: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return (await zip.file(name)?.async("string")) ?? "";
}

describe("a report exported to Word", () => {
  it("shows the UN masthead, numbered paragraphs, Word footnotes and lettered recommendations", async () => {
    const docx = await reportDocx(buildEnglishReport());
    const body = await docxPart(docx, "word/document.xml");
    const notes = await docxPart(docx, "word/footnotes.xml");
    expect(body).toContain("A/HRC/58/99");
    expect(body).toContain("United Nations");
    expect(body).toContain("Distr.: General");
    expect(body).toContain("12 February 2025");
    expect(body).toContain("Agenda item 4");
    expect(body).toMatch(/<w:t[^>]*>I\.<\/w:t>/);
    expect(body).toMatch(/<w:t[^>]*>1\.<\/w:t>/);
    expect(body).toMatch(/<w:t[^>]*>16\.<\/w:t>/);
    expect(body).toContain(
      "The Special Rapporteur recommends that the Government of the Democratic People&apos;s Republic of Korea:",
    );
    expect(body).toMatch(/<w:t[^>]*>\(a\)<\/w:t>[\s\S]*Disclose the fate[\s\S]*<w:t[^>]*>\(b\)<\/w:t>/);
    expect(body).toContain("Communications sent, 2022–2024");
    expect(body).toContain("<w:tbl>");
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(3);
    expect(notes).toContain("See A/HRC/RES/52/28.");
    expect(notes).toContain("Testimony collected in Seoul, 2024 (code T-0042).");
  });

  it("sets Korean text in an East Asian font with the Korean language", async () => {
    const docx = await reportDocx(buildKoreanReport());
    const body = await docxPart(docx, "word/document.xml");
    const styles = await docxPart(docx, "word/styles.xml");
    expect(body).toContain("조선민주주의인민공화국 인권 상황");
    expect(body).toContain("2025년 2월 12일");
    expect(body).toContain("원문: 영어");
    expect(body).toContain("특별보고관은 조선민주주의인민공화국 정부에 다음을 권고한다:");
    expect(await docxPart(docx, "word/footnotes.xml")).toContain("인권이사회 결의 52/28 참조.");
    expect(styles).toMatch(/w:eastAsia="Malgun Gothic"/);
    expect(styles).toMatch(/<w:lang w:val="ko-KR" w:eastAsia="ko-KR"/);
  });
});

describe("a report exported to HTML", () => {
  it("escapes what the model holds: a report can never carry a script", () => {
    const html = reportHtml(buildEnglishReport({ title: "<script>alert(1)</script> & more" }));
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h1>");
  });

  it("numbers paragraphs in the text and links footnotes both ways", () => {
    const html = reportHtml(buildEnglishReport());
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<p class="para" id="para-1"><span class="pnum">1.</span> The present report');
    expect(html).toContain('<h2 id="section-2"><span class="num">II.</span> Freedom of movement</h2>');
    expect(html).toContain('<a href="#fn-3" id="fnref-3" role="doc-noteref">3</a>');
    expect(html).toMatch(
      /<p id="fn-3"><a class="fnum" href="#fnref-3" role="doc-backlink"[^>]*>3<\/a> Testimony/,
    );
    expect(html).toContain('<th scope="col">Urgent appeals</th>');
    expect(html).toContain("<caption>Communications sent, 2022–2024</caption>");
    expect(html).toContain('<span class="pnum">(b)</span> Allow family reunions.');
  });

  it("declares Korean and a Korean font stack", () => {
    const html = reportHtml(buildKoreanReport());
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain("<h1>조선민주주의인민공화국 인권 상황</h1>");
    expect(html).toContain('"Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo"');
    expect(html).toContain('<time datetime="2025-02-12">2025년 2월 12일</time>');
  });

  it.skipIf(!chromiumPath)(
    "passes axe-core in a browser",
    async () => {
      const browser = await launchChromium();
      try {
        for (const doc of [buildEnglishReport(), buildKoreanReport()]) {
          const page = await browser.newPage();
          await page.setContent(reportHtml(doc));
          expect(await axeViolations(page)).toEqual([]);
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});

describe("a report exported to PDF", () => {
  it("is a paged PDF with its footnotes at the foot of the page that cites them", async () => {
    const pdf = await reportPdf(buildEnglishReport());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.toString("latin1")).toContain(`/Count ${pages.length}`);
    expect(pages[0]).toContain("A/HRC/58/99");
    const cited = pages.findIndex((p) => p.includes("Testimony collected in Seoul"));
    expect(cited).toBeGreaterThan(0);
    expect(pages[cited]).toContain("Officials confirmed the transfer.");
    expect(pages[0]).toContain("See A/HRC/RES/52/28.");
    expect(pages.at(-1)).toContain("Disclose the fate of all disappeared persons;");
    expect(pages.at(-1)).toContain(String(pages.length));
  });

  it("embeds a Korean font and renders Hangul that reads back as written", async () => {
    const pdf = await reportPdf(buildKoreanReport());
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
    const text = pdfPageTexts(pdf).join("\n");
    expect(text).toContain("조선민주주의인민공화국");
    expect(text).toContain("강제실종");
    expect(text).toContain("인권이사회 결의 52/28 참조.");
    expect(text).toContain("2025년 2월 12일");
  });
});

describe("a staff copy of a report", () => {
  const marking = 'Internal — not for distribution </style><script>"x"</script>';

  it("carries its marking on every page of the PDF and in every Word header", async () => {
    const pages = pdfPageTexts(await reportPdf(buildEnglishReport({ marking })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain("Internal — not for distribution");
    const docx = await reportDocx(buildEnglishReport({ marking }));
    expect(await docxPart(docx, "word/header1.xml")).toContain("Internal — not for distribution");
    expect(await docxPart(docx, "word/header2.xml")).toContain("Internal — not for distribution");
  });

  it("prints its marking on every HTML page without letting it break out of the style sheet", () => {
    const html = reportHtml(buildEnglishReport({ marking }));
    expect(html).toContain('<p class="marking">Internal — not for distribution &lt;/style&gt;');
    expect(html).toMatch(/@top-center \{ content: "Internal \\2014 {2}not for distribution \\3c \\2f style/);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toContain("<script>");
  });
});
