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

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Every text of the model goes through here: a report never carries markup of its own. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const cjkFonts = `"Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo"`;

const css = `
:root { color: #000; background: #fff; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem; font-size: 12pt; line-height: 1.45;
  font-family: "Times New Roman", Times, ${cjkFonts}, serif; }
html[lang="ko"] body { font-family: ${cjkFonts}, sans-serif; }
:lang(ko) { word-break: keep-all; line-break: strict; }
.marking { text-align: center; font-weight: bold; border: 2px solid #000; padding: .25rem; margin: 0 0 1rem; }
.masthead .topline { display: flex; justify-content: space-between; align-items: baseline;
  border-bottom: 3px solid #000; padding-bottom: .25rem; }
.masthead .un { font-size: 14pt; margin: 0; }
.masthead .symbol { font-size: 20pt; font-weight: bold; margin: 0; }
.masthead .meta { display: flex; justify-content: space-between; gap: 2rem; padding-top: .5rem;
  border-bottom: 1px solid #000; padding-bottom: .5rem; }
.masthead .meta p { margin: 0; }
.masthead .organ { font-weight: bold; }
h1 { font-size: 16pt; margin: 1.5rem 0 .5rem; }
.subtitle { font-weight: bold; margin: 0 0 1.5rem; }
.summary { border: 1px solid #000; padding: .5rem 1rem; margin-bottom: 1.5rem; }
.summary h2 { text-align: center; }
h2 { font-size: 12pt; margin: 1.5rem 0 .75rem; }
h2 .num { display: inline-block; min-width: 2.5rem; }
.para, .item, .lead { position: relative; padding-left: 2.5rem; text-align: justify; margin: 0 0 .6rem; }
.item { margin-left: 2.5rem; }
.pnum { position: absolute; left: 0; }
.intro { padding-left: 2.5rem; }
blockquote { margin: 0 2.5rem .6rem 5rem; }
blockquote p { margin: 0 0 .25rem; }
.attribution { text-align: right; }
sup a, .footnotes a { color: inherit; }
table { border-collapse: collapse; margin: .5rem 0 .25rem 2.5rem; font-size: 10pt; }
caption { font-weight: bold; text-align: left; padding-bottom: .25rem; }
th, td { border-top: 1px solid #000; border-bottom: 1px solid #000; padding: .2rem .5rem; text-align: left; }
thead th { border-bottom-width: 2px; }
.table-note { font-size: 9pt; margin: 0 0 1rem 2.5rem; }
.footnotes { border-top: 1px solid #000; margin-top: 2rem; font-size: 10pt; }
.footnotes p { padding-left: 2rem; position: relative; margin: 0 0 .3rem; }
.footnotes .fnum { position: absolute; left: 0; }
@page { size: A4; margin: 2cm 2cm 2.5cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { text-decoration: none; }
  h1, h2 { break-after: avoid; }
  table, .summary, blockquote { break-inside: avoid; }
  .footnotes { break-before: auto; }
}
`;

/** Text as a CSS string: every character that could end the string or the style element is escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)?.toString(16)} `)}"`;
}

/** A staff copy carries its marking in the top margin of every printed page (browsers with CSS page margin boxes). */
function pageMarking(marking: string): string {
  return `@page { @top-center { content: ${cssString(marking)}; font: bold 9pt ${cjkFonts}, sans-serif; } }\n`;
}

/** Renders footnote marks and remembers each note once, with unique ids even if a note is cited twice. */
function createNotes() {
  const notes = new Map<number, { text: string; refs: string[] }>();
  const marks = (footnotes: ReportFootnote[]) =>
    footnotes
      .map((fn) => {
        const note = notes.get(fn.number) ?? { text: fn.text, refs: [] };
        notes.set(fn.number, note);
        const ref = note.refs.length ? `fnref-${fn.number}-${note.refs.length + 1}` : `fnref-${fn.number}`;
        note.refs.push(ref);
        return `<sup><a href="#fn-${fn.number}" id="${ref}" role="doc-noteref">${fn.number}</a></sup>`;
      })
      .join("<sup>,</sup>");
  return { marks, notes };
}

/** The report as one standalone HTML5 page in UN layout, every text escaped, readable in print and by screen readers. */
export function reportHtml(doc: ReportDocument): string {
  const l = reportLabels[doc.language];
  const { marks, notes } = createNotes();
  const [distribution, date, original] = mastheadRight(doc);
  const block = (b: ReportBlock): string => {
    switch (b.kind) {
      case "paragraph":
        return `<p class="para" id="para-${b.number}"><span class="pnum">${b.number}.</span> ${esc(b.text)}${marks(b.footnotes)}</p>`;
      case "quotation":
        return `<blockquote><p>${esc(b.text)}${marks(b.footnotes)}</p>${
          b.attribution ? `<p class="attribution">— ${esc(b.attribution)}</p>` : ""
        }</blockquote>`;
      case "table": {
        const head = b.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("");
        const rows = b.rows
          .map(
            (r) =>
              `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join("")}</tr>`,
          )
          .join("\n");
        return `<table><caption>${esc(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>${
          b.note ? `<p class="table-note">${esc(b.note)}</p>` : ""
        }`;
      }
    }
  };
  const sections = doc.sections.map(
    (s, i) =>
      `<section aria-labelledby="section-${i + 1}">\n<h2 id="section-${i + 1}"><span class="num">${romanNumeral(i + 1)}.</span> ${esc(s.heading)}</h2>\n${s.blocks.map(block).join("\n")}\n</section>`,
  );
  const r = doc.recommendations;
  if (r) {
    const n = doc.sections.length + 1;
    const groups = r.groups.map(
      (g) =>
        `<p class="lead" id="para-${g.number}"><span class="pnum">${g.number}.</span> ${esc(recommendationLead(g.addressee, doc.language))}</p>\n${g.items
          .map((item, i) => `<p class="item"><span class="pnum">${itemLetter(i)}</span> ${esc(item)}</p>`)
          .join("\n")}`,
    );
    sections.push(
      `<section aria-labelledby="section-${n}">\n<h2 id="section-${n}"><span class="num">${romanNumeral(n)}.</span> ${esc(r.heading)}</h2>\n${
        r.intro ? `<p class="intro">${esc(r.intro)}</p>\n` : ""
      }${groups.join("\n")}\n</section>`,
    );
  }
  const footnotes = [...notes.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([n, note]) =>
        `<p id="fn-${n}"><a class="fnum" href="#${note.refs[0]}" role="doc-backlink" aria-label="${esc(l.backToText(n))}">${n}</a> ${esc(note.text)}</p>`,
    );
  return `<!doctype html>
<html lang="${doc.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.symbol)} — ${esc(doc.title)}</title>
<style>${css}${doc.marking ? pageMarking(doc.marking) : ""}</style>
</head>
<body>
<header class="masthead">
${doc.marking ? `<p class="marking">${esc(doc.marking)}</p>\n` : ""}<div class="topline"><p class="un">${esc(l.unitedNations)}</p><p class="symbol">${esc(doc.symbol)}</p></div>
<div class="meta">
<div><p class="organ">${esc(doc.organ)}</p><p>${esc(doc.session)}</p><p>${esc(agendaItemLine(doc))}</p></div>
<div><p>${esc(distribution)}</p><p><time datetime="${esc(doc.date)}">${esc(date)}</time></p><p>${esc(original)}</p></div>
</div>
</header>
<main>
<h1>${esc(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>\n` : ""}<section class="summary" aria-labelledby="summary">
<h2 id="summary">${esc(l.summary)}</h2>
${summaryParagraphs(doc.summary)
  .map((p) => `<p>${esc(p)}</p>`)
  .join("\n")}
</section>
${sections.join("\n")}
${
  footnotes.length
    ? `<section class="footnotes" role="doc-endnotes" aria-labelledby="notes">\n<h2 id="notes">${esc(l.notes)}</h2>\n${footnotes.join("\n")}\n</section>\n`
    : ""
}</main>
</body>
</html>
`;
}
