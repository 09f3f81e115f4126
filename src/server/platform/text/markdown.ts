import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * The one Markdown of published text (press releases, the about page, mailings): raw HTML in the source is shown
 * as text, and the output is sanitised again against a short list of tags, so nothing a writer types can run in a
 * reader's browser or mail client.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

/** How a text's `![alt](image:ID)` references become addresses; null drops the image. */
export type MarkdownOptions = {
  imageUrl?: (id: string) => string | null;
};
type RenderEnv = MarkdownOptions & {
  /** Plain text: an image is its alternative text. */
  textOnly?: boolean;
};

/** The scheme of an image stored with the text (a press release's uploaded image): `image:` and its id. */
const imageScheme = "image:";
const drawImage = md.renderer.rules.image;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const e = (env ?? {}) as RenderEnv;
  if (!token || !drawImage) return "";
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  if (e.textOnly) return md.utils.escapeHtml(alt);
  const src = String(token.attrGet("src") ?? "");
  if (src.startsWith(imageScheme)) {
    // The mapped address still goes through the sanitiser below, like any other.
    const url = e.imageUrl?.(src.slice(imageScheme.length)) ?? null;
    if (url === null) return "";
    token.attrSet("src", url);
  }
  return drawImage(tokens, idx, options, env, self);
};

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
  // `rel`: the transform below sets it on every link.
  allowedAttributes: { a: ["href", "title", "rel"], img: ["src", "alt", "title"], th: ["scope"] },
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
 * Markdown to safe HTML. Images stored with the text (`![alt](image:ID)`) take the address `imageUrl` gives them
 * (a relative path such as `/media/ID` is kept by the sanitiser); without one, or when it gives null, they are left out.
 * @example renderMarkdown("**Geneva** — ![A map](image:0193…)", { imageUrl: (id) => `/media/${id}` })
 */
export function renderMarkdown(source: string | null | undefined, options: MarkdownOptions = {}): string {
  if (!source) return "";
  const env: RenderEnv = { ...options };
  return sanitizeHtml(md.render(source, env), allowed);
}

/**
 * Markdown to plain text (for feeds' summaries, the plain-text part of a mailing, meta descriptions); an image is its
 * alternative text.
 * @example markdownToText("**Geneva** — text") // "Geneva — text"
 */
export function markdownToText(source: string | null | undefined): string {
  if (!source) return "";
  const env: RenderEnv = { textOnly: true };
  const html = md.render(source, env).replace(/<\/(p|h\d|li|blockquote|pre|tr)>/g, "\n");
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
