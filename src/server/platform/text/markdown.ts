import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * The one Markdown of published text (press releases, the about page, mailings): raw HTML in the source is shown
 * as text, and the output is sanitised again against a short list of tags, so nothing a writer types can run in a
 * reader's browser or mail client.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "strong",
    "em",
    "code",
    "pre",
    "a",
    "img",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title"], img: ["src", "alt", "title"], th: ["scope"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  transformTags: {
    // A heading of the text sits under the page's own h1: `#` becomes h2.
    h1: "h2",
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }),
  },
};

/**
 * Markdown to safe HTML.
 * @example renderMarkdown("**Geneva** — The Special Rapporteur…") // "<p><strong>Geneva</strong> — …</p>\n"
 */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return "";
  return sanitizeHtml(md.render(source), {
    ...allowed,
    allowedAttributes: { ...allowed.allowedAttributes, a: ["href", "title", "rel"] },
  });
}

/**
 * Markdown to plain text (for feeds' summaries, the plain-text part of a mailing, meta descriptions).
 * @example markdownToText("**Geneva** — text") // "Geneva — text"
 */
export function markdownToText(source: string | null | undefined): string {
  if (!source) return "";
  const html = md.render(source).replace(/<\/(p|h\d|li|blockquote|pre|tr)>/g, "\n");
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
