import {
  type EditorValues,
  type PressRelease,
  type TextFieldName,
  textFieldNames,
} from "./press-release-api.js";

/** What the editor shows of a release (empty texts for what it does not have yet). */
export function valuesOf(r?: PressRelease): EditorValues {
  const texts = Object.fromEntries(textFieldNames.map((n) => [n, r?.[n] ?? ""])) as Record<
    TextFieldName,
    string
  >;
  return {
    ...texts,
    confidentiality: r?.confidentiality ?? "internal",
    restrictedTo: r?.restrictedTo ?? null,
  };
}

/** The body that creates a release in the mandate: only what was filled in (the API makes the slug if empty). */
export function createBodyOf(mandateId: string, v: EditorValues): Record<string, unknown> {
  const body: Record<string, unknown> = { mandateId, confidentiality: v.confidentiality };
  for (const n of textFieldNames) if (v[n].trim() !== "") body[n] = v[n];
  if (v.restrictedTo !== null) body.restrictedTo = v.restrictedTo;
  return body;
}

/** The body that saves an edit: only what changed, an emptied text as null, with the version it was read at. */
export function updateBodyOf(r: PressRelease, v: EditorValues): Record<string, unknown> {
  const body: Record<string, unknown> = { version: r.version };
  for (const n of textFieldNames) if (v[n] !== (r[n] ?? "")) body[n] = v[n].trim() === "" ? null : v[n];
  if (v.confidentiality !== r.confidentiality) body.confidentiality = v.confidentiality;
  if (JSON.stringify(v.restrictedTo) !== JSON.stringify(r.restrictedTo ?? null))
    body.restrictedTo = v.restrictedTo;
  return body;
}

/**
 * The Markdown that shows an uploaded image with its alternative text (brackets and backslashes escaped, one line).
 * @example imageMarkdown("A map [2017]", "0193…") // "![A map \[2017\]](image:0193…)"
 */
export const imageMarkdown = (alt: string, id: string) =>
  `![${alt
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\[\]]/g, "\\$&")}](image:${id})`;

/**
 * Puts a block (an image) into a text at a position, as a paragraph of its own: blank lines around it where the text
 * goes on. Returns the new text and the position after the block.
 */
export function insertBlock(text: string, at: number, block: string): { text: string; at: number } {
  const cut = Math.max(0, Math.min(at, text.length));
  const before = text.slice(0, cut).replace(/[ \t]+$/, "");
  const after = text.slice(cut).replace(/^[ \t]+/, "");
  const lead = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after === "" ? "" : after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const head = `${before}${lead}${block}`;
  return { text: `${head}${trail}${after}`, at: head.length };
}
